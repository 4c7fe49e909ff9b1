#!/usr/bin/env python3
"""Builds the example scenarios under examples/ from the real payloads in /work/shared/azure-fixtures.

Not needed at build time: the folders it writes are committed. Each folder's NOTES.md says which
fixture (and which networkCallRecords index) each file came from and what was edited; every value
that no fixture holds (power states, metric values, rules and routes added) is marked there as
invented. Python 3 standard library only. Run from the repository root:

    python3 examples/make_examples.py

Approach (the same as engine/src/test/scripts/make_snapshots.py): start from the fixture
documents; rewrite ids only where a reference must resolve; then, for the recorded worlds whose
names are random test names, rename resources consistently across every file of the folder with
one name map (printed in NOTES.md) so the story reads well.
"""
import json, os, re, shutil, sys

FIX = os.environ.get("FIXTURES", "/work/shared/azure-fixtures")
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)))
SUB0 = "/subscriptions/00000000-0000-0000-0000-000000000000"

NATRULES = "load-balancers/azure-libraries-for-java.azure.testLoadBalancersNatRules.session-record.json"
INTERNAL = "load-balancers/azure-libraries-for-java.azure.testLoadBalancersInternalMinimum.session-record.json"
CRUD = "load-balancers/azure-libraries-for-java.azure-mgmt-network.canCRUDProbe.session-record.json"
NSGREC = "network-security-groups/azure-libraries-for-java.azure.testNetworkSecurityGroups.session-record.json"
RTREC = "route-tables/azure-libraries-for-java.azure.testRouteTables.session-record.json"
VMSS = "vmss/azure-libraries-for-java.azure-mgmt-compute.canCreateZoneRedundantVirtualMachineScaleSetWithZoneResilientLoadBalancer.session-record.json"
OUTBOUND = "load-balancers/azure-rest-api-specs.network.2025-07-01.LoadBalancerCreateWithOutboundRules.json"
NICSPEC = "network-interfaces/azure-rest-api-specs.network.2025-10-01.NetworkInterfaceGet.json"
EFFROUTES = "effective-routes/azure-rest-api-specs.network.2025-10-01.NetworkInterfaceEffectiveRouteTableList.json"


def spec(path, status="200"):
    return json.load(open(os.path.join(FIX, path)))["responses"][status]["body"]


def record(path, i):
    r = json.load(open(os.path.join(FIX, path)))["networkCallRecords"][i]
    return json.loads(r["Response"]["Body"])  # Body is a JSON document encoded as a string


def rename(doc, names):
    """Replaces each old name by its new one everywhere in the document (ids, names, references)."""
    text = json.dumps(doc)
    for old, new in names.items():
        text = re.sub(re.escape(old), lambda m: new, text, flags=re.I)  # ids differ in case (RG164701)
    return json.loads(text)


class Folder:
    def __init__(self, name, names=None):
        self.dir = os.path.join(OUT, name)
        self.names = names or {}
        if os.path.isdir(self.dir):
            shutil.rmtree(self.dir)
        os.makedirs(self.dir)

    def write(self, file, doc):
        with open(os.path.join(self.dir, file), "w", encoding="utf-8") as f:
            json.dump(rename(doc, self.names), f, indent=2)
            f.write("\n")

    def text(self, file, text):
        with open(os.path.join(self.dir, file), "w", encoding="utf-8") as f:
            f.write(text.lstrip("\n"))


def running():
    """Invented: the instance view a running VM has (the recorded GETs carry none)."""
    return {"statuses": [
        {"code": "ProvisioningState/succeeded", "level": "Info", "displayStatus": "Provisioning succeeded"},
        {"code": "PowerState/running", "level": "Info", "displayStatus": "VM running"}]}


def deallocated():
    return {"statuses": [
        {"code": "ProvisioningState/succeeded", "level": "Info", "displayStatus": "Provisioning succeeded"},
        {"code": "PowerState/deallocated", "level": "Info", "displayStatus": "VM deallocated"}]}


def metrics(lb_id, dip):
    """An Azure Monitor "Metrics - List" response (az monitor metrics list) with DipAvailability per backend IP."""
    def series(ip, values):
        return {"metadatavalues": [{"name": {"value": "BackendIPAddress", "localizedValue": "Backend IP Address"}, "value": ip},
                                   {"name": {"value": "ProtocolType", "localizedValue": "Protocol Type"}, "value": "TCP"}],
                "data": [{"timeStamp": "2026-11-25T10:0%d:00Z" % i, "average": v} for i, v in enumerate(values)]}
    return {"cost": 0, "timespan": "2026-11-25T10:00:00Z/2026-11-25T10:05:00Z", "interval": "PT1M",
            "namespace": "Microsoft.Network/loadBalancers", "resourceregion": "eastus",
            "value": [{"id": lb_id + "/providers/Microsoft.Insights/metrics/DipAvailability",
                       "type": "Microsoft.Insights/metrics",
                       "name": {"value": "DipAvailability", "localizedValue": "Health Probe Status"},
                       "displayDescription": "Average Load Balancer health probe status per time duration",
                       "unit": "Percent",
                       "timeseries": [series(ip, values) for ip, values in dip],
                       "errorCode": "Success"}]}


def scenario(title, report, symptom, lb, answers, expect, no_confirmed=False):
    lines = ["title: %s" % json.dumps(title), "report: >-"]
    lines += ["  " + l for l in report.strip().splitlines()]
    lines += ["symptom: %s" % symptom, "loadBalancer: %s" % lb]
    if answers:
        lines.append("answers:")
        lines += ["  %s: %s" % (k, json.dumps(v)) for k, v in answers.items()]
    else:
        lines.append("answers: {}")
    if expect:
        lines.append("expect:")
        lines += ["  - cause: %s\n    status: %s" % (c, s) for c, s in expect]
    else:
        lines.append("expect: []")
    if no_confirmed:
        lines.append("expectNoConfirmed: true")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------------------------
# The "web" world: testLoadBalancersNatRules (public Basic LB lb164701, two NICs and VMs), with the
# NSG of testNetworkSecurityGroups moved into its resource group.

WEB = {"rg164701": "rg-web", "lb164701": "lb-web", "net164701": "vnet-web", "pipa164701": "pip-web",
       "nic28110592805": "nic-web-1", "nic43187a6ecd2": "nic-web-2",
       "vmb9f0738985": "vm-web-1", "vm74f116254d": "vm-web-2", "AS164701": "as-web",
       "rg806524": "rg-web", "nsg806524": "nsg-web"}
WEB_TABLE = """| Fixture name | Name here |
|---|---|
""" + "".join("| `%s` | `%s` |\n" % kv for kv in WEB.items())
NSG_WEB_ID = SUB0 + "/resourceGroups/rg806524/providers/Microsoft.Network/networkSecurityGroups/nsg806524"


def web_nsg():
    nsg = record(NSGREC, 9)
    nsg["location"] = "eastus"
    return nsg


def deny_all(nsg_id):
    """Invented: a custom inbound DenyAll rule at priority 100, as the GET would show it."""
    return {"name": "DenyAll", "id": nsg_id + "/securityRules/DenyAll", "type": "Microsoft.Network/networkSecurityGroups/securityRules",
            "properties": {"provisioningState": "Succeeded", "description": "block everything (invented for this example)",
                           "protocol": "*", "sourcePortRange": "*", "destinationPortRange": "*",
                           "sourceAddressPrefix": "*", "destinationAddressPrefix": "*", "access": "Deny",
                           "priority": 100, "direction": "Inbound", "sourcePortRanges": [], "destinationPortRanges": [],
                           "sourceAddressPrefixes": [], "destinationAddressPrefixes": []}}


