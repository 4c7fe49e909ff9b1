package dev.lbtriage.bot.cli;

import dev.lbtriage.engine.check.BackendTargets;
import dev.lbtriage.engine.check.CheckLimits;
import dev.lbtriage.engine.check.CheckResult;
import dev.lbtriage.engine.check.LiveChecks;
import dev.lbtriage.engine.check.TcpCheck;
import dev.lbtriage.rules.diagnosis.LiveCheck;
import dev.lbtriage.rules.facts.AzureFacts;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code diagnose --live-check}: short TCP checks from this machine to the backends of the load
 * balancer under diagnosis, on the probe ports and backend ports its rules use. Only those
 * addresses and ports, a few attempts each, a short timeout: never a scan.
 */
final class BackendChecks {
  static final CheckLimits LIMITS = new CheckLimits(3, Duration.ofSeconds(2), Duration.ofMillis(200));
  static final int MAX_TARGETS = 32;

  private BackendChecks() {}

  static List<LiveCheck> run(AzureFacts facts, String lbIdOrName, PrintWriter err) {
    Set<String> targets = new LinkedHashSet<>();
    for (boolean probePorts : new boolean[] {true, false}) {
      BackendTargets.of(facts, lbIdOrName, probePorts, null).forEach(t -> targets.add(t.host() + ":" + t.port()));
    }
    List<LiveCheck> checks = new ArrayList<>();
    int done = 0;
    for (String t : targets.stream().limit(MAX_TARGETS).toList()) {
      String host = t.substring(0, t.lastIndexOf(':'));
      int port = Integer.parseInt(t.substring(t.lastIndexOf(':') + 1));
      CheckResult r = new TcpCheck(host, port, LIMITS).run();
      LiveCheck c = LiveChecks.tcp(host, port, r);
      checks.add(c);
      err.printf("lb-triage: live check %d/%d: tcp %s: %d of %d answered%n", ++done, Math.min(targets.size(), MAX_TARGETS),
          t, c.received(), c.sent());
      err.flush();
    }
    if (targets.size() > MAX_TARGETS) {
      err.println("lb-triage: note: checked the first " + MAX_TARGETS + " of " + targets.size() + " backend ports");
    }
    return checks;
  }
}
