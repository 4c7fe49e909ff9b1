package dev.lbtriage.engine.gather.snapshot;

import dev.lbtriage.rules.facts.ArmId;
import dev.lbtriage.rules.facts.NetworkInterface;
import dev.lbtriage.rules.facts.NicIpConfiguration;
import dev.lbtriage.rules.facts.Origin;
import java.util.List;

/** Reads {@code Microsoft.Network/networkInterfaces}, including scale set instance NICs. */
final class NicParser {

  private NicParser() {}

  static void parse(JsonCursor r, String file, SnapshotIndex index) {
    String id = r.requiredText("id");
    JsonCursor p = r.props();
    List<NicIpConfiguration> ipConfigurations = Children.each(p, "ipConfigurations", c -> ipConfiguration(c, id));
    String vmId = p.refId("virtualMachine");
    NetworkInterface nic = new NetworkInterface(id, Children.name(r, id), ArmId.resourceGroup(id), ipConfigurations,
        p.refId("networkSecurityGroup"), vmId != null ? vmId : PoolMembers.vmssInstanceVmOf(id),
        PoolMembers.vmssOf(id), p.bool("enableIPForwarding", false), new Origin(id, file));
    index.nics.put(id, nic, r.log(), r.path());
  }

  private static NicIpConfiguration ipConfiguration(JsonCursor c, String nicId) {
    String id = Children.id(c, nicId, "ipConfigurations");
    JsonCursor p = c.props();
    return new NicIpConfiguration(id, Children.name(c, id), nicId, p.requiredText("privateIPAddress"), p.refId("subnet"),
        p.refId("publicIPAddress"), p.bool("primary", false), p.refIds("loadBalancerBackendAddressPools"),
        p.refIds("loadBalancerInboundNatRules"), p.refIds("applicationSecurityGroups"));
  }
}