def web_world(f, vm1_view=None, vm2_view=None):
    f.write("lb.json", record(NATRULES, 48))
    nic1, nic2 = record(NATRULES, 56), record(NATRULES, 57)
    vm1, vm2 = record(NATRULES, 12), record(NATRULES, 18)
    vm1["properties"]["instanceView"] = vm1_view or running()
    vm2["properties"]["instanceView"] = vm2_view or running()
    f.write("pip-web.json", record(NATRULES, 51))
    return nic1, nic2, vm1, vm2, record(NATRULES, 4)


WEB_FILES = """| File | Came from | Edits |
|---|---|---|
| lb.json | `%(nat)s` record [48], GET `lb164701`: public **Basic**, probes `httpProbe1` (Http 80) and `tcpProbe1` (Tcp **25**), rule `rule1` 81 -> **82** with `tcpProbe1`, pool `backend1` with both NICs | names only |
| pip-web.json | same, record [51], GET `pipa164701` (137.135.106.120) | names only |
| nic-web-1.json | same, record [56], GET `nic28110592805` (**10.0.0.4**, VM `vmb9f0738985`) | names only%(nic1)s |
| nic-web-2.json | same, record [57], GET `nic43187a6ecd2` (**10.0.0.5**, VM `vm74f116254d`) | names only%(nic2)s |
| vm-web-1.json | same, record [12], GET `vmb9f0738985` | names; `properties.instanceView` **invented**: %(vm1)s (the recorded GET has no instance view) |
| vm-web-2.json | same, record [18], GET `vm74f116254d` | names; `properties.instanceView` **invented**: %(vm2)s |
| vnet-web.json | same, record [4], GET `net164701` (10.0.0.0/28; `subnet1` 10.0.0.0/29) | names only%(vnet)s |
"""
NSG_ROW = """| nsg-web.json | `%s` record [9], GET `nsg806524`: custom `rule1` (Outbound, 80) and `rule2` (Inbound Allow 22-25 from an application security group, priority 200) plus the 6 default rules | names (moved from `rg806524` into `rg-web`); `location` westus -> eastus (an NSG must be in the region of what it guards)%s |
""" % (NSGREC, "%s")


def web_notes(title, intro, nic1="", nic2="", vm1="`PowerState/running`", vm2="`PowerState/running`", vnet="", nsg=None, extra=""):
    t = "# %s\n\n%s\n\nGenerated by `examples/make_examples.py`. Sources are under `/work/shared/azure-fixtures/`; session-record Bodies are parsed a second time.\n\n" % (title, intro.strip())
    t += "## Names\n\nRenamed consistently in every file of this folder (plain text replacement over the whole document, ignoring case):\n\n" + WEB_TABLE
    t += "\n## Files\n\n" + WEB_FILES % {"nat": NATRULES, "nic1": nic1, "nic2": nic2, "vm1": vm1, "vm2": vm2, "vnet": vnet}
    if nsg is not None:
        t += NSG_ROW % nsg
    return t + extra


def nsg_deny_all_nic():
    f = Folder("nsg-deny-all-nic", WEB)
    nic1, nic2, vm1, vm2, vnet = web_world(f)
    for nic in (nic1, nic2):
        nic["properties"]["networkSecurityGroup"] = {"id": NSG_WEB_ID}
    f.write("nic-web-1.json", nic1)
    f.write("nic-web-2.json", nic2)
    f.write("vm-web-1.json", vm1)
    f.write("vm-web-2.json", vm2)
    f.write("vnet-web.json", vnet)
    nsg = web_nsg()
    nsg["properties"]["securityRules"].insert(0, deny_all(NSG_WEB_ID))
    nsg["properties"]["networkInterfaces"] = [{"id": nic1["id"]}, {"id": nic2["id"]}]
    f.write("nsg-web.json", nsg)
    added = "; `properties.networkSecurityGroup` = `nsg-web` **added** (the NSG is on the NIC)"
    f.text("NOTES.md", web_notes("nsg-deny-all-nic", """
Both backends of the public Basic load balancer `lb-web` run, but the NSG attached to **both NICs** has a custom
inbound `DenyAll` rule (priority 100, any source, any port) that Azure evaluates before the default
`AllowAzureLoadBalancerInBound` (65001), so the health probe from 168.63.129.16 to port 25 never reaches the VMs.
The subnet has no NSG.""", nic1=added, nic2=added, nsg="; custom rule `DenyAll` (Inbound, Deny, priority 100, `*` -> `*`, ports `*`) **invented** and put first; `networkInterfaces` back-references added"))
    f.text("scenario.yaml", scenario(
        "NIC-level NSG denies everything, so the health probe fails",
        """lb-web stopped serving about 20 minutes after a security hardening change went out.
Portal shows both backends of the pool failing the health probe (tcpProbe1, port 25).
The VMs are up and I can RDP to them through Bastion. What is blocking the probe?""",
        "probe-down", "lb-web", {}, [("probe-port-blocked", "confirmed")]))


def nsg_deny_all_subnet():
    f = Folder("nsg-deny-all-subnet", WEB)
    nic1, nic2, vm1, vm2, vnet = web_world(f)
    f.write("nic-web-1.json", nic1)
    f.write("nic-web-2.json", nic2)
    f.write("vm-web-1.json", vm1)
    f.write("vm-web-2.json", vm2)
    subnet = vnet["properties"]["subnets"][0]
    subnet["properties"]["networkSecurityGroup"] = {"id": NSG_WEB_ID}
    f.write("vnet-web.json", vnet)
    nsg = web_nsg()
    nsg["properties"]["securityRules"].insert(0, deny_all(NSG_WEB_ID))
    nsg["properties"]["subnets"] = [{"id": subnet["id"]}]
    f.write("nsg-web.json", nsg)
    f.text("NOTES.md", web_notes("nsg-deny-all-subnet", """
The same story as `nsg-deny-all-nic`, but the NSG with the custom `DenyAll` rule (priority 100) is attached to the
**subnet** `subnet1` of both backends; the NICs have no NSG of their own.""",
        vnet="; `subnet1.properties.networkSecurityGroup` = `nsg-web` **added**",
        nsg="; custom rule `DenyAll` (Inbound, Deny, priority 100, `*` -> `*`, ports `*`) **invented** and put first; `subnets` back-reference added"))
    f.text("scenario.yaml", scenario(
        "Subnet NSG denies everything, so the health probe fails",
        """Since this morning's network change every backend behind lb-web shows as unhealthy
and the site is down. Nothing changed on the VMs themselves. Health probe tcpProbe1
on port 25 is red for 10.0.0.4 and 10.0.0.5.""",
        "probe-down", "lb-web", {}, [("probe-port-blocked", "confirmed")]))


