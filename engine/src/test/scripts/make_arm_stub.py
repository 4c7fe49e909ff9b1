#!/usr/bin/env python3
"""One-off: builds engine/src/test/resources/arm-stub/natrules/ from /work/shared/azure-fixtures.

The folder is both what the stub ARM server serves (each document at its own id) and a snapshot
folder in the documented format, so the live gather and SnapshotReader can be compared.
NOTES.md there says where each file came from and what was edited. Run from the repository root:
  python3 engine/src/test/scripts/make_arm_stub.py
"""
import json, os

FIX = os.environ.get("FIXTURES", "/work/shared/azure-fixtures")
OUT = "engine/src/test/resources/arm-stub/natrules"
NATRULES = "load-balancers/azure-libraries-for-java.azure.testLoadBalancersNatRules.session-record.json"
SUB = "/subscriptions/00000000-0000-0000-0000-000000000000"
RG = SUB + "/resourceGroups/rg164701"
NSG_ID = RG + "/providers/Microsoft.Network/networkSecurityGroups/nsg164701"
RT_ID = RG + "/providers/Microsoft.Network/routeTables/rt164701"


def spec(path, status="200"):
    return json.load(open(os.path.join(FIX, path)))["responses"][status]["body"]


def record(i):
    r = json.load(open(os.path.join(FIX, NATRULES)))["networkCallRecords"][i]
    return json.loads(r["Response"]["Body"])  # Body is a JSON document encoded as a string


def write(name, doc):
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        json.dump(doc, f, indent=2)
        f.write("\n")


def sub(doc, old, new):
    return json.loads(json.dumps(doc).replace(old, new))


def instance_view(power):
    return {"statuses": [
        {"code": "ProvisioningState/succeeded", "level": "Info", "displayStatus": "Provisioning succeeded"},
        {"code": "PowerState/" + power, "level": "Info", "displayStatus": "VM " + power}]}


def main():
    lb = record(48)
    write("lb-lb164701.json", lb)
    nics = {"nic28110592805": record(56), "nic43187a6ecd2": record(57)}
    for name, nic in nics.items():
        write("nic-" + name + ".json", nic)
    vm1, vm2 = record(12), record(18)
    vm1["properties"]["instanceView"] = instance_view("running")
    vm2["properties"]["instanceView"] = instance_view("deallocated")
    write("vm-vmb9f0738985.json", vm1)
    write("vm-vm74f116254d.json", vm2)
    write("pip-pipa164701.json", record(51))
    vnet = record(4)
    subnet1 = vnet["properties"]["subnets"][0]
    subnet1["properties"]["networkSecurityGroup"] = {"id": NSG_ID}
    subnet1["properties"]["routeTable"] = {"id": RT_ID}
    write("vnet-net164701.json", vnet)
    nsg = spec("network-security-groups/azure-rest-api-specs.network.2025-10-01.NetworkSecurityGroupGet.json")
    nsg = sub(nsg, nsg["id"], NSG_ID)
    nsg["name"] = "nsg164701"
    write("nsg-nsg164701.json", nsg)
    rt = spec("route-tables/azure-rest-api-specs.network.2025-10-01.RouteTableGet.json")
    rt = sub(rt, rt["id"], RT_ID)
    rt["name"] = "rt164701"
    write("rt-rt164701.json", rt)
    for name, nic in nics.items():
        eff = spec("effective-nsg/azure-rest-api-specs.network.2025-10-01.NetworkInterfaceEffectiveNSGList.json")
        group = eff["value"][0]
        group["association"]["networkInterface"]["id"] = nic["id"]
        group["association"]["subnet"]["id"] = subnet1["id"]
        group["networkSecurityGroup"]["id"] = NSG_ID
        write(name + ".effective-nsg.json", eff)
        write(name + ".effective-routes.json",
              spec("effective-routes/azure-rest-api-specs.network.2025-10-01.NetworkInterfaceEffectiveRouteTableList.json"))
    metrics(lb["id"])


