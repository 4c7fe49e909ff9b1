package dev.lbtriage.engine.gather.snapshot;

import dev.lbtriage.rules.facts.Origin;
import dev.lbtriage.rules.facts.PublicIp;

/** Reads {@code Microsoft.Network/publicIPAddresses}. */
final class PublicIpParser {

  private PublicIpParser() {}

  static void parse(JsonCursor r, String file, SnapshotIndex index) {
    String id = r.requiredText("id");
    String sku = r.child("sku").map(s -> s.text("name")).orElse(null);
    PublicIp ip = new PublicIp(id, Children.name(r, id), r.props().text("ipAddress"), sku, new Origin(id, file));
    index.publicIps.put(id, ip, r.log(), r.path());
  }
}