def vm_deallocated():
    f = Folder("vm-deallocated", WEB)
    nic1, nic2, vm1, vm2, vnet = web_world(f, vm2_view=deallocated())
    f.write("nic-web-1.json", nic1)
    f.write("nic-web-2.json", nic2)
    f.write("vm-web-1.json", vm1)
    f.write("vm-web-2.json", vm2)
    subnet = vnet["properties"]["subnets"][0]
    subnet["properties"]["networkSecurityGroup"] = {"id": NSG_WEB_ID}
    f.write("vnet-web.json", vnet)
    nsg = web_nsg()
    nsg["properties"]["subnets"] = [{"id": subnet["id"]}]
    f.write("nsg-web.json", nsg)
    f.text("NOTES.md", web_notes("vm-deallocated", """
One of the two backends of `lb-web`, `vm-web-2` (10.0.0.5), is **deallocated** (someone stopped it from the portal).
The subnet NSG `nsg-web` keeps its recorded rules and the defaults, so the probe is admitted.""",
        vm2="`PowerState/deallocated`", vnet="; `subnet1.properties.networkSecurityGroup` = `nsg-web` **added**",
        nsg="; `subnets` back-reference added; no rule added"))
    f.text("scenario.yaml", scenario(
        "A backend VM is deallocated",
        """Half of the requests to lb-web time out since last night. The health probe shows
one backend (10.0.0.5) down, the other one (10.0.0.4) is fine. No deployment happened.""",
        "probe-down", "lb-web", {}, [("vm-unhealthy", "confirmed")]))


def udr_virtual_appliance():
    f = Folder("udr-virtual-appliance", dict(WEB, rg68506b="rg-web", rt68506b="rt-web"))
    nic1, nic2, vm1, vm2, vnet = web_world(f)
    f.write("nic-web-1.json", nic1)
    f.write("nic-web-2.json", nic2)
    f.write("vm-web-1.json", vm1)
    f.write("vm-web-2.json", vm2)
    rt = record(RTREC, 5)
    rt["location"] = "eastus"
    rt_id = rt["id"]
    rt["properties"]["routes"].append({
        "name": "to-firewall", "id": rt_id + "/routes/to-firewall", "type": "Microsoft.Network/routeTables/routes",
        "properties": {"provisioningState": "Succeeded", "addressPrefix": "0.0.0.0/0", "nextHopType": "VirtualAppliance",
                       "nextHopIpAddress": "10.0.2.4", "hasBgpOverride": False}})
    subnet = vnet["properties"]["subnets"][0]
    subnet["properties"]["routeTable"] = {"id": rt_id}
    subnet["properties"]["networkSecurityGroup"] = {"id": NSG_WEB_ID}
    rt["properties"]["subnets"] = [{"id": subnet["id"]}]
    f.write("rt-web.json", rt)
    f.write("vnet-web.json", vnet)
    nsg = web_nsg()
    nsg["properties"]["subnets"] = [{"id": subnet["id"]}]
    f.write("nsg-web.json", nsg)
    eff = spec(EFFROUTES)
    routes = eff["value"]
    routes[0]["addressPrefix"] = ["10.0.0.0/28"]  # the VNet's address space
    routes[1]["state"] = "Invalid"  # a user route for the same prefix overrides the default 0.0.0.0/0
    for r in rt["properties"]["routes"]:
        p = r["properties"]
        routes.append({"source": "User", "state": "Active", "name": r["name"], "addressPrefix": [p["addressPrefix"]],
                       "nextHopType": p["nextHopType"],
                       "nextHopIpAddress": [p["nextHopIpAddress"]] if p.get("nextHopIpAddress") else []})
    f.write("nic-web-1.effective-routes.json", eff)
    f.write("nic-web-2.effective-routes.json", eff)
    f.text("NOTES.md", web_notes("udr-virtual-appliance", """
A route table `rt-web` on the backends' subnet sends `0.0.0.0/0` to a network virtual appliance (firewall) at
10.0.2.4, so the backends' replies to the probe source 168.63.129.16 leave through the firewall instead of going
straight back. The NSGs admit the probe. A route alone does not prove the probe fails (Azure may still answer), so
the rules only **suspect** `probe-misconfigured`.""",
        vnet="; `subnet1.properties.routeTable` = `rt-web` and `networkSecurityGroup` = `nsg-web` **added**",
        nsg="; `subnets` back-reference added; no rule added",
        extra="""| rt-web.json | `%s` record [5], GET `rt68506b`: routes `route1` 10.0.1.0/29 -> VirtualAppliance 10.1.1.1, `route2` 10.0.0.0/29 -> VnetLocal, `route_rt68506b1580980534845` 10.0.3.0/29 -> VnetLocal | names (`rg68506b` -> `rg-web`, `rt68506b` -> `rt-web`); `location` westus -> eastus; route `to-firewall` 0.0.0.0/0 -> VirtualAppliance **10.0.2.4** **invented**; `subnets` back-reference added |
| nic-web-1.effective-routes.json, nic-web-2.effective-routes.json | `%s` (`responses.200.body`, default system routes) | VnetLocal prefix 172.20.2.0/24 -> 10.0.0.0/28 (this VNet); the default 0.0.0.0/0 Internet route set to `state: Invalid` (overridden, as Azure shows it); the four routes of `rt-web` appended as `source: User` entries (so the `to-firewall` route is **invented** here too) |
""" % (RTREC, EFFROUTES)))
    f.text("scenario.yaml", scenario(
        "A user route sends the backends' replies through a firewall",
        """After the hub firewall project went live, lb-web marks both backends unhealthy.
The VMs run, IIS answers locally on the box, and the NSG was not touched. The network
team added a route table to the web subnet yesterday.""",
        "probe-down", "lb-web", {}, [("probe-misconfigured", "suspected")]))


# ---------------------------------------------------------------------------------------------
# The "shop" world: the Standard internal LB of canCRUDProbe (lb24987, empty pools) with the two
# NICs and VMs of testLoadBalancersNatRules moved into its VNet and pool.

SHOP = {"javanwmrg64006": "rg-shop", "lb24987": "lb-shop", "vm10798": "vnet-shop",
        "rg164701": "rg-shop", "net164701": "vnet-shop",
        "nic28110592805": "nic-shop-1", "nic43187a6ecd2": "nic-shop-2",
        "vmb9f0738985": "vm-shop-1", "vm74f116254d": "vm-shop-2", "AS164701": "as-shop",
        "rg806524": "rg-shop", "nsg806524": "nsg-shop"}
SHOP_RG = SUB0 + "/resourceGroups/javanwmrg64006/providers/"


def shop_world(f, dip):
    lb = record(CRUD, 17)
    pool = lb["properties"]["backendAddressPools"][0]  # lb24987-BAP1, the pool of httpRule (probe httpProbe)
    nics = []
    for i, ip in ((56, "172.18.0.5"), (57, "172.18.0.6")):
        nic = record(NATRULES, i)
        ipc = nic["properties"]["ipConfigurations"][0]["properties"]
        ipc["privateIPAddress"] = ip
        ipc["subnet"]["id"] = SHOP_RG + "Microsoft.Network/virtualNetworks/vm10798/subnets/subnet1"
        ipc["loadBalancerBackendAddressPools"] = [{"id": pool["id"]}]
        ipc.pop("loadBalancerInboundNatRules", None)  # NAT rules of the other recording's load balancer
        nics.append(nic)
    pool["properties"]["backendIPConfigurations"] = [{"id": n["properties"]["ipConfigurations"][0]["id"]} for n in nics]
    f.write("lb.json", lb)
    f.write("nic-shop-1.json", nics[0])
    f.write("nic-shop-2.json", nics[1])
    for name, i in (("vm-shop-1.json", 12), ("vm-shop-2.json", 18)):
        vm = record(NATRULES, i)
        vm["properties"]["instanceView"] = running()
        f.write(name, vm)
    vnet = record(CRUD, 3)
    subnet = vnet["properties"]["subnets"][0]
    nsg_id = SUB0 + "/resourceGroups/rg806524/providers/Microsoft.Network/networkSecurityGroups/nsg806524"
    subnet["properties"]["networkSecurityGroup"] = {"id": nsg_id}
    f.write("vnet-shop.json", vnet)
    nsg = record(NSGREC, 9)
    nsg["location"] = lb["location"]
    nsg["properties"]["subnets"] = [{"id": subnet["id"]}]
    f.write("nsg-shop.json", nsg)
    f.write("metrics.json", metrics(lb["id"], dip))
    return lb


