package dev.lbtriage.bot.cli;

import dev.lbtriage.engine.gather.Progress;
import dev.lbtriage.engine.gather.snapshot.SnapshotReader;
import dev.lbtriage.rules.facts.ArmId;
import dev.lbtriage.rules.facts.AzureFacts;
import dev.lbtriage.rules.facts.EffectiveRoutes;
import dev.lbtriage.rules.facts.EffectiveSecurityRules;
import dev.lbtriage.rules.facts.NetworkInterface;
import java.util.ArrayList;
import java.util.List;

/**
 * Every fact in a snapshot, not only those behind one load balancer (for {@code flow}, whose NIC
 * may sit behind none). {@link SnapshotReader#everything} leaves effective rules and routes named
 * only by their file name ({@code <nic>.effective-nsg.json}); they are bound to their NIC here the
 * way the reader's gather does it (NIC name, or the id the payload names).
 */
final class AllFacts {
  private AllFacts() {}

  static AzureFacts of(SnapshotReader reader) {
    AzureFacts f = reader.everything(Progress.none());
    List<EffectiveSecurityRules> rules = new ArrayList<>();
    for (EffectiveSecurityRules e : f.effectiveSecurityRules()) {
      NetworkInterface nic = nicOf(f, e.nicId(), e.nicName());
      rules.add(nic == null ? e : new EffectiveSecurityRules(nic.id(), nic.name(), e.groups(), e.origin()));
    }
    List<EffectiveRoutes> routes = new ArrayList<>();
    for (EffectiveRoutes e : f.effectiveRoutes()) {
      NetworkInterface nic = nicOf(f, e.nicId(), e.nicName());
      routes.add(nic == null ? e : new EffectiveRoutes(nic.id(), nic.name(), e.routes(), e.origin()));
    }
    return new AzureFacts(f.loadBalancers(), f.networkInterfaces(), f.virtualMachines(), f.subnets(),
        f.virtualNetworks(), f.networkSecurityGroups(), rules, f.routeTables(), routes, f.vmScaleSets(), f.metrics(),
        f.publicIps(), f.missing(), f.problems(), f.flowVerifications(), f.healthEvents(), f.resourceHealth());
  }

  private static NetworkInterface nicOf(AzureFacts f, String nicId, String nicName) {
    for (NetworkInterface n : f.networkInterfaces()) {
      if (ArmId.same(n.id(), nicId) || (nicName != null && n.name().equalsIgnoreCase(nicName))) {
        return n;
      }
    }
    return null;
  }
}
