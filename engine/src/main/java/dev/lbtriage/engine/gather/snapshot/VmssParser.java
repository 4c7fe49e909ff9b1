package dev.lbtriage.engine.gather.snapshot;

import dev.lbtriage.rules.facts.ArmId;
import dev.lbtriage.rules.facts.Origin;
import dev.lbtriage.rules.facts.VmScaleSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code Microsoft.Compute/virtualMachineScaleSets}: the health probe of the network profile
 * and the pools, NAT pools and NSG of its NIC configurations.
 */
final class VmssParser {

  private VmssParser() {}

  static void parse(JsonCursor r, String file, SnapshotIndex index) {
    String id = r.requiredText("id");
    Optional<JsonCursor> network = r.props().child("virtualMachineProfile").flatMap(v -> v.props().child("networkProfile"));
    String probe = network.map(n -> n.refId("healthProbe")).orElse(null);
    List<String> pools = new ArrayList<>();
    List<String> natPools = new ArrayList<>();
    String nsg = null;
    for (JsonCursor nicConfig : network.map(n -> n.objects("networkInterfaceConfigurations")).orElse(List.of())) {
      JsonCursor np = nicConfig.props();
      nsg = nsg != null ? nsg : np.refId("networkSecurityGroup");
      for (JsonCursor ipc : np.objects("ipConfigurations")) {
        JsonCursor ip = ipc.props();
        addNew(pools, ip.refIds("loadBalancerBackendAddressPools"));
        addNew(natPools, ip.refIds("loadBalancerInboundNatPools"));
      }
    }
    VmScaleSet vmss = new VmScaleSet(id, Children.name(r, id), ArmId.resourceGroup(id), probe, pools, natPools, nsg,
        new Origin(id, file));
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