SHOP_TABLE = "| Fixture name | Name here |\n|---|---|\n" + "".join("| `%s` | `%s` |\n" % kv for kv in SHOP.items())


def shop_notes(title, intro, metric_text):
    return ("# %s\n\n%s\n\nGenerated by `examples/make_examples.py`. Sources are under `/work/shared/azure-fixtures/`; "
            "session-record Bodies are parsed a second time.\n\n## Names\n\nRenamed consistently in every file of this folder "
            "(plain text replacement over the whole document, ignoring case). Two resource groups of two recordings become one:\n\n%s\n"
            "## Files\n\n| File | Came from | Edits |\n|---|---|---|\n"
            "| lb.json | `%s` record [17], last GET of `lb24987`: **Standard**, internal frontend 172.18.0.4, `httpRule` 80 -> 80 with `httpProbe` (Http 80 `/`) on pool `lb24987-BAP1`; `httpsRule` 443 on `lb24987-BAP2` without probe | names; pool `lb24987-BAP1` got `backendIPConfigurations` listing the two NICs' `primary` IP configurations (the recorded pool is empty) |\n"
            "| nic-shop-1.json | `%s` record [56], GET `nic28110592805` | names; moved into this VNet: private IP 10.0.0.4 -> **172.18.0.5**, `subnet.id` -> `vnet-shop/subnets/subnet1`, `loadBalancerBackendAddressPools` -> `lb-shop-BAP1` |\n"
            "| nic-shop-2.json | same, record [57], GET `nic43187a6ecd2` | names; private IP 10.0.0.5 -> **172.18.0.6**, subnet and pool as above; its `loadBalancerInboundNatRules` (a NAT rule of the recording's own load balancer `lb164701`) removed |\n"
            "| vm-shop-1.json, vm-shop-2.json | same, records [12] and [18] | names; `properties.instanceView` **invented**: `PowerState/running` for both |\n"
            "| vnet-shop.json | `%s` record [3], GET `vm10798` (172.18.0.0/28, `subnet1` 172.18.0.0/28) | names; `subnet1.properties.networkSecurityGroup` = `nsg-shop` **added** |\n"
            "| nsg-shop.json | `%s` record [9], GET `nsg806524`: custom `rule1` (Outbound 80), `rule2` (Inbound Allow 22-25 from an ASG), the 6 default rules | names; `location` westus -> eastus; `subnets` back-reference added; no rule added, so the defaults admit the probe (AllowAzureLoadBalancerInBound) and VNet traffic to port 80 (AllowVnetInBound) |\n"
            "| metrics.json | **hand-written** Azure Monitor \"Metrics - List\" response (`az monitor metrics list --metric DipAvailability --filter \"BackendIPAddress eq '*'\"`), the same shape as `engine/src/test/resources/snapshots/standard-crudprobe/metrics.json` (see its NOTES.md for the schema source) | values **invented**: %s |\n"
            % (title, intro.strip(), SHOP_TABLE, CRUD, NATRULES, CRUD, NSGREC, metric_text))


def probe_zero_vm_not_responding():
    f = Folder("probe-zero-vm-not-responding", SHOP)
    shop_world(f, [("172.18.0.5", [100.0, 100.0, 0.0, 0.0, 0.0, 0.0]), ("172.18.0.6", [100.0] * 6)])
    f.text("NOTES.md", shop_notes("probe-zero-vm-not-responding", """
Standard internal load balancer `lb-shop` with two running backends. Azure Monitor shows the health probe status
(DipAvailability) of `vm-shop-1` (172.18.0.5) dropping to 0 % while `vm-shop-2` (172.18.0.6) stays at 100 %. Both VMs
are *running* as far as Azure knows and the NSG admits the probe, so nothing in the facts explains it: the on-call
engineer tries to reach the VM and it does not answer (`vm-responds: no`), which confirms the VM is unhealthy
(hung guest, for instance).""", "DipAvailability for 172.18.0.5 = 100, 100, then 0 for four minutes; for 172.18.0.6 = 100 throughout"))
    f.text("scenario.yaml", scenario(
        "Probe status 0 for one backend whose VM does not respond",
        """Checkout API on lb-shop returns errors for roughly half of the calls since 10:02.
Health probe status in the portal metrics is 0 for 172.18.0.5 and 100 for 172.18.0.6.
Both VMs show Running.""",
        "probe-down", "lb-shop", {"vm-responds": "no"}, [("vm-unhealthy", "confirmed")]))


def healthy():
    f = Folder("healthy", SHOP)
    shop_world(f, [("172.18.0.5", [100.0] * 6), ("172.18.0.6", [100.0] * 6)])
    f.text("NOTES.md", shop_notes("healthy", """
The control case: Standard internal load balancer `lb-shop` whose two backends run, whose subnet NSG admits the
probe and VNet traffic to the data port, and whose health probe status (DipAvailability) is 100 % for both
backends. The diagnosis must confirm nothing (it may still ask questions).""", "DipAvailability 100 for 172.18.0.5 and 172.18.0.6 throughout"))
    f.text("scenario.yaml", scenario(
        "Everything is healthy",
        """Got paged for lb-shop health probe alert at 10:00 but it auto-resolved.
Can you check whether anything is still wrong with the backends?""",
        "probe-down", "lb-shop", {}, [], no_confirmed=True))


# ---------------------------------------------------------------------------------------------

