#!/usr/bin/env python3
"""Builds engine/src/test/resources/snapshots/issue13/ (scale set models, health signals, probe ports)
from /work/shared/azure-fixtures and the bundled examples. Each folder's NOTES.md says where each file
came from and what was edited. Run from the repository root after examples/make_examples.py:
  python3 engine/src/test/scripts/make_issue13_snapshots.py
"""
import json, os, shutil, sys

sys.path.insert(0, "examples")
import make_examples as ex  # noqa: E402  (reuses its fixture readers; its main block does not run on import)

OUT = "engine/src/test/resources/snapshots/issue13"
CRUD = "load-balancers/azure-libraries-for-java.azure-mgmt-network.canCRUDProbe.session-record.json"
HEALTH_SPEC = ("Azure/azure-rest-api-specs specification/resourcehealth/resource-manager/Microsoft.ResourceHealth/"
               "ResourceHealth/examples/2025-05-01/AvailabilityStatuses_List.json (commit cd763a5f9e2c5eb9fbdd94da468b9165a23959fd)")


def folder(name):
    d = os.path.join(OUT, name)
    if os.path.isdir(d):
        shutil.rmtree(d)
    os.makedirs(d)
    return d


def write(d, name, doc):
    with open(os.path.join(d, name), "w", encoding="utf-8") as f:
        json.dump(doc, f, indent=2)
        f.write("\n")


def text(d, name, s):
    with open(os.path.join(d, name), "w", encoding="utf-8") as f:
        f.write(s.lstrip("\n"))


def vmss_model_nsg_allows():
    d = folder("vmss-model-nsg-allows")
    write(d, "lb.json", ex.record(ex.VMSS, 16))
    write(d, "vmss.json", ex.vmss_with_model_nsg())
    write(d, "nsg-vmss47409.json", ex.vmss_model_nsg(deny_probe=False))
    write(d, "vnet.json", ex.record(ex.VMSS, 17))
    text(d, "NOTES.md", """
# vmss-model-nsg-allows

As `examples/vmss-model-nsg-blocks-probe` (same files, same sources, built by the same functions of
`examples/make_examples.py`) but the model's NSG is the recorded one **without** the invented `DenyAll`: its
default `AllowAzureLoadBalancerInBound` admits the probe. `pip.json` is left out (the public IP plays no part).
""")


def resource_health(lb_id, state, summary, reason):
    """The spec example's first entry (the current status), id rewritten to the load balancer's."""
    body = json.load(open(os.environ.get("RH_EXAMPLE", "engine/src/test/scripts/AvailabilityStatuses_List.json")))
    cur = body["responses"]["200"]["body"]["value"][0]
    old = cur["id"][: cur["id"].lower().index("/providers/microsoft.resourcehealth")]
    cur = json.loads(json.dumps(cur).replace(old, lb_id))
    cur["properties"]["availabilityState"] = state
    cur["properties"]["summary"] = summary
    cur["properties"]["reasonType"] = reason
    cur["properties"]["occuredTime"] = "2026-11-25T10:03:00Z"
    cur["properties"]["reportedTime"] = "2026-11-25T10:06:00Z"
    history = body["responses"]["200"]["body"]["value"][1]
    history = json.loads(json.dumps(history).replace(old, lb_id))
    return {"value": [cur, history]}


def health_events_table(lb_id, rows):
    """A Log Analytics query response (tables/columns/rows) over ALBHealthEvent with the documented columns."""
    cols = ["TenantId", "TimeGenerated", "HealthEventType", "Severity", "Description", "FrontendIP",
            "LoadBalancerResourceId", "operationName", "SourceSystem", "Type", "_ResourceId"]
    types = ["string", "datetime", "string", "string", "string", "string", "string", "string", "string", "string", "string"]
    return {"tables": [{"name": "PrimaryResult",
                        "columns": [{"name": c, "type": t} for c, t in zip(cols, types)],
                        "rows": [["00000000-0000-0000-0000-000000000000", t, ev, sev, desc, fe, lb_id.upper(),
                                  "LoadBalancerHealthEvent", "Azure", "ALBHealthEvent", lb_id.lower()]
                                 for t, ev, sev, desc, fe in rows]}]}


