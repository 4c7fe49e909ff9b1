package dev.lbtriage.rules.diagnosis;

import dev.lbtriage.rules.facts.ArmId;
import dev.lbtriage.rules.facts.LoadBalancer;

/** How evidence reads, kept out of the DRL. Evidence is data shown as found, never advice. */
public final class Evidence {
  private Evidence() {}

  public static String powerState(Backend b) {
    return "VM " + (b.vmName() == null ? b.vmId() : b.vmName()) + " (" + b.ip() + ") power state: "
        + b.powerState().name().toLowerCase(java.util.Locale.ROOT) + (b.origin() == null ? "" : " (" + b.origin() + ")");
  }

  public static String answer(Answer a) {
    return "answer " + a.question() + " = " + a.value();
  }

  public static String liveCheck(LiveCheck c) {
    return "live " + c.kind() + " check to " + c.host() + ":" + c.port() + ": " + c.summary();
  }

  public static String othersRuledOut() {
    return "vm-unhealthy, probe-port-not-listening and probe-port-blocked are ruled out";
  }

  public static String notABackend(Answer clientIp) {
    return "client " + clientIp.value() + " is no backend of this load balancer";
  }

  public static String internal(LoadBalancer lb) {
    return "load balancer " + lb.name() + " is internal (private frontends only)";
  }

  public static String publicFrontend(LoadBalancer lb) {
    return "load balancer " + lb.name() + " has a public frontend: "
        + lb.frontends().stream().filter(f -> f.isPublic()).map(f -> f.name()).toList();
  }

  public static String noScaleSet(LoadBalancer lb) {
    return "no VM scale set in the backend pools of " + lb.name();
  }

  public static String scaleSetMember(Backend b) {
    return "backend " + b.ip() + " is an instance of scale set " + ArmId.name(b.vmssId());
  }

  public static String scaleSetsWithOtherProbes(LoadBalancer lb) {
    return "the VM scale sets in the pools of " + lb.name() + " use no probe of its load-balancing rules as their health probe";
  }
}