def public_standard_nsg_blocks_clients():
    f = Folder("public-standard-nsg-blocks-clients")
    lb = spec(OUTBOUND)
    f.write("lb.json", lb)
    nic = spec(NICSPEC)
    ipc = nic["properties"]["ipConfigurations"][0]["properties"]
    ipc["loadBalancerBackendAddressPools"] = [{"id": lb["properties"]["backendAddressPools"][0]["id"]}]
    f.write("test-nic.json", nic)
    nsg_id = nic["properties"]["networkSecurityGroup"]["id"]  # .../rg1/.../networkSecurityGroups/nsg
    nsg = rename(record(NSGREC, 9), {SUB0 + "/resourceGroups/rg806524/": "/subscriptions/subid/resourceGroups/rg1/",
                                      "networkSecurityGroups/nsg806524": "networkSecurityGroups/nsg"})
    nsg["name"] = "nsg"
    nsg["location"] = "eastus"
    nsg["properties"]["networkInterfaces"] = [{"id": nic["id"]}]
    assert nsg["id"] == nsg_id
    f.write("nsg.json", nsg)
    vnet = record(INTERNAL, 20)
    old_vnet = vnet["id"]
    vnet = rename(vnet, {old_vnet: "/subscriptions/subid/resourceGroups/rg1/providers/Microsoft.Network/virtualNetworks/rg1-vnet"})
    vnet["name"] = "rg1-vnet"
    first = vnet["properties"]["subnets"][0]
    vnet = rename(vnet, {first["id"]: ipc["subnet"]["id"]})
    first = vnet["properties"]["subnets"][0]
    first["name"] = "default"
    first["properties"]["addressPrefix"] = "172.20.2.0/24"
    first["properties"]["ipConfigurations"] = [{"id": nic["properties"]["ipConfigurations"][0]["id"]}]
    vnet["properties"]["subnets"] = [first]
    vnet["properties"]["addressSpace"]["addressPrefixes"] = ["172.20.0.0/16"]
    f.write("rg1-vnet.json", vnet)
    f.text("NOTES.md", """
# public-standard-nsg-blocks-clients

A **Standard** public load balancer (`lb`, rule `rulelb` 80 -> 80, Http probe `probe-lb` on port 80) with one
backend NIC `test-nic` (172.20.2.4). The NIC's NSG `nsg` has no rule that allows Internet traffic to port 80.
A Standard load balancer is closed by default: without an allow rule, `DenyAllInBound` (65500) drops the clients,
while `AllowAzureLoadBalancerInBound` (65001) still admits the health probe, so the probe is green and the site is
dark.

Generated by `examples/make_examples.py`. Fixture names are kept (the spec examples' `subid`/`rg1` world).

| File | Came from | Edits |
|---|---|---|
| lb.json | `%s` `responses.200.body` (Standard, public frontend `fe-lb` on `pip`, probe `probe-lb` Http 80 `healthcheck.aspx`, rule `rulelb`, outbound rule, pool `be-lb`) | none |
| test-nic.json | `%s` `responses.200.body` (172.20.2.4, subnet `rg1-vnet/default`, NIC NSG `nsg`, VM `vm1`) | `ipConfigurations[0].properties.loadBalancerBackendAddressPools` = `be-lb` **added** (the NIC joins the pool) |
| nsg.json | `%s` record [9], GET `nsg806524` (custom `rule1` Outbound 80, `rule2` Inbound Allow 22-25 from an ASG, 6 default rules) | id and name rewritten to `/subscriptions/subid/resourceGroups/rg1/.../networkSecurityGroups/nsg`, the NSG the NIC names (so the reference resolves); `location` westus -> eastus; `networkInterfaces` back-reference added; **no rule added**: no rule admits Internet -> 80 |
| rg1-vnet.json | `%s` record [20], GET `net500448` | id rewritten to `rg1-vnet` and the first subnet to `default` (the subnet the NIC names); address space 10.0.0.0/28 -> 172.20.0.0/16 and subnet prefix 10.0.0.0/29 -> 172.20.2.0/24 (the NIC's address, matching the VnetLocal route of the effective-routes spec example); `subnet2` removed; the subnet's `ipConfigurations` replaced by the NIC's |

Not in the snapshot (missing facts, not errors): the public IP `pip`, the VM `vm1`, the NIC's public IP `test-ip`.
The fixture's rules keep `enableFloatingIP: true` (not edited): with floating IP Azure leaves the frontend IP as the
destination, so the backend must hold that address and listen on it; the data-port question is `frontend-ip-listening`
(https://learn.microsoft.com/azure/load-balancer/load-balancer-floating-ip).

""" % (OUTBOUND, NICSPEC, NSGREC, INTERNAL))
    f.text("scenario.yaml", scenario(
        "Standard public LB: the backend NSG does not admit clients",
        """We migrated the public load balancer from Basic to Standard SKU tonight. Health probe
is green for the backend (172.20.2.4) but nobody can reach the site on port 80 any more,
connections from the internet just time out. My own IP is 203.0.113.50.""",
        "data-port-down", "lb", {"client-ip": "203.0.113.50"}, [("data-port-blocked", "confirmed")]))


API = {"rg500448": "rg-api", "lb500448": "lb-api", "net500448": "vnet-api", "AS500448": "as-api",
       "nic9559946eb06": "nic-api-1", "nic70622f98a32": "nic-api-2",
       "vm73640374f8": "vm-api-1", "vm2286770767": "vm-api-2"}


def ilb_hairpin():
    f = Folder("ilb-hairpin", API)
    f.write("lb.json", record(INTERNAL, 36))
    f.write("nic-api-1.json", record(INTERNAL, 38))
    f.write("nic-api-2.json", record(INTERNAL, 37))
    for name, i in (("vm-api-1.json", 11), ("vm-api-2.json", 18)):
        vm = record(INTERNAL, i)
        vm["properties"]["instanceView"] = running()
        f.write(name, vm)
    f.write("vnet-api.json", record(INTERNAL, 20))
    f.text("NOTES.md", """
# ilb-hairpin

An **internal** Basic load balancer `lb-api` (frontend 10.0.0.6, rule `lbrule1` 80 -> 80) with two backends,
`vm-api-1` (10.0.0.4) and `vm-api-2` (10.0.0.5). The failing caller is `vm-api-2` itself: a backend calling the
frontend of its own internal load balancer, which Azure may send back to the caller (the seed's Cause 4). No NSG is
attached anywhere.

Generated by `examples/make_examples.py` from **real recorded traffic**:
`%s`, Bodies parsed twice.

## Names

Renamed consistently in every file (plain text replacement over the whole document, ignoring case):

| Fixture name | Name here |
|---|---|
%s
## Files

| File | Came from | Edits |
|---|---|---|
| lb.json | record [36], GET `lb500448` (Basic, internal, no probes, pool with both NICs) | names only |
| nic-api-1.json | record [38], GET `nic9559946eb06` (10.0.0.4) | names only |
| nic-api-2.json | record [37], GET `nic70622f98a32` (10.0.0.5) | names only |
| vm-api-1.json | record [11], GET `vm73640374f8` | names; `properties.instanceView` **invented**: `PowerState/running` |
| vm-api-2.json | record [18], GET `vm2286770767` | names; `properties.instanceView` **invented**: `PowerState/running` |
| vnet-api.json | record [20], GET `net500448` (10.0.0.0/28; `subnet1` 10.0.0.0/29, `subnet2` 10.0.0.8/29) | names only |
""" % (INTERNAL, "".join("| `%s` | `%s` |\n" % kv for kv in API.items())))
    f.text("scenario.yaml", scenario(
        "A backend calls the frontend of its own internal load balancer",
        """The reporting job on vm-api-2 gets intermittent timeouts calling http://10.0.0.6/ (lb-api).
Calls from other VNets work fine. The job runs on one of the API backends.""",
        "data-port-down", "lb-api", {"client-ip": "10.0.0.5"}, [("ilb-hairpin", "confirmed")]))


