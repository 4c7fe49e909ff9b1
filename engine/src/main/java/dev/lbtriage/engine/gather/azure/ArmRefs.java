package dev.lbtriage.engine.gather.azure;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Finds and classifies the ARM ids a document references: {@code /subscriptions/s/resourceGroups/r/
 * providers/<namespace>/<type>/<name>[/<child-type>/<child>...]}. Resource types are compared
 * without regard to case.
 */
final class ArmRefs {

  private ArmRefs() {}

  /** Every {@code "id"} string anywhere under the node, in document order, without duplicates. */
  static Set<String> ids(JsonNode node) {
    Set<String> out = new LinkedHashSet<>();
    collect(node, out, 0);
    return out;
  }

  private static void collect(JsonNode node, Set<String> out, int depth) {
    if (node == null || depth > 64) {
      return;
    }
    if (node.isObject()) {
      node.fields().forEachRemaining(e -> {
        if (e.getKey().equals("id") && e.getValue().isTextual()) {
          out.add(e.getValue().asText());
        } else {
          collect(e.getValue(), out, depth + 1);
        }
      });
    } else if (node.isArray()) {
      node.forEach(c -> collect(c, out, depth + 1));
    }
  }

  /**
   * The id cut after {@code depth} type/name pairs if its types (after {@code providers/}) start
   * with {@code types}, e.g. {@code top(id, "Microsoft.Network/networkInterfaces")} gives the NIC
   * of an ip configuration id; null when it does not match.
   *
   * @param exact true to match only ids with exactly these types (no child below)
   */
  static String top(String id, String types, boolean exact) {
    if (id == null) {
      return null;
    }
    String[] parts = id.split("/");
    int providers = -1;
    for (int i = 0; i < parts.length; i++) {
      if (parts[i].equalsIgnoreCase("providers")) {
        providers = i;
        break;
      }
    }
    String[] want = types.split("/");
    // want = namespace, type1, [type2, ...]; parts after providers = namespace, type1, name1, type2, name2...
    if (providers < 0 || parts.length < providers + 2 + (want.length - 1) * 2) {
      return null;
    }
    if (!parts[providers + 1].equalsIgnoreCase(want[0])) {
      return null;
    }
    for (int t = 1; t < want.length; t++) {
      if (!parts[providers + 2 * t].equalsIgnoreCase(want[t])) {
        return null;
      }
    }
    int end = providers + 1 + (want.length - 1) * 2;
    if (exact && parts.length != end + 1) {
      return null;
    }
    return String.join("/", java.util.Arrays.copyOf(parts, end + 1));
  }

  static String nic(String id) {
    return top(id, "Microsoft.Network/networkInterfaces", false);
  }

  static String vmssNic(String id) {
    return top(id, "Microsoft.Compute/virtualMachineScaleSets/virtualMachines/networkInterfaces", false);
  }

  static String vmss(String id) {
    return top(id, "Microsoft.Compute/virtualMachineScaleSets", false);
  }

  static String vmssVm(String id) {
    return top(id, "Microsoft.Compute/virtualMachineScaleSets/virtualMachines", false);
  }

  static String vm(String id) {
    return top(id, "Microsoft.Compute/virtualMachines", true);
  }

  static String publicIp(String id) {
    return top(id, "Microsoft.Network/publicIPAddresses", false);
  }

  static String subnet(String id) {
    return top(id, "Microsoft.Network/virtualNetworks/subnets", true);
  }

  static String vnet(String id) {
    return top(id, "Microsoft.Network/virtualNetworks", false);
  }

  static String nsg(String id) {
    return top(id, "Microsoft.Network/networkSecurityGroups", true);
  }

  static String routeTable(String id) {
    return top(id, "Microsoft.Network/routeTables", true);
  }

  static String key(String id) {
    return id.toLowerCase(Locale.ROOT);
  }
}
