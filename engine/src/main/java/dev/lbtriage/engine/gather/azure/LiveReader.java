package dev.lbtriage.engine.gather.azure;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lbtriage.engine.gather.Progress;
import dev.lbtriage.rules.facts.ArmId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Follows one load balancer through ARM in four rounds, each run with bounded parallelism: (1) pool
 * member NICs, scale sets and their instances, frontend public IPs, metrics, Resource Health and the
 * health event logs ({@link HealthReads}); (2) VMs, VNets, NSGs and public IPs the NICs name, and the
 * NSG and subnet of each scale set's model; (3) NSGs and route tables of the members' subnets; (4) effective
 * security rules and routes of each member NIC (long-running POST actions), started as soon as round 1
 * has read the NICs and run alongside rounds 2 and 3, many at once (see {@link TaskRunner}). A failed read becomes
 * a failure (a missing fact with its reason); the rest carries on. The effective actions are those of
 * {@code Microsoft.Network/networkInterfaces}; scale set instance NICs (under
 * {@code Microsoft.Compute/virtualMachineScaleSets/.../networkInterfaces}) are evaluated from their own
 * NSG and subnet instead.
 */
final class LiveReader {

  private final ArmClient arm;
  private final AzureReadOptions options;
  private final TaskRunner runner;

  LiveReader(ArmClient arm, AzureReadOptions options, TaskRunner runner) {
    this.arm = arm;
    this.options = options;
    this.runner = runner;
  }

  Documents read(JsonNode lb, Progress progress) {
    Documents docs = new Documents();
    String lbId = lb.path("id").asText();
    docs.add(Kinds.LOAD_BALANCER, lbId, lb);
    Map<String, ReadTask> round = new LinkedHashMap<>();
    List<String> memberNics = new ArrayList<>();
    List<String> subnets = new ArrayList<>();
    for (String ref : ArmRefs.ids(lb)) {
      String nic = ArmRefs.nic(ref);
      String vmssNic = ArmRefs.vmssNic(ref);
      if (nic != null) {
        put(round, get(Kinds.NIC, nic, lbId, ApiVersions.NETWORK, null));
        if (!memberNics.stream().anyMatch(n -> ArmId.same(n, nic))) {
          memberNics.add(nic);
        }
      } else if (vmssNic != null) {
        put(round, get(Kinds.NIC, vmssNic, lbId, ApiVersions.VMSS_NIC, null));
        put(round, get(Kinds.SCALE_SET, ArmRefs.vmss(ref), lbId, ApiVersions.COMPUTE, null));
        put(round, get(Kinds.VM, ArmRefs.vmssVm(ref), vmssNic, ApiVersions.COMPUTE, "$expand=instanceView"));
      } else if (ArmRefs.publicIp(ref) != null) {
        put(round, get(Kinds.PUBLIC_IP, ArmRefs.publicIp(ref), lbId, ApiVersions.NETWORK, null));
      } else if (ArmRefs.subnet(ref) != null) {
        subnets.add(ref);
        put(round, get(Kinds.VNET, ArmRefs.vnet(ref), ref, ApiVersions.NETWORK, null));
      }
    }
    metrics(lbId).forEach(t -> put(round, t));
    HealthReads.tasks(arm, options, lbId).forEach(t -> put(round, t));
    runner.run(round.values(), docs, progress);

    // the effective rules and routes need only the NIC: start them now, all at once, and let them wait
    // for Azure while the VMs, VNets, NSGs and route tables are read (issue 18)
    List<ReadTask> effective = new ArrayList<>();
    for (String nic : memberNics) {
      if (docs.has(Kinds.NIC, nic)) {
        effective.add(action(Kinds.EFFECTIVE_NSG, nic, "effectiveNetworkSecurityGroups"));
        effective.add(action(Kinds.EFFECTIVE_ROUTES, nic, "effectiveRouteTable"));
      }
    }
    TaskRunner.Round operations = runner.startOperations(effective, docs);

    Map<String, ReadTask> second = new LinkedHashMap<>();
    for (Documents.Doc nic : docs.of(Kinds.NIC)) {
      for (String ref : ArmRefs.ids(nic.json())) {
        String at = nic.id();
        if (ArmRefs.vm(ref) != null) {
          put(second, get(Kinds.VM, ref, at, ApiVersions.COMPUTE, "$expand=instanceView"));
        } else if (ArmRefs.nsg(ref) != null) {
          put(second, get(Kinds.NSG, ref, at, ApiVersions.NETWORK, null));
        } else if (ArmRefs.publicIp(ref) != null) {
          put(second, get(Kinds.PUBLIC_IP, ArmRefs.publicIp(ref), at, ApiVersions.NETWORK, null));
        } else if (ArmRefs.subnet(ref) != null) {
          subnets.add(ref);
          put(second, get(Kinds.VNET, ArmRefs.vnet(ref), ref, ApiVersions.NETWORK, null));
        }
      }
    }
    // the scale set model's NSG and subnet decide for instances whose NIC could not be read
    for (Documents.Doc scaleSet : docs.of(Kinds.SCALE_SET)) {
      JsonNode profile = scaleSet.json().path("properties").path("virtualMachineProfile").path("networkProfile");
      for (String ref : ArmRefs.ids(profile)) {
        if (ArmRefs.nsg(ref) != null) {
          put(second, get(Kinds.NSG, ref, scaleSet.id(), ApiVersions.NETWORK, null));
        } else if (ArmRefs.subnet(ref) != null) {
          subnets.add(ref);
          put(second, get(Kinds.VNET, ArmRefs.vnet(ref), ref, ApiVersions.NETWORK, null));
        }
      }
    }
    runner.run(fresh(second, docs), docs, progress);

    Map<String, ReadTask> third = new LinkedHashMap<>();
    for (Documents.Doc vnet : docs.of(Kinds.VNET)) {
      for (JsonNode subnet : vnet.json().path("properties").path("subnets")) {
        String id = subnet.path("id").asText("");
        if (subnets.stream().anyMatch(s -> ArmId.same(s, id))) {
          ref(subnet, "networkSecurityGroup", id, Kinds.NSG, third);
          ref(subnet, "routeTable", id, Kinds.ROUTE_TABLE, third);
        }
      }
    }
    runner.run(fresh(third, docs), docs, progress);

    operations.await(progress);
    return docs;
  }

