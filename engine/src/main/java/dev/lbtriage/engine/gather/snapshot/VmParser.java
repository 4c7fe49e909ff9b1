package dev.lbtriage.engine.gather.snapshot;

import dev.lbtriage.rules.facts.ArmId;
import dev.lbtriage.rules.facts.Origin;
import dev.lbtriage.rules.facts.PowerState;
import dev.lbtriage.rules.facts.VirtualMachine;
import java.util.Optional;

/**
 * Reads {@code Microsoft.Compute/virtualMachines} (and scale set instances). The power state comes
 * from the instance view's {@code PowerState/...} status ({@code GET ?$expand=instanceView}, or az
 * {@code vm get-instance-view}, which prints {@code instanceView} at the top level), or from az
 * {@code vm show -d}'s {@code powerState: "VM running"}; else it is unknown.
 */
final class VmParser {

  private VmParser() {}

  static void parse(JsonCursor r, String file, SnapshotIndex index) {
    String id = r.requiredText("id");
    JsonCursor p = r.props();
    String osType = p.child("storageProfile").flatMap(s -> s.child("osDisk")).map(d -> d.text("osType")).orElse(null);
    VirtualMachine vm = new VirtualMachine(id, Children.name(r, id), ArmId.resourceGroup(id), powerState(r, p), osType,
        p.child("networkProfile").map(n -> n.refIds("networkInterfaces")).orElse(java.util.List.of()),
        new Origin(id, file));
    index.vms.put(id, vm, r.log(), r.path());
  }

  private static PowerState powerState(JsonCursor r, JsonCursor p) {
    Optional<JsonCursor> view = p.child("instanceView").or(() -> r.child("instanceView"));
    if (view.isPresent()) {
      for (JsonCursor status : view.get().objects("statuses")) {
        String code = status.text("code");
        if (code != null && code.regionMatches(true, 0, "PowerState/", 0, "PowerState/".length())) {
          return PowerState.parse(code);
        }
      }
    }
    String flat = r.text("powerState");
    return flat != null ? PowerState.parse(flat) : PowerState.UNKNOWN;
  }
}