def vmss_probe_locks_port():
    f = Folder("vmss-probe-locks-port")
    lb = record(VMSS, 16)
    f.write("lb.json", lb)
    scale_set = record(VMSS, 13)
    rule = lb["properties"]["loadBalancingRules"][0]  # httpRule, pool ...-BAP1, probe httpProbe
    probe_id = rule["properties"]["probe"]["id"]
    scale_set["properties"]["virtualMachineProfile"]["networkProfile"]["healthProbe"] = {"id": probe_id}
    f.write("vmss.json", scale_set)
    f.write("vnet.json", record(VMSS, 17))
    f.write("pip.json", record(VMSS, 6))
    f.text("NOTES.md", """
# vmss-probe-locks-port

A **Standard** public load balancer `extlb1-3b962020e` whose rule `httpRule` (80 -> 80, pool
`extlb1-3b962020e-BAP1`, probe `httpProbe`) serves the zone-redundant scale set `vmss47409`. The scale set's
network profile names `httpProbe` as its **health probe** (`virtualMachineProfile.networkProfile.healthProbe.id`),
so Azure refuses to change the backend port of `httpRule` (the seed's "Cannot change backend port" symptom).

Generated by `examples/make_examples.py` from **real recorded traffic**:
`%s`, Bodies parsed twice. Fixture names are kept.

| File | Came from | Edits |
|---|---|---|
| lb.json | record [16], GET `extlb1-3b962020e` (Standard, 2 Http probes, `httpRule` and `httpsRule`, two pools listing 4 scale set instance IP configurations each, NAT pools) | none |
| vmss.json | record [13], GET `vmss47409` (ipConfiguration `primary-nic-ip-cfg` joins both pools) | `virtualMachineProfile.networkProfile.healthProbe` = `{"id": <httpProbe's id>}` **invented**: no recorded payload has a healthProbe (see SOURCES.md "Gaps") |
| vnet.json | record [17], GET `vmssvnet` | none |
| pip.json | record [6], GET `pip-extlb1-3b962020e` | none |

The scale set's instance NICs are not in the snapshot: the pool members they stand for are missing facts, not errors.
""" % VMSS)
    f.text("scenario.yaml", scenario(
        "Cannot change the backend port of a rule used by a scale set's health probe",
        """Trying to move httpRule on extlb1-3b962020e from backend port 80 to 8080 and the update
fails with an error saying the probe is in use by the VM scale set vmss47409.
The change ticket needs to go in tonight.""",
        "vmss-backend-port-locked", "extlb1-3b962020e", {"changing-backend-port": "yes"},
        [("vmss-probe-locks-backend-port", "confirmed")]))


if __name__ == "__main__":
    nsg_deny_all_nic()
    nsg_deny_all_subnet()
    vm_deallocated()
    probe_zero_vm_not_responding()
    udr_virtual_appliance()
    public_standard_nsg_blocks_clients()
    ilb_hairpin()
    vmss_probe_locks_port()
    healthy()
    print("done", file=sys.stderr)


# ---------------------------------------------------------------------------------------------
# Issue 13 (scale sets): the scale set model's NSG blocks the probe. Appended at the end so
# merges stay easy (the main block above runs first, then this one).

VMSS_OPTIONAL = "vmss/azure-libraries-for-java.azure-mgmt-compute.canCreateVirtualMachineScaleSetWithOptionalNetworkSettings.session-record.json"
VMSS_RG = SUB0 + "/resourceGroups/javacsmrg93007"
VMSS_MODEL_NSG_ID = VMSS_RG + "/providers/Microsoft.Network/networkSecurityGroups/nsg-vmss47409"


def vmss_model_nsg(deny_probe=True):
    """The NSG of the OptionalNetworkSettings recording (record [18], nsg56477d), moved next to vmss47409;
    with deny_probe, an invented inbound DenyAll at priority 100 (as someone locking the scale set down would add)."""
    nsg = record(VMSS_OPTIONAL, 18)
    old_id = nsg["id"]
    nsg = json.loads(json.dumps(nsg).replace(old_id, VMSS_MODEL_NSG_ID))
    nsg["name"] = "nsg-vmss47409"
    nsg["location"] = "eastus2"
    if deny_probe:
        nsg["properties"]["securityRules"].append(deny_all(VMSS_MODEL_NSG_ID))
    return nsg


def vmss_with_model_nsg():
    """vmss47409 (record [13]) whose model NIC configuration names the NSG, in the shape the OptionalNetworkSettings
    recording shows after its PATCH (record [27]: networkInterfaceConfigurations[0].properties.networkSecurityGroup.id)."""
    scale_set = record(VMSS, 13)
    cfg = scale_set["properties"]["virtualMachineProfile"]["networkProfile"]["networkInterfaceConfigurations"][0]
    cfg["properties"]["networkSecurityGroup"] = {"id": VMSS_MODEL_NSG_ID}
    return scale_set


def vmss_model_nsg_blocks_probe():
    f = Folder("vmss-model-nsg-blocks-probe")
    f.write("lb.json", record(VMSS, 16))
    f.write("vmss.json", vmss_with_model_nsg())
    f.write("nsg-vmss47409.json", vmss_model_nsg(deny_probe=True))
    f.write("vnet.json", record(VMSS, 17))
    f.write("pip.json", record(VMSS, 6))
    f.text("NOTES.md", """
# vmss-model-nsg-blocks-probe

A **Standard** public load balancer `extlb1-3b962020e` (rule `httpRule` 80 -> 80 with the Http probe `httpProbe`,
port 80, path `/`) whose pools hold the four instances of the scale set `vmss47409`. Someone locked the scale set
down: its **model** (`virtualMachineProfile.networkProfile.networkInterfaceConfigurations[0]`) now names the NSG
`nsg-vmss47409`, which has an inbound `DenyAll` at priority 100, above the default `AllowAzureLoadBalancerInBound`
(65001). Azure builds every instance NIC from the model, so the probe from 168.63.129.16 is dropped on every instance.
The instance NICs are not in the snapshot: lb-triage decides from the model and says so in the evidence.

Generated by `examples/make_examples.py` (function `vmss_model_nsg_blocks_probe`) from **real recorded traffic**,
Bodies parsed twice. Fixture names are kept.

| File | Came from | Edits |
|---|---|---|
| lb.json | `%(vmss)s` record [16], GET `extlb1-3b962020e` (Standard, public; pools list 4 scale set instance IP configurations each) | none |
| vmss.json | same, record [13], GET `vmss47409` | `networkInterfaceConfigurations[0].properties.networkSecurityGroup` = `{"id": <nsg-vmss47409>}` added, in the shape `%(opt)s` record [27] shows after its PATCH put an NSG on a scale set model |
| nsg-vmss47409.json | `%(opt)s` record [18], GET `nsg56477d` (custom Outbound `rule1` plus the 6 default rules) | id and name rewritten to `nsg-vmss47409` in `javacsmrg93007`; `location` westus -> eastus2 (the scale set's region); inbound rule `DenyAll` (priority 100, any source, any port) **invented** |
| vnet.json | `%(vmss)s` record [17], GET `vmssvnet` | none |
| pip.json | same, record [6], GET `pip-extlb1-3b962020e` | none |

Expected: `probe-port-blocked` **confirmed** by `nsg-vmss47409/DenyAll@100`, with evidence naming the scale set model.
""" % {"vmss": VMSS, "opt": VMSS_OPTIONAL})
    f.text("scenario.yaml", scenario(
        "The scale set model's NSG drops the health probe",
        """Since this morning's hardening change every instance of vmss47409 behind extlb1-3b962020e shows
unhealthy in the health probe status, and the site is down. The VMs themselves look fine.""",
        "probe-down", "extlb1-3b962020e", {}, [("probe-port-blocked", "confirmed")]))