def metrics(lb_id):
    """Hand-made (no recorded payload): Azure Monitor "Metrics - List" responses, 5 one-minute points."""
    def series(dims, values):
        return {"metadatavalues": [{"name": {"value": k, "localizedValue": k}, "value": v} for k, v in dims],
                "data": [{"timeStamp": "2026-11-25T10:2%d:00Z" % i, "average": v} for i, v in enumerate(values)]}
    def response(metric, localized, timeseries):
        return {"cost": 0, "timespan": "2026-11-25T10:00:00Z/2026-11-25T10:30:00Z", "interval": "PT1M",
                "namespace": "Microsoft.Network/loadBalancers", "resourceregion": "eastus",
                "value": [{"id": lb_id + "/providers/Microsoft.Insights/metrics/" + metric,
                           "type": "Microsoft.Insights/metrics",
                           "name": {"value": metric, "localizedValue": localized}, "unit": "Percent",
                           "timeseries": timeseries, "errorCode": "Success"}]}
    write("metrics-dipavailability.json", response("DipAvailability", "Health Probe Status", [
        series([("BackendIPAddress", "10.0.0.4"), ("BackendPort", "80")], [100.0, 100.0, 100.0, 100.0, 100.0]),
        series([("BackendIPAddress", "10.0.0.5"), ("BackendPort", "80")], [100.0, 50.0, 0.0, 0.0, 0.0])]))
    write("metrics-vipavailability.json", response("VipAvailability", "Data Path Availability", [
        series([("FrontendIPAddress", "137.135.106.120"), ("FrontendPort", "80")], [100.0, 100.0, 100.0, 100.0, 100.0])]))


VMSS = "vmss/azure-libraries-for-java.azure-mgmt-compute.canCreateZoneRedundantVirtualMachineScaleSetWithZoneResilientLoadBalancer.session-record.json"


def vmss_record(i):
    r = json.load(open(os.path.join(FIX, VMSS)))["networkCallRecords"][i]
    return json.loads(r["Response"]["Body"])


def vmss():
    """Zone-redundant scale set behind a Standard public LB; instance VMs and NICs hand-made (none recorded)."""
    out = "engine/src/test/resources/arm-stub/vmss"
    def put(name, doc):
        os.makedirs(out, exist_ok=True)
        with open(os.path.join(out, name), "w", encoding="utf-8") as f:
            json.dump(doc, f, indent=2)
            f.write("\n")
    lb = vmss_record(16)
    scale_set = vmss_record(13)
    put("lb-" + lb["name"] + ".json", lb)
    put("vmss-" + scale_set["name"] + ".json", scale_set)
    put("vnet-" + vmss_record(17)["name"] + ".json", vmss_record(17))
    put("pip-" + vmss_record(6)["name"] + ".json", vmss_record(6))
    nic_cfg = scale_set["properties"]["virtualMachineProfile"]["networkProfile"]["networkInterfaceConfigurations"][0]
    ip_cfg = nic_cfg["properties"]["ipConfigurations"][0]
    for i in range(4):
        vm_id = scale_set["id"] + "/virtualMachines/%d" % i
        nic_id = vm_id + "/networkInterfaces/" + nic_cfg["name"]
        put("nic-%s-%d-nic-%s.json" % (scale_set["name"], i, nic_cfg["name"]), {
            "name": nic_cfg["name"], "id": nic_id, "type": "Microsoft.Network/networkInterfaces",
            "location": scale_set["location"],
            "properties": {"provisioningState": "Succeeded", "primary": True, "enableIPForwarding": False,
                           "virtualMachine": {"id": vm_id},
                           "ipConfigurations": [{"name": ip_cfg["name"], "id": nic_id + "/ipConfigurations/" + ip_cfg["name"],
                                                 "properties": {"privateIPAddress": "10.0.1.%d" % (4 + i), "primary": True,
                                                                "subnet": ip_cfg["properties"]["subnet"],
                                                                "loadBalancerBackendAddressPools": ip_cfg["properties"]["loadBalancerBackendAddressPools"]}}]}})
        power = "deallocated" if i == 3 else "running"
        put("vm-%s-%d.json" % (scale_set["name"], i), {
            "name": scale_set["name"] + "_%d" % i, "id": vm_id, "instanceId": str(i),
            "type": "Microsoft.Compute/virtualMachineScaleSets/virtualMachines", "location": scale_set["location"],
            "zones": [str(1 + i % 3)],
            "properties": {"provisioningState": "Succeeded",
                           "networkProfile": {"networkInterfaces": [{"id": nic_id}]},
                           "instanceView": instance_view(power)}})


if __name__ == "__main__":
    main()
    vmss()