def health_signals():
    d = folder("health-signals")
    src = "../../../../../examples/probe-zero-vm-not-responding"
    for f in sorted(os.listdir("examples/probe-zero-vm-not-responding")):
        if f.endswith(".json"):
            shutil.copy(os.path.join("examples/probe-zero-vm-not-responding", f), os.path.join(d, f))
    lb_id = json.load(open(os.path.join(d, "lb.json")))["id"]
    write(d, "health-events.json", health_events_table(lb_id, [
        ("2026-11-25T10:04:00Z", "NoHealthyBackends", "Critical",
         "All backend instances in backend pool are not responding to health probes", "172.18.0.4"),
        ("2026-11-25T10:05:00Z", "SnatPortExhaustion", "Critical",
         "Backend instance has exhausted all allocated SNAT ports", "172.18.0.4")]))
    write(d, "resource-health.json", resource_health(lb_id, "Degraded",
          "The load balancer's health probes report that no backend is healthy", "Unplanned"))
    text(d, "NOTES.md", """
# health-signals

The `lb-shop` world of `examples/probe-zero-vm-not-responding` (its `*.json` files copied unchanged; see that
folder's NOTES.md for their sources) plus what Azure itself says about the load balancer's health:

| File | Came from | Edits |
|---|---|---|
| health-events.json | **hand-written** in the shape of a Log Analytics query response (`{"tables":[{"name","columns":[{"name","type"}],"rows":[[...]]}]}`, https://learn.microsoft.com/azure/azure-monitor/logs/api/response-format), which the resource-centric query through ARM (`GET <lb id>/providers/microsoft.insights/logs`) also returns; columns are those of the `ALBHealthEvent` table (https://learn.microsoft.com/azure/azure-monitor/reference/tables/albhealthevent); event types and severities from https://learn.microsoft.com/azure/load-balancer/load-balancer-health-event-logs. No recorded payload exists in the fixtures. | rows invented: `NoHealthyBackends` (Critical) at 10:04Z and `SnatPortExhaustion` (Critical) at 10:05Z; `LoadBalancerResourceId` upper-cased as Log Analytics stores it |
| resource-health.json | `%s`, the 200 body (`{"value":[current, history]}`) | ids rewritten from the example's classic VM to `lb-shop`; the current status's `availabilityState` Unavailable -> **Degraded**, `summary` and `reasonType` (Unplanned) rewritten for a load balancer, `occuredTime`/`reportedTime` moved to 2026-11-25T10:03Z/10:06Z (the incident); the history entry kept (it is skipped with a note) |
""" % HEALTH_SPEC)


def http_probe_on_port_25():
    d = folder("http-probe-port-25")
    for f in sorted(os.listdir("examples/nsg-deny-all-nic")):
        if f.endswith(".json") and f != "nsg-web.json":
            shutil.copy(os.path.join("examples/nsg-deny-all-nic", f), os.path.join(d, f))
    lb = json.load(open(os.path.join(d, "lb.json")))
    for p in lb["properties"]["probes"]:
        if p["name"] == "tcpProbe1":
            p["properties"]["protocol"] = "Http"
            p["properties"]["requestPath"] = "/"
    write(d, "lb.json", lb)
    nics = [f for f in os.listdir(d) if f.startswith("nic-")]
    for f in nics:  # the NIC NSG of nsg-deny-all-nic is left out: no NSG blocks anything here
        nic = json.load(open(os.path.join(d, f)))
        nic["properties"].pop("networkSecurityGroup", None)
        write(d, f, nic)
    text(d, "NOTES.md", """
# http-probe-port-25

The `lb-web` world of `examples/nsg-deny-all-nic` (see its NOTES.md for the sources), without its NSG, with one edit:
the probe `tcpProbe1` that `rule1` uses (port **25**) turned from Tcp into **Http** with `requestPath` `/`. Azure does
not probe HTTP on ports 19, 21, 25, 70, 110, 119, 143, 220 and 993
(https://learn.microsoft.com/azure/load-balancer/load-balancer-custom-probe-overview, Limitations).

| File | Edits |
|---|---|
| lb.json | `probes[tcpProbe1].properties.protocol` Tcp -> Http, `requestPath` `/` added |
| nic-web-1.json, nic-web-2.json | `properties.networkSecurityGroup` removed (nsg-web.json is not copied) |
| others | copied unchanged |
""")


if __name__ == "__main__":
    vmss_model_nsg_allows()
    health_signals()
    http_probe_on_port_25()
    print("done", file=sys.stderr)


def arm_stub_vmss_health():
    """Health signals for the stub's vmss scenario (served by StubArm; read live by HealthReads)."""
    d = "engine/src/test/resources/arm-stub/vmss"
    lb_id = json.load(open(os.path.join(d, "lb-extlb1-3b962020e.json")))["id"]
    write(d, "health-events-logs.json", health_events_table(lb_id, [
        ("2026-11-25T10:12:00Z", "HighSnatPortUsage", "Warning",
         "Backend instance is using more than 75% of its allocated SNAT ports", "20.1.2.3")]))
    rh = resource_health(lb_id, "Available", "There aren't any known Azure platform problems affecting this load balancer",
                         None)["value"][0]
    rh["properties"].pop("reasonType", None)
    write(d, "resource-health-current.json", rh)


if __name__ == "__main__":
    arm_stub_vmss_health()
