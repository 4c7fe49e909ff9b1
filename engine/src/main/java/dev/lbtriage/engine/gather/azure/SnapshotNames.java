package dev.lbtriage.engine.gather.azure;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lbtriage.rules.facts.ArmId;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Snapshot file names for documents, one file per resource: {@code lb-<name>.json},
 * {@code nic-<name>.json}, {@code vm-<name>.json}, {@code vmss-<set>-<instance>-nic-<name>.json},
 * {@code <nic-name>.effective-nsg.json}, {@code <nic-name>.effective-routes.json},
 * {@code metrics-<metric>.json}... A name already taken (same name in two resource groups) gets
 * the resource group added. Documents come sorted by id, so names are stable.
 */
final class SnapshotNames {

  private SnapshotNames() {}

  static Map<String, JsonNode> assign(Iterable<Documents.Doc> docs) {
    Map<String, JsonNode> out = new TreeMap<>();
    Set<String> taken = new HashSet<>();
    for (Documents.Doc d : docs) {
      String name = name(d, false);
      if (!taken.add(name.toLowerCase(java.util.Locale.ROOT))) {
        name = name(d, true);
        taken.add(name.toLowerCase(java.util.Locale.ROOT));
      }
      out.put(name, d.json());
    }
    return out;
  }

  private static String name(Documents.Doc d, boolean qualified) {
    String rg = safe(ArmId.resourceGroup(d.id()));
    String own = safe(ArmId.name(d.id()));
    return switch (d.kind()) {
      case Kinds.EFFECTIVE_NSG -> (qualified ? rg + "/" : "") + own + ".effective-nsg.json";
      case Kinds.EFFECTIVE_ROUTES -> (qualified ? rg + "/" : "") + own + ".effective-routes.json";
      case Kinds.METRICS -> "metrics-" + (qualified ? rg + "-" + safe(ArmId.name(ArmId.parent(
          ArmId.parent(ArmId.parent(d.id()))))) + "-" : "") + own.toLowerCase(java.util.Locale.ROOT) + ".json";
      default -> Kinds.PREFIX.getOrDefault(d.kind(), "doc") + "-" + (qualified ? rg + "-" : "") + scaleSetPart(d.id())
          + own + ".json";
    };
  }

  /** {@code <set>-<instance>-} for scale set instances and their NICs, so instance NICs do not collide. */
  private static String scaleSetPart(String id) {
    String vm = ArmRefs.vmssVm(id);
    if (vm == null) {
      return "";
    }
    String set = ArmId.name(ArmRefs.vmss(id));
    return ArmId.same(vm, id) ? safe(set) + "-" : safe(set) + "-" + safe(ArmId.name(vm)) + "-nic-";
  }

  private static String safe(String s) {
    return s == null ? "unknown" : s.replaceAll("[^A-Za-z0-9._-]", "_");
  }
}
