package dev.lbtriage.bot.cli;

import dev.lbtriage.engine.diagnosis.BackendTargets;
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
 * balancer under diagnosis, on the probe ports and backend ports its rules use, and an HTTP GET of
 * each Http probe's path on its port. Only those addresses and ports, a few attempts each, a short
 * timeout: never a scan.
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
    // Http probes count only a 200: GET the probe's path as the probe does (issue 13)
    for (BackendTargets.HttpTarget h : BackendTargets.httpProbes(facts, lbIdOrName)) {
      if (checks.size() >= MAX_TARGETS) {
        break;
      }
      java.net.URI url = java.net.URI.create("http://" + (h.host().contains(":") ? "[" + h.host() + "]" : h.host()) + ":"
          + h.port() + (h.path().startsWith("/") ? h.path() : "/" + h.path()));
      LiveCheck c = LiveChecks.http(url, new dev.lbtriage.engine.check.HttpCheck(url, LIMITS).run());
      checks.add(c);
      err.printf("lb-triage: live check: http GET %s: %s%n", url, c.httpStatus() == null ? "no response" : "HTTP " + c.httpStatus());
      err.flush();
    }
    if (targets.size() > MAX_TARGETS) {
      err.println("lb-triage: note: checked the first " + MAX_TARGETS + " of " + targets.size() + " backend ports");
    }
    return checks;
  }
}
