#!/usr/bin/env python3
"""One-off: builds engine/src/test/resources/snapshots/* from /work/shared/azure-fixtures.

Each snapshot's NOTES.md says which fixture (and which networkCallRecords index) each file came
from and what was edited. Run from the repository root:  python3 engine/src/test/scripts/make_snapshots.py
"""
import copy, json, os, re, sys

FIX = os.environ.get("FIXTURES", "/work/shared/azure-fixtures")
OUT = "engine/src/test/resources/snapshots"


def spec(path, status="200"):
    return json.load(open(os.path.join(FIX, path)))["responses"][status]["body"]


def record(path, i):
    r = json.load(open(os.path.join(FIX, path)))["networkCallRecords"][i]
    return json.loads(r["Response"]["Body"])  # Body is a JSON document encoded as a string


def write(scenario, name, doc):
    d = os.path.join(OUT, scenario)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "w", encoding="utf-8") as f:
        json.dump(doc, f, indent=2)
        f.write("\n")


def write_raw(scenario, name, data):
    d = os.path.join(OUT, scenario)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


# az prints the Python SDK's attribute names: snake_case turned to camelCase, so "IP" becomes "Ip".
AZ_NAMES = {
    "frontendIPConfigurations": "frontendIpConfigurations", "frontendIPConfiguration": "frontendIpConfiguration",
    "backendIPConfigurations": "backendIpConfigurations", "backendIPConfiguration": "backendIpConfiguration",
    "privateIPAddress": "privateIpAddress", "privateIPAllocationMethod": "privateIpAllocationMethod",
    "privateIPAddressVersion": "privateIpAddressVersion", "publicIPAddress": "publicIpAddress",
    "publicIPAddressVersion": "publicIpAddressVersion", "publicIPAllocationMethod": "publicIpAllocationMethod",
    "enableFloatingIP": "enableFloatingIp", "enableIPForwarding": "enableIpForwarding",
}


def az(node, rg=None):
    """ARM shape to az shape: every `properties` object flattened into its parent, az key spelling."""
    if isinstance(node, list):
        return [az(x) for x in node]
    if not isinstance(node, dict):
        return node
    out = {}
    for k, v in node.items():
        if k == "properties" and isinstance(v, dict):
            for pk, pv in v.items():
                out[AZ_NAMES.get(pk, pk)] = az(pv)
        else:
            out[AZ_NAMES.get(k, k)] = az(v)
    if rg:
        out["resourceGroup"] = rg
    return out


def rg_of(resource):
    m = re.search(r"/resourceGroups/([^/]+)/", resource["id"], re.I)
    return m.group(1) if m else None


def sub(doc, old, new):
    return json.loads(json.dumps(doc).replace(old, new))


def internal_basic():
    s = "internal-basic"
    lb = spec("load-balancers/azure-rest-api-specs.network.2025-10-01.LoadBalancerGet.json")
    write(s, "lb.json", lb)
    nic = spec("network-interfaces/azure-rest-api-specs.network.2025-10-01.NetworkInterfaceGet.json")
    ipc = nic["properties"]["ipConfigurations"][0]["properties"]
    ipc["subnet"]["id"] = "/subscriptions/subid/resourceGroups/rg1/providers/Microsoft.Network/virtualNetworks/vnetlb/subnets/subnetlb"
    ipc["privateIPAddress"] = "10.0.1.5"
    ipc["loadBalancerBackendAddressPools"] = [{"id": lb["properties"]["backendAddressPools"][0]["id"]}]
    write(s, "test-nic.json", nic)
    write(s, "nsg.json", spec("network-security-groups/azure-rest-api-specs.network.2025-10-01.NetworkSecurityGroupGet.json"))
    write(s, "routetable.json", spec("route-tables/azure-rest-api-specs.network.2025-10-01.RouteTableGet.json"))
    vnet = record("load-balancers/azure-libraries-for-java.azure.testLoadBalancersInternalMinimum.session-record.json", 20)
    old_vnet_id = vnet["id"]
    vnet = sub(vnet, old_vnet_id, "/subscriptions/subid/resourceGroups/rg1/providers/Microsoft.Network/virtualNetworks/vnetlb")
    vnet["name"] = "vnetlb"
    first = vnet["properties"]["subnets"][0]
    first_old = first["id"]
    vnet = sub(vnet, first_old, "/subscriptions/subid/resourceGroups/rg1/providers/Microsoft.Network/virtualNetworks/vnetlb/subnets/subnetlb")
    first = vnet["properties"]["subnets"][0]
    first["name"] = "subnetlb"
    first["properties"]["addressPrefix"] = "10.0.1.0/24"
    vnet["properties"]["addressSpace"]["addressPrefixes"] = ["10.0.0.0/16"]
    first["properties"]["networkSecurityGroup"] = {"id": "/subscriptions/subid/resourceGroups/rg1/providers/Microsoft.Network/networkSecurityGroups/testnsg"}
    first["properties"]["routeTable"] = {"id": "/subscriptions/subid/resourceGroups/rg1/providers/Microsoft.Network/routeTables/testrt"}
    write(s, "vnet.json", vnet)
    eff = spec("effective-nsg/azure-rest-api-specs.network.2025-10-01.NetworkInterfaceEffectiveNSGList.json")
    assoc = eff["value"][0]["association"]
    assoc["networkInterface"]["id"] = nic["id"]
    assoc["subnet"]["id"] = first["id"]
    eff["value"][0]["networkSecurityGroup"]["id"] = first["properties"]["networkSecurityGroup"]["id"]
    write(s, "test-nic.effective-nsg.json", eff)
    write(s, "test-nic.effective-routes.json",
          spec("effective-routes/azure-rest-api-specs.network.2025-10-01.NetworkInterfaceEffectiveRouteTableList.json"))
    return old_vnet_id, first_old


