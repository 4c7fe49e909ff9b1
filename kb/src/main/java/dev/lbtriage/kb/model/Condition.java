package dev.lbtriage.kb.model;

import java.util.Optional;

/**
 * When a KB text applies, written {@code when: internal-lb} on a command, a resolution step or a
 * question variant. The engine decides each from the facts of the load balancer under triage and
 * of the cause's finding; a text whose condition does not hold is left out, so no advice reaches
 * the engineer that the facts contradict (no probe commands without a probe, no HTTP path advice
 * for a TCP probe, no "delete the rule" for one of Azure's default rules).
 */
public enum Condition {
  INTERNAL_LB("internal-lb", "the load balancer has only private frontends"),
  PUBLIC_LB("public-lb", "the load balancer has a public frontend"),
  HAS_PROBE("has-probe", "the load-balancing rule concerned has a health probe"),
  NO_PROBE("no-probe", "the load-balancing rule concerned has no health probe"),
  PROBE_PORT_DIFFERS("probe-port-differs", "the health probe's port is not the rule's backend port"),
  HTTP_PROBE("http-probe", "the health probe is HTTP or HTTPS"),
  FLOATING_IP("floating-ip", "the load-balancing rule concerned has floating IP on (the backend gets the frontend IP as destination)"),
  TCP_PROBE("tcp-probe", "the health probe is TCP"),
  DEFAULT_DENY_RULE("default-deny-rule", "the rule that denies the flow is one of Azure's default rules (65000 and up)"),
  CUSTOM_DENY_RULE("custom-deny-rule", "the rule that denies the flow is a custom rule"),
  FREE_PRIORITY("free-priority", "a priority is free in the NSG above the denying rule"),
  ROOM_BELOW("room-below", "no priority is free above the denying custom rule, but the one right below it is (to move it there)"),
  NO_ROOM("no-room", "no priority is free above the denying rule, nor right below it"),
  VM_STOPPED("vm-stopped", "the backend VM is stopped or deallocated"),
  VM_NOT_STOPPED("vm-not-stopped", "the backend VM is not known to be stopped (running, or its power state not known)"),
  NO_NSG("no-nsg", "neither the backend's subnet nor its NIC has a network security group (both known from the facts)"),
  HAS_NSG("has-nsg", "the backend's subnet or NIC has a network security group, or whether one does is not known"),
  DIVERTING_ROUTE("diverting-route", "a user-defined route sends the backend's traffic to another next hop");

  private final String token;
  private final String meaning;

  Condition(String token, String meaning) {
    this.token = token;
    this.meaning = meaning;
  }

  /** As written in the KB. */
  public String token() {
    return token;
  }

  /** What must hold, in words. */
  public String meaning() {
    return meaning;
  }

  public static Optional<Condition> byToken(String token) {
    for (Condition c : values()) {
      if (c.token.equals(token)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
