package dev.lbtriage.bot.cli;

import dev.lbtriage.rules.facts.ArmId;

/**
 * Short names for ARM ids, as the text output shows them. Scale set instance resources all share
 * their NIC's name, so they get the scale set and instance in front: {@code vmss1/3/primary-nic}.
 */
final class Names {
  private Names() {}

  static String of(String id) {
    if (id == null) {
      return null;
    }
    String[] p = id.split("/");
    for (int i = 0; i + 3 < p.length; i++) {
      if (p[i].equalsIgnoreCase("virtualMachineScaleSets") && p[i + 2].equalsIgnoreCase("virtualMachines")) {
        StringBuilder b = new StringBuilder(p[i + 1]).append('/').append(p[i + 3]);
        for (int j = i + 5; j < p.length; j += 2) {
          b.append('/').append(p[j]);
        }
        return b.toString();
      }
    }
    return ArmId.name(id);
  }

  /** A NIC IP configuration: {@code nic/ipconfig} (scale set instances: {@code vmss/0/nic/ipconfig}). */
  static String ipConfiguration(String id) {
    String n = of(id);
    if (n.contains("/")) {
      return n;
    }
    String parent = ArmId.parent(id);
    return parent == null ? n : ArmId.name(parent) + "/" + n;
  }
}
