package dev.lbtriage.engine.gather.snapshot;

import dev.lbtriage.rules.facts.ArmId;
import dev.lbtriage.rules.facts.Origin;
import dev.lbtriage.rules.facts.VmScaleSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code Microsoft.Compute/virtualMachineScaleSets}: the health probe of the network profile
 * and, from its NIC configurations (the model every instance NIC is made from), the pools, NAT
 * pools, NSG, subnet and application security groups. The primary NIC configuration (or the first)
 * gives the NSG and name; its primary IP configuration (or the first) gives the subnet.
 */
final class VmssParser {

  private VmssParser() {}

  static void parse(JsonCursor r, String file, SnapshotIndex index) {
    String id = r.requiredText("id");
    Optional<JsonCursor> network = r.props().child("virtualMachineProfile").flatMap(v -> v.props().child("networkProfile"));
    String probe = network.map(n -> n.refId("healthProbe")).orElse(null);
    List<String> pools = new ArrayList<>();
    List<String> natPools = new ArrayList<>();
    List<String> asgs = new ArrayList<>();
    List<JsonCursor> configs = network.map(n -> n.objects("networkInterfaceConfigurations")).orElse(List.of());
    JsonCursor primary = configs.stream().filter(c -> c.props().bool("primary", false)).findFirst()
        .orElse(configs.isEmpty() ? null : configs.get(0));
    String nsg = primary == null ? null : primary.props().refId("networkSecurityGroup");
    String subnet = null;
    for (JsonCursor nicConfig : configs) {
      JsonCursor np = nicConfig.props();
      nsg = nsg != null ? nsg : np.refId("networkSecurityGroup");
      List<JsonCursor> ipConfigs = np.objects("ipConfigurations");
      for (JsonCursor ipc : ipConfigs) {
        JsonCursor ip = ipc.props();
        addNew(pools, ip.refIds("loadBalancerBackendAddressPools"));
        addNew(natPools, ip.refIds("loadBalancerInboundNatPools"));
        addNew(asgs, ip.refIds("applicationSecurityGroups"));
        boolean primaryIp = ip.bool("primary", false) || ipConfigs.size() == 1;
        if (nicConfig == primary && (subnet == null || primaryIp)) {
          subnet = ip.refId("subnet") != null && (subnet == null || primaryIp) ? ip.refId("subnet") : subnet;
        }
      }
    }
    VmScaleSet vmss = new VmScaleSet(id, Children.name(r, id), ArmId.resourceGroup(id), probe, pools, natPools, nsg, subnet,
        asgs, primary == null ? null : primary.text("name"), new Origin(id, file));
    index.scaleSets.put(id, vmss, r.log(), r.path());
  }

  private static void addNew(List<String> into, List<String> ids) {
    for (String id : ids) {
      if (into.stream().noneMatch(x -> ArmId.same(x, id))) {
        into.add(id);
      }
    }
  }
}