def http_probe_path_404():
    """The shop world whose Http probe asks for a path the application no longer serves."""
    f = Folder("http-probe-path-404", SHOP)
    lb = shop_world(f, [("172.18.0.5", [100.0, 100.0, 0.0, 0.0, 0.0, 0.0]), ("172.18.0.6", [100.0, 100.0, 0.0, 0.0, 0.0, 0.0])])
    for p in lb["properties"]["probes"]:
        if p["name"] == "httpProbe":
            p["properties"]["requestPath"] = "/healthz"
    f.write("lb.json", lb)
    f.text("NOTES.md", shop_notes("http-probe-path-404", """
Standard internal load balancer `lb-shop` whose Http probe `httpProbe` asks for `/healthz` on port 80. A release
moved the application's health endpoint, so `/healthz` now answers **404**: the port listens, the VMs run, the NSG
admits the probe, and still both backends are probed down, because an Http probe counts only a 200 as up
(https://learn.microsoft.com/azure/load-balancer/load-balancer-custom-probe-overview). The engineer answers the
questions: the VMs respond, port 80 is LISTENING, the guest firewall admits it, and `curl` on the VM shows
`HTTP/1.1 404 Not Found` for `/healthz`.""",
        "DipAvailability for 172.18.0.5 and 172.18.0.6 = 100, 100, then 0 for four minutes")
        + "\nAlso edited in lb.json: `probes[httpProbe].properties.requestPath` `/` -> **`/healthz`** (invented: the path the"
        " application no longer serves).\n")
    f.text("scenario.yaml", scenario(
        "The Http probe's path answers 404 after a release",
        """After this afternoon's release every backend of lb-shop shows 0 in health probe status and the
checkout API is unreachable through 172.18.0.4. The app itself answers on port 80 on both VMs.""",
        "probe-down", "lb-shop",
        {"vm-responds": "yes", "probe-port-listening": "yes", "guest-firewall-allows-probe": "yes", "probe-path-status": "404"},
        [("probe-misconfigured", "confirmed"), ("probe-port-not-listening", "ruled-out"), ("vm-unhealthy", "ruled-out")]))


if __name__ == "__main__":
    vmss_model_nsg_blocks_probe()
    http_probe_path_404()
# Network security semantics (issue 13): Standard closed by default, application security groups,
# a rule that admits only some sources. Appended here so merges with other additions stay easy.

VMSSASG = "vmss/azure-libraries-for-java.azure-mgmt-compute.canCreateVirtualMachineScaleSetWithOptionalNetworkSettings.session-record.json"


def standard_public_world(f, nic_nsg=True):
    """The spec examples' Standard public `lb` with backend `test-nic` (172.20.2.4), as public-standard-nsg-blocks-clients."""
    lb = spec(OUTBOUND)
    f.write("lb.json", lb)
    nic = spec(NICSPEC)
    ipc = nic["properties"]["ipConfigurations"][0]["properties"]
    ipc["loadBalancerBackendAddressPools"] = [{"id": lb["properties"]["backendAddressPools"][0]["id"]}]
    nsg_id = nic["properties"]["networkSecurityGroup"]["id"]
    if not nic_nsg:
        del nic["properties"]["networkSecurityGroup"]
    f.write("test-nic.json", nic)
    vnet = record(INTERNAL, 20)
    vnet = rename(vnet, {vnet["id"]: "/subscriptions/subid/resourceGroups/rg1/providers/Microsoft.Network/virtualNetworks/rg1-vnet"})
    vnet["name"] = "rg1-vnet"
    first = vnet["properties"]["subnets"][0]
    vnet = rename(vnet, {first["id"]: ipc["subnet"]["id"]})
    first = vnet["properties"]["subnets"][0]
    first["name"] = "default"
    first["properties"]["addressPrefix"] = "172.20.2.0/24"
    first["properties"]["ipConfigurations"] = [{"id": nic["properties"]["ipConfigurations"][0]["id"]}]
    vnet["properties"]["subnets"] = [first]
    vnet["properties"]["addressSpace"]["addressPrefixes"] = ["172.20.0.0/16"]
    f.write("rg1-vnet.json", vnet)
    return lb, nic, nsg_id


STANDARD_PUBLIC_ROWS = """| lb.json | `%s` `responses.200.body` (**Standard**, public frontend `fe-lb` on `pip`, probe `probe-lb` Http 80, rule `rulelb` 80 -> 80, pool `be-lb`) | none |
| test-nic.json | `%s` `responses.200.body` (172.20.2.4, subnet `rg1-vnet/default`, VM `vm1`) | `ipConfigurations[0].properties.loadBalancerBackendAddressPools` = `be-lb` **added** (the NIC joins the pool)%%s |
| rg1-vnet.json | `%s` record [20], GET `net500448` | id rewritten to `rg1-vnet` and the first subnet to `default` (the subnet the NIC names); address space 10.0.0.0/28 -> 172.20.0.0/16, subnet prefix 10.0.0.0/29 -> 172.20.2.0/24; `subnet2` removed; the subnet's `ipConfigurations` replaced by the NIC's; **no NSG** on the subnet (the recording has none) |
""" % (OUTBOUND, NICSPEC, INTERNAL)


def standard_public_no_nsg():
    f = Folder("standard-public-no-nsg")
    standard_public_world(f, nic_nsg=False)
    f.text("NOTES.md", """
# standard-public-no-nsg

A **Standard** public load balancer (`lb`, rule `rulelb` 80 -> 80, Http probe `probe-lb` on port 80) whose only
backend NIC `test-nic` (172.20.2.4) has **no NSG**, and neither has its subnet. A Basic load balancer would be open;
a Standard one is closed to inbound connections unless an NSG on the backend's subnet or NIC allows them
("Standard load balancers and standard public IP addresses are closed to inbound connections unless opened by Network
Security Groups", https://learn.microsoft.com/azure/load-balancer/load-balancer-overview#securebydefault). So every
client is denied, whatever its address, while the health probe (platform traffic from 168.63.129.16) still passes:
`data-port-blocked` is confirmed without asking for the client's IP, with evidence saying why.

Generated by `examples/make_examples.py` (`standard_public_no_nsg`). Fixture names are kept (the spec examples'
`subid`/`rg1` world), as in `public-standard-nsg-blocks-clients`.

| File | Came from | Edits |
|---|---|---|
""" + STANDARD_PUBLIC_ROWS % "; its `networkSecurityGroup` (`nsg`) **removed**: no NSG on the NIC" + """
Not in the snapshot (missing facts, not errors): the public IPs `pip` and `test-ip`, the VM `vm1`.
The fixture's rules keep `enableFloatingIP: true` (not edited): with floating IP Azure leaves the frontend IP as the
destination, so the backend must hold that address and listen on it; the data-port question is `frontend-ip-listening`
(https://learn.microsoft.com/azure/load-balancer/load-balancer-floating-ip).

""")
    f.text("scenario.yaml", scenario(
        "Standard public LB with no NSG at all: closed by default",
        """We switched lb from Basic to Standard SKU this evening and recreated the backend without
the old network security group. The health probe is green for 172.20.2.4 but every client
connection to port 80 times out, from home and from the office alike.""",
        "data-port-down", "lb", {}, [("data-port-blocked", "confirmed")]))


def partner_only_rule(nsg_id):
    """Invented: an inbound rule admitting only the partner range 198.51.100.0/24 to port 80, as the GET shows a rule."""
    return {"name": "AllowPartnerWeb", "id": nsg_id + "/securityRules/AllowPartnerWeb",
            "type": "Microsoft.Network/networkSecurityGroups/securityRules",
            "properties": {"provisioningState": "Succeeded", "description": "partner VPN range only (invented for this example)",
                           "protocol": "Tcp", "sourcePortRange": "*", "destinationPortRange": "80",
                           "sourceAddressPrefix": "198.51.100.0/24", "destinationAddressPrefix": "*", "access": "Allow",
                           "priority": 300, "direction": "Inbound", "sourcePortRanges": [], "destinationPortRanges": [],
                           "sourceAddressPrefixes": [], "destinationAddressPrefixes": []}}


