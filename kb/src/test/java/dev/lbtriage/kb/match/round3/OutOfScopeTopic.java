package dev.lbtriage.kb.match.round3;

import java.util.Locale;
import java.util.Optional;

/**
 * What a report the knowledge base does not cover is about, so that "nothing matched" can point
 * somewhere useful. The ids are the topics of {@code kb/out-of-scope.txt} and of the corpus labels
 * ({@code oos:snat}...): a stable public contract.
 */
public enum OutOfScopeTopic {
  SNAT("snat", "SNAT port exhaustion on outbound connections",
      "Azure Load Balancer outbound connections: SNAT ports, their allocation and exhaustion"),
  OUTBOUND("outbound", "outbound (egress) connectivity from the backends",
      "Azure Load Balancer outbound rules, NAT gateway and default outbound access"),
  IDLE_TIMEOUT("idle-timeout", "idle connections being closed",
      "Azure Load Balancer idle timeout and TCP reset, and TCP keep-alives in the application"),
  APPGW("appgw", "Application Gateway (or its WAF and AKS ingress controller)",
      "Application Gateway backend health troubleshooting"),
  DNS("dns", "DNS name resolution", "Azure DNS and private DNS zones troubleshooting"),
  OTHER("other", "something other than load-balanced traffic (deployment errors, limits, other products)",
      "the Azure Load Balancer documentation for that feature or error code");

  private final String id;
  private final String about;
  private final String lookAt;

  OutOfScopeTopic(String id, String about, String lookAt) {
    this.id = id;
    this.about = about;
    this.lookAt = lookAt;
  }

  /** The stable id: {@code snat}, {@code outbound}, {@code idle-timeout}, {@code appgw}, {@code dns}, {@code other}. */
  public String id() {
    return id;
  }

  /** What the report seems to be about, as a phrase ("SNAT port exhaustion on outbound connections"). */
  public String about() {
    return about;
  }

  /** Where to look instead, as a phrase. */
  public String lookAt() {
    return lookAt;
  }

  /** One sentence for a person: what lb-triage thinks the report is about and where to look. */
  public String pointer() {
    return "This looks like " + about + ", which lb-triage does not diagnose; see " + lookAt + ".";
  }

  public static Optional<OutOfScopeTopic> byId(String id) {
    if (id == null) {
      return Optional.empty();
    }
    String s = id.strip().toLowerCase(Locale.ROOT);
    if (s.startsWith("oos:")) {
      s = s.substring(4);
    }
    for (OutOfScopeTopic t : values()) {
      if (t.id.equals(s)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