  private void ref(JsonNode subnet, String field, String subnetId, String kind, Map<String, ReadTask> into) {
    JsonNode id = subnet.path("properties").path(field).path("id");
    if (id.isTextual()) {
      put(into, get(kind, id.asText(), subnetId, ApiVersions.NETWORK, null));
    }
  }

  private List<ReadTask> fresh(Map<String, ReadTask> tasks, Documents docs) {
    return tasks.values().stream().filter(t -> !docs.tried(t.kind(), t.id())).toList();
  }

  private static void put(Map<String, ReadTask> into, ReadTask task) {
    into.putIfAbsent(task.kind() + "|" + ArmId.normalize(task.id()), task);
  }

  private ReadTask get(String kind, String id, String referencedBy, String apiVersion, String query) {
    return new ReadTask(kind, id, referencedBy, () -> arm.get(id, apiVersion, query));
  }

  private ReadTask action(String kind, String nicId, String action) {
    return new ReadTask(kind, nicId, nicId,
        () -> arm.action(nicId, action, ApiVersions.NETWORK, options.pollInterval(), options.lroTimeout()));
  }

  private List<ReadTask> metrics(String lbId) {
    Instant end = options.clock().instant().truncatedTo(ChronoUnit.MINUTES);
    Instant start = end.minus(options.metricsWindow());
    Function<String, String> q = filter -> "timespan=" + start + "/" + end + "&interval=PT1M&aggregation=Average"
        + "&$filter=" + filter.replace(" ", "%20").replace("'", "%27");
    String base = lbId + "/providers/Microsoft.Insights/metrics";
    return List.of(
        new ReadTask(Kinds.METRICS, base + "/DipAvailability", lbId, () -> arm.get(base, ApiVersions.METRICS,
            "metricnames=DipAvailability&" + q.apply("BackendIPAddress eq '*' and BackendPort eq '*'"))),
        new ReadTask(Kinds.METRICS, base + "/VipAvailability", lbId, () -> arm.get(base, ApiVersions.METRICS,
            "metricnames=VipAvailability&" + q.apply("FrontendIPAddress eq '*' and FrontendPort eq '*'"))));
  }
}