def some_sources_allowed():
    f = Folder("some-sources-allowed")
    lb, nic, nsg_id = standard_public_world(f)
    nsg = rename(record(NSGREC, 9), {SUB0 + "/resourceGroups/rg806524/": "/subscriptions/subid/resourceGroups/rg1/",
                                      "networkSecurityGroups/nsg806524": "networkSecurityGroups/nsg"})
    nsg["name"] = "nsg"
    nsg["location"] = "eastus"
    nsg["properties"]["networkInterfaces"] = [{"id": nic["id"]}]
    nsg["properties"]["securityRules"].append(partner_only_rule(nsg_id))
    assert nsg["id"] == nsg_id
    f.write("nsg.json", nsg)
    f.text("NOTES.md", """
# some-sources-allowed

A **Standard** public load balancer (`lb`, rule `rulelb` 80 -> 80) with one backend NIC `test-nic` (172.20.2.4) whose
NSG `nsg` admits port 80 **only from the partner range 198.51.100.0/24** (`AllowPartnerWeb`, priority 300); every
other internet source meets `DenyAllInBound` (65500). Whether "the clients are blocked" depends on the client's own
address: without it lb-triage asks for it (`client-ip`) and confirms nothing; with 203.0.113.50 (outside the range)
`data-port-blocked` is confirmed, naming `DenyAllInBound`; with an address inside the range it is ruled out.

Generated by `examples/make_examples.py` (`some_sources_allowed`). Fixture names are kept.

| File | Came from | Edits |
|---|---|---|
""" + STANDARD_PUBLIC_ROWS % "" + """| nsg.json | `%s` record [9], GET `nsg806524` (custom `rule1` Outbound 80, `rule2` Inbound Allow 22-25 from an ASG, 6 default rules) | id and name rewritten to `.../rg1/.../networkSecurityGroups/nsg`, the NSG the NIC names; `location` westus -> eastus; `networkInterfaces` back-reference added; rule `AllowPartnerWeb` (Inbound, Allow, Tcp, 198.51.100.0/24 -> `*`:80, priority 300) **invented** and appended |

Not in the snapshot (missing facts, not errors): the public IPs `pip` and `test-ip`, the VM `vm1`.
The fixture's rules keep `enableFloatingIP: true` (not edited): with floating IP Azure leaves the frontend IP as the
destination, so the backend must hold that address and listen on it; the data-port question is `frontend-ip-listening`
(https://learn.microsoft.com/azure/load-balancer/load-balancer-floating-ip).

""" % NSGREC)
    f.text("scenario.yaml", scenario(
        "Only a partner range may reach the data port; this client is outside it",
        """Clients cannot connect to port 80 on lb any more but the partner team still can.
Backends look healthy. I am testing from 203.0.113.50 and the connection times out.""",
        "data-port-down", "lb", {"client-ip": "203.0.113.50"}, [("data-port-blocked", "confirmed")]))


def asg_rule_blocks_probe():
    names = dict(WEB, asg08083="asg-web")
    f = Folder("nsg-asg-rule-blocks-probe", names)
    nic1, nic2, vm1, vm2, vnet = web_world(f)
    asg_id = SUB0 + "/resourceGroups/rg806524/providers/Microsoft.Network/applicationSecurityGroups/asg08083"
    # the shape of an IP configuration's ASG list, as the scale set recording shows it
    shape = record(VMSSASG, 10)["properties"]["virtualMachineProfile"]["networkProfile"]["networkInterfaceConfigurations"][0]
    assert "applicationSecurityGroups" in shape["properties"]["ipConfigurations"][0]["properties"]
    nic1["properties"]["ipConfigurations"][0]["properties"]["applicationSecurityGroups"] = [{"id": asg_id}]
    f.write("nic-web-1.json", nic1)
    f.write("nic-web-2.json", nic2)
    f.write("vm-web-1.json", vm1)
    f.write("vm-web-2.json", vm2)
    subnet = vnet["properties"]["subnets"][0]
    subnet["properties"]["networkSecurityGroup"] = {"id": NSG_WEB_ID}
    f.write("vnet-web.json", vnet)
    nsg = web_nsg()
    nsg["properties"]["subnets"] = [{"id": subnet["id"]}]
    nsg["properties"]["securityRules"].append({
        "name": "DenyMgmtToWebTier", "id": NSG_WEB_ID + "/securityRules/DenyMgmtToWebTier",
        "type": "Microsoft.Network/networkSecurityGroups/securityRules",
        "properties": {"provisioningState": "Succeeded", "description": "lock down management ports of the web tier (invented for this example)",
                       "protocol": "*", "sourcePortRange": "*", "destinationPortRange": "22-25", "sourceAddressPrefix": "*",
                       "access": "Deny", "priority": 150, "direction": "Inbound", "sourcePortRanges": [],
                       "destinationPortRanges": [], "sourceAddressPrefixes": [], "destinationAddressPrefixes": [],
                       "destinationApplicationSecurityGroups": [{"id": asg_id}]}})
    f.write("nsg-web.json", nsg)
    added = "; `ipConfigurations[0].properties.applicationSecurityGroups` = [`asg-web`] **added** (the field's shape as `%s` record [10] shows it on a scale set IP configuration): this NIC is in the ASG" % VMSSASG
    f.text("NOTES.md", web_notes("nsg-asg-rule-blocks-probe", """
The security team put `vm-web-1`'s NIC into the application security group `asg-web` and added a subnet NSG rule
`DenyMgmtToWebTier` (priority 150) denying ports 22-25 **to the ASG**. The health probe `tcpProbe1` uses port 25, so
for `vm-web-1` (10.0.0.4, in the ASG) the rule denies the probe before `AllowAzureLoadBalancerInBound` (65001), while
`vm-web-2` (10.0.0.5, not in the ASG) is still probed. The ASG membership in the NIC's IP configuration decides the
rule (https://learn.microsoft.com/azure/virtual-network/application-security-groups): `probe-port-blocked` is
confirmed for 10.0.0.4 only, and the questions go on about 10.0.0.5. The recorded `rule2` (Allow 22-25 **from** the
same ASG) does not match the probe, whose source 168.63.129.16 is in no ASG.""",
        nic1=added, vnet="; `subnet1.properties.networkSecurityGroup` = `nsg-web` **added**",
        nsg="; `subnets` back-reference added; rule `DenyMgmtToWebTier` (Inbound, Deny, priority 150, `*` -> ASG `asg-web`, ports 22-25) **invented**; the ASG `asg08083` of the recording (renamed `asg-web`) is the one `rule2` already names",
        extra="\nThe ASG resource itself (`asg-web`) is not in the snapshot: rules name it by id and NICs list it by id, which is all the evaluation needs.\n"))
    f.text("scenario.yaml", scenario(
        "An NSG rule on an application security group denies the probe to one backend",
        """Since the security team moved the web tier into application security groups this
morning, vm-web-1 (10.0.0.4) shows unhealthy in lb-web's health probe (tcpProbe1, port 25).
vm-web-2 looks fine. Nothing changed on the VMs.""",
        "probe-down", "lb-web", {}, [("probe-port-blocked", "confirmed")]))


if __name__ == "__main__":
    standard_public_no_nsg()
    some_sources_allowed()
    asg_rule_blocks_probe()
    print("done (network security examples)", file=sys.stderr)
