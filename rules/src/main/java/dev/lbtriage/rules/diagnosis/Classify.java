package dev.lbtriage.rules.diagnosis;

import dev.lbtriage.rules.facts.ArmId;
import dev.lbtriage.rules.facts.AzureFacts;
import dev.lbtriage.rules.facts.BackendPool;
import dev.lbtriage.rules.facts.LoadBalancer;
import dev.lbtriage.rules.facts.MetricSeries;
import dev.lbtriage.rules.facts.PoolMember;
import dev.lbtriage.rules.facts.PowerState;
import dev.lbtriage.rules.facts.VirtualMachine;
import dev.lbtriage.rules.facts.VmScaleSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The pure functions the classification rules call: raw facts in, classification facts out. No I/O.
 */
public final class Classify {
  private Classify() {}

  /** The backend a pool member stands for, resolved to its VM and power state. */
  public static Backend backend(AzureFacts facts, LoadBalancer lb, BackendPool pool, PoolMember m) {
    String vmId = m.vmId();
    if (vmId == null && m.nicId() != null) {
      vmId = facts.nic(m.nicId()).map(n -> n.vmId()).orElse(null);
    }
    Optional<VirtualMachine> vm = vmId == null ? Optional.empty() : facts.vm(vmId);
    PowerState state = vm.map(VirtualMachine::powerState).orElse(PowerState.UNKNOWN);
    String vmName = vm.map(VirtualMachine::name).orElse(vmId == null ? null : ArmId.name(vmId));
    if (vmName == null && m.vmssId() != null) {
      vmName = ArmId.name(m.vmssId()) + (m.vmssInstanceId() == null ? "" : "_" + m.vmssInstanceId());
    }
    String origin = vm.map(v -> v.origin().file()).orElse(null);
    return new Backend(lb.id(), pool.id(), m.ipAddress() == null ? "?" : m.ipAddress(), m.nicId(), vmId, vmName,
        m.vmssId(), state, origin);
  }

  /** The probe health of a backend from a {@code DipAvailability} series, or null when the series has no points. */
  public static ProbeHealth probeHealth(MetricSeries series, String backendIp) {
    return series.points().stream()
        .filter(p -> p.average() != null || p.minimum() != null)
        .max(Comparator.comparing(MetricSeries.Point::time))
        .map(p -> {
          double value = p.average() != null ? p.average() : p.minimum();
          String port = series.dimension("BackendPort");
          String where = backendIp + (port == null ? "" : ":" + port);
          return new ProbeHealth(backendIp, value, value <= 0.0,
              series.metric() + " " + format(value) + "% at " + p.time() + " for " + where + " (" + series.origin().file() + ")");
        })
        .orElse(null);
  }

  /** The scale sets whose network-profile health probe is a rule's probe while they sit in its pool. */
  public static List<ScaleSetProbe> scaleSetProbes(AzureFacts facts, dev.lbtriage.rules.facts.LoadBalancingRule rule) {
    List<ScaleSetProbe> out = new ArrayList<>();
    if (rule.probeId() == null) {
      return out;
    }
    for (VmScaleSet vmss : facts.vmScaleSets()) {
      boolean inPool = vmss.backendPoolIds().stream().anyMatch(p -> rule.backendPoolIds().stream().anyMatch(r -> ArmId.same(p, r)));
      if (inPool && ArmId.same(vmss.healthProbeId(), rule.probeId())) {
        out.add(new ScaleSetProbe(rule.id(), rule.name(), vmss.id(), rule.probeId(),
            "scale set " + vmss.name() + " uses probe " + ArmId.name(rule.probeId()) + " as its health probe and sits in pool "
                + rule.backendPoolIds().stream().map(ArmId::name).toList() + " of rule " + rule.name()
                + " (" + vmss.origin().file() + ")"));
      }
    }
    return out;
  }

  public static ClientIsBackend clientIsBackend(String client, Backend b) {
    return new ClientIsBackend(client, "client " + client + " is backend " + (b.vmName() == null ? b.ip() : b.vmName())
        + " of pool " + ArmId.name(b.poolId()));
  }

  static String format(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
  }
}