NATRULES = "load-balancers/azure-libraries-for-java.azure.testLoadBalancersNatRules.session-record.json"


def public_basic_natrules():
    s = "public-basic-natrules"
    write(s, "lb.json", record(NATRULES, 48))
    write(s, "nic28110592805.json", record(NATRULES, 56))
    write(s, "nic43187a6ecd2.json", record(NATRULES, 57))
    vm1 = record(NATRULES, 12)
    vm1["properties"]["instanceView"] = {"statuses": [
        {"code": "ProvisioningState/succeeded", "level": "Info", "displayStatus": "Provisioning succeeded"},
        {"code": "PowerState/running", "level": "Info", "displayStatus": "VM running"}]}
    write(s, "vm-vmb9f0738985.json", vm1)
    vm2 = az(record(NATRULES, 18), "rg164701")
    vm2["powerState"] = "VM deallocated"
    write(s, "vm-vm74f116254d.json", vm2)
    write(s, "pipa164701.json", record(NATRULES, 51))
    write(s, "vnet.json", record(NATRULES, 4))
    eff = spec("effective-nsg/azure-rest-api-specs.network.2025-10-01.NetworkInterfaceEffectiveNSGList.json")
    group = eff["value"][0]
    del group["association"]  # so only the file name says which NIC this is
    group["networkSecurityGroup"]["id"] = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg164701/providers/Microsoft.Network/networkSecurityGroups/nsg164701"
    write(s, "nic28110592805.effective-nsg.json", {"networkSecurityGroups": [az(group)]})
    write(s, "nic28110592805.effective-routes.json",
          spec("effective-routes/azure-rest-api-specs.network.2025-10-01.NetworkInterfaceEffectiveRouteTableList.json"))


INTERNET = "load-balancers/azure-libraries-for-java.azure.testLoadBalancersInternetMinimum.session-record.json"


def public_basic_internet():
    files = {"lb.json": 43, "nic192698f890d.json": 44, "nic476817ce723.json": 45, "vm7da9066942.json": 11,
             "vm45865877a7.json": 18, "pipa0206867027d.json": 38, "vnet.json": 4}
    for name, i in files.items():
        doc = record(INTERNET, i)
        write("public-basic-internet", name, doc)
        write("public-basic-internet-az", name, az(doc, rg_of(doc)))


CRUD = "load-balancers/azure-libraries-for-java.azure-mgmt-network.canCRUDProbe.session-record.json"


