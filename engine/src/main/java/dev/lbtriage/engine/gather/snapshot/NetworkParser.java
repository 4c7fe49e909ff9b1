package dev.lbtriage.engine.gather.snapshot;

import dev.lbtriage.rules.facts.ArmId;
import dev.lbtriage.rules.facts.Origin;
import dev.lbtriage.rules.facts.Subnet;
import dev.lbtriage.rules.facts.VirtualNetwork;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code Microsoft.Network/virtualNetworks} (with embedded subnets and peerings) and subnets. */
final class NetworkParser {

  private NetworkParser() {}

  static void parseVnet(JsonCursor r, String file, SnapshotIndex index) {
    String id = r.requiredText("id");
    JsonCursor p = r.props();
    List<String> space = p.child("addressSpace").map(a -> a.strings("addressPrefixes")).orElse(List.of());
    List<String> peered = new ArrayList<>();
    for (JsonCursor peering : p.objects("virtualNetworkPeerings")) {
      JsonCursor pp = peering.props();
      for (String field : List.of("remoteAddressSpace", "remoteVirtualNetworkAddressSpace")) {
        pp.child(field).map(a -> a.strings("addressPrefixes")).orElse(List.of()).stream()
            .filter(x -> !peered.contains(x)).forEach(peered::add);
      }
    }
    index.vnets.put(id, new VirtualNetwork(id, Children.name(r, id), space, peered, new Origin(id, file)), r.log(),
        r.path());
    for (Subnet s : Children.each(p, "subnets", c -> subnet(c, id, file))) {
      index.subnets.put(s.id(), s, r.log(), r.path() + ".subnets");
    }
  }

  static void parseSubnet(JsonCursor r, String file, SnapshotIndex index) {
    String id = r.requiredText("id");
    Subnet s = subnet(r, ArmId.parent(id), file);
    index.subnets.put(id, s, r.log(), r.path());
  }

  private static Subnet subnet(JsonCursor c, String vnetId, String file) {
    String id = Children.id(c, vnetId, "subnets");
    JsonCursor p = c.props();
    List<String> prefixes = new ArrayList<>(p.strings("addressPrefix"));
    p.strings("addressPrefixes").stream().filter(x -> !prefixes.contains(x)).forEach(prefixes::add);
    return new Subnet(id, Children.name(c, id), vnetId, prefixes, p.refId("networkSecurityGroup"),
        p.refId("routeTable"), new Origin(id, file));
  }
}