def standard():
    s = "standard-crudprobe"
    lb = record(CRUD, 17)
    write(s, "lb.json", lb)
    write(s, "vnet.json", record(CRUD, 3))
    lb_id = lb["id"]
    def series(ip, values):
        return {"metadatavalues": [{"name": {"value": "BackendIPAddress", "localizedValue": "Backend IP Address"}, "value": ip},
                                   {"name": {"value": "ProtocolType", "localizedValue": "Protocol Type"}, "value": "TCP"}],
                "data": [{"timeStamp": "2026-11-25T10:0%d:00Z" % i, "average": v} for i, v in enumerate(values)]}
    metrics = {"cost": 0, "timespan": "2026-11-25T10:00:00Z/2026-11-25T10:05:00Z", "interval": "PT1M",
               "namespace": "Microsoft.Network/loadBalancers", "resourceregion": "eastus",
               "value": [
                   {"id": lb_id + "/providers/Microsoft.Insights/metrics/DipAvailability",
                    "type": "Microsoft.Insights/metrics",
                    "name": {"value": "dipavailability", "localizedValue": "Health Probe Status"},
                    "displayDescription": "Average Load Balancer health probe status per time duration", "unit": "Percent",
                    "timeseries": [series("172.18.0.5", [100.0, 100.0, 0.0, 0.0, 0.0]),
                                   series("172.18.0.6", [100.0, 100.0, 100.0, 100.0, 100.0])],
                    "errorCode": "Success"},
                   {"id": lb_id + "/providers/Microsoft.Insights/metrics/VipAvailability",
                    "type": "microsoft.insights/METRICS",
                    "name": {"value": "VipAvailability", "localizedValue": "Data Path Availability"},
                    "unit": "Percent",
                    "timeseries": [{"metadatavalues": [{"name": {"value": "frontendipaddress"}, "value": "172.18.0.4"}],
                                    "data": [{"timeStamp": "2026-11-25T10:00:00Z", "average": 100.0}]}],
                    "errorCode": "Success"}]}
    write(s, "metrics.json", metrics)


VMSS = "vmss/azure-libraries-for-java.azure-mgmt-compute.canCreateZoneRedundantVirtualMachineScaleSetWithZoneResilientLoadBalancer.session-record.json"


def vmss():
    s = "vmss-zone-redundant"
    lb = record(VMSS, 16)
    write(s, "lb.json", lb)
    scale_set = record(VMSS, 13)
    write(s, "vmss.json", scale_set)
    write(s, "vnet.json", record(VMSS, 17))
    write(s, "pip.json", record(VMSS, 6))
    # Built by hand (no recorded payload): instance 0's NIC as `az vmss nic list` prints it, from the
    # scale set's network profile and the ids the load balancer lists.
    base = scale_set["id"] + "/virtualMachines/0/networkInterfaces/primary-nic-cfg"
    ipcfg = scale_set["properties"]["virtualMachineProfile"]["networkProfile"]["networkInterfaceConfigurations"][0]["properties"]["ipConfigurations"][0]["properties"]
    write(s, "vmss-nics.json", [{
        "id": base, "name": "primary-nic-cfg", "type": "Microsoft.Network/networkInterfaces",
        "resourceGroup": rg_of(scale_set), "enableIpForwarding": False, "primary": True,
        "virtualMachine": {"id": scale_set["id"] + "/virtualMachines/0", "resourceGroup": rg_of(scale_set)},
        "ipConfigurations": [{"id": base + "/ipConfigurations/primary-nic-ip-cfg", "name": "primary-nic-ip-cfg",
                              "primary": True, "privateIpAddress": "10.0.1.4", "subnet": ipcfg["subnet"],
                              "loadBalancerBackendAddressPools": ipcfg["loadBalancerBackendAddressPools"]}]}])


def broken():
    s = "broken"
    lb = spec("load-balancers/azure-rest-api-specs.network.2025-10-01.LoadBalancerGet.json")
    write(s, "a-valid-lb.json", lb)
    text = json.dumps(lb, indent=2)
    write_raw(s, "truncated.json", text[:700].encode())
    strings = sub(lb, "/loadBalancers/lb", "/loadBalancers/lb-strings")
    strings["name"] = "lb-strings"
    strings["properties"]["probes"].insert(0, "probe-lb")
    write(s, "string-for-object.json", strings)
    eighty = sub(lb, "/loadBalancers/lb", "/loadBalancers/lb-eighty")
    eighty["name"] = "lb-eighty"
    bad = copy.deepcopy(eighty["properties"]["probes"][0])
    bad["name"] = "probe-eighty"
    bad["id"] = bad["id"].replace("probe-lb", "probe-eighty")
    bad["properties"]["port"] = "eighty"
    eighty["properties"]["probes"].append(bad)
    write(s, "probe-port-eighty.json", eighty)
    write_raw(s, "nesting-bomb.json", ("[" * 210 + "]" * 210).encode())
    write_raw(s, "binary.json", bytes([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]) + bytes(range(256)))
    write_raw(s, "latin1.json", '{"id": "caf\u00e9", "type": "Microsoft.Network/loadBalancers"}'.encode("latin-1"))
    write_raw(s, "string-root.json", b'"Microsoft.Network/loadBalancers"\n')
    storage = record("network-watcher/azure-libraries-for-java.azure.testNetworkWatcherFunctions.session-record.json", 81)
    write(s, "unknown-type.json", storage)


if __name__ == "__main__":
    internal_basic()
    public_basic_natrules()
    public_basic_internet()
    standard()
    vmss()
    broken()
    print("done", file=sys.stderr)
