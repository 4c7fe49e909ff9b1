package dev.lbtriage.bot.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbtriage.engine.check.CheckLimits;
import dev.lbtriage.engine.check.CheckResult;
import dev.lbtriage.engine.check.HttpCheck;
import dev.lbtriage.engine.check.TcpCheck;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lb-triage check HOST:PORT}: PsPing-like TCP connects, or HTTP GETs as a load balancer's HTTP probe sends them. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {"Check one host and port from here, like psping or tcping: TCP connects or HTTP GETs.",
        "Shows sent, received, lost and latency. Only the address given is contacted; never a range, never a redirect."},
    footer = {"", "Examples:",
        "  lb-triage check 10.0.0.4:80                      # psping style",
        "  lb-triage check 10.0.0.4 80                      # tcping style",
        "  lb-triage check http://10.0.0.4:8080/health      # an HTTP probe's GET",
        "  lb-triage check 10.0.0.4:80 --http /health --count 10 --timeout 1",
        "  lb-triage check [fd00::4]:443",
        "", "HTTP counts only status 200 as received, as a load balancer HTTP probe does.",
        "Exit codes: 0 every attempt received, 3 some or all lost, 2 bad input, 1 an unexpected failure."})
final class CheckCommand implements Callable<Integer> {

  static final int EXIT_LOST = 3;

  @Parameters(arity = "1..2", paramLabel = "TARGET",
      description = "HOST:PORT, HOST PORT, or an http:// URL to GET (see the examples below); an IPv6 address in brackets.")
  java.util.List<String> target;

  @Option(names = "--http", paramLabel = "PATH", description = "Send HTTP GET PATH (e.g. /health) instead of a bare TCP connect.")
  String httpPath;

  @Option(names = "--count", paramLabel = "N", defaultValue = "4", description = "Attempts, 1 to 20 (default 4).")
  int count;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "2", description = "Per attempt, more than 0 and at most 10 (default 2).")
  double timeout;

  @Option(names = "--interval", paramLabel = "SECONDS", defaultValue = "1", description = "Pause between attempts, 0 to 5 (default 1).")
  double interval;

  @Mixin FormatOption format;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    HostPort hp;
    if (target.size() == 2) {
      hp = HostPort.parse(target.get(0).contains(":") && !target.get(0).startsWith("[") ? "[" + target.get(0) + "]:" + target.get(1)
          : target.get(0) + ":" + target.get(1));
    } else if (target.get(0).regionMatches(true, 0, "http://", 0, 7) || target.get(0).regionMatches(true, 0, "https://", 0, 8)) {
      if (httpPath != null) {
        throw new BadInputException("give either a URL or --http PATH, not both");
      }
      UrlTarget u = UrlTarget.parse(target.get(0));
      hp = u.hostPort();
      httpPath = u.path();
    } else {
      hp = HostPort.parse(target.get(0));
    }
    CheckLimits limits = limits();
    CheckResult result = httpPath == null ? new TcpCheck(hp.host(), hp.port(), limits).run()
        : new HttpCheck(url(hp, httpPath), limits).run();
    PrintWriter out = spec.commandLine().getOut();
    Output.print(out, format, () -> json(result), () -> rows(result), () -> out.print(result.summary()));
    return result.lost() == 0 ? Main.EXIT_OK : EXIT_LOST;
  }

  private CheckLimits limits() {
    if (count < 1 || count > CheckLimits.MAX_COUNT) {
      throw new BadInputException("--count must be 1.." + CheckLimits.MAX_COUNT + ", was " + count);
    }
    if (!(timeout > 0 && timeout <= CheckLimits.MAX_TIMEOUT.toSeconds())) {
      throw new BadInputException("--timeout must be more than 0 and at most 10 seconds, was " + timeout);
    }
    if (!(interval >= 0 && interval <= CheckLimits.MAX_INTERVAL.toSeconds())) {
      throw new BadInputException("--interval must be 0..5 seconds, was " + interval);
    }
    return new CheckLimits(count, Duration.ofMillis(Math.round(timeout * 1000)), Duration.ofMillis(Math.round(interval * 1000)));
  }

  /** http://HOST:PORT/PATH; the path may carry a query but never another host. */
  static URI url(HostPort hp, String path) {
    if (path.isBlank() || path.contains("://") || path.startsWith("//") || path.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
      throw new BadInputException("--http takes a path such as /health (no host, no spaces), was '" + path + "'");
    }
    String p = path.startsWith("/") ? path : "/" + path;
    int q = p.indexOf('?');
    try {
      URI u = new URI("http", null, hp.host(), hp.port(), q < 0 ? p : p.substring(0, q), q < 0 ? null : p.substring(q + 1), null);
      if (!hp.host().equalsIgnoreCase(u.getHost().replaceAll("^\\[|]$", "")) || u.getPort() != hp.port()) {
        throw new BadInputException("--http '" + path + "' would leave " + hp);
      }
      return u;
    } catch (URISyntaxException e) {
      throw new BadInputException("--http '" + path + "' is not a usable path: " + e.getReason(), e);
    }
  }

  private static ObjectNode json(CheckResult r) {
    ObjectNode root = JsonOutput.object();
    root.put("kind", r.kind());
    root.put("target", r.target());
    ArrayNode attempts = root.putArray("attempts");
    for (CheckResult.Attempt a : r.attempts()) {
      ObjectNode o = attempts.addObject();
      o.put("number", a.number());
      o.put("ok", a.ok());
      o.put("detail", a.detail());
      o.put("latencyMs", ms(a.latency()));
    }
    root.put("sent", r.sent());
    root.put("received", r.received());
    root.put("lost", r.lost());
    root.put("lossPercent", r.sent() == 0 ? 0 : Math.round(100f * r.lost() / r.sent()));
    root.put("minimumMs", ms(r.minimum().orElse(null)));
    root.put("maximumMs", ms(r.maximum().orElse(null)));
    root.put("averageMs", ms(r.average().orElse(null)));
    return root;
  }

  private static Output.Rows rows(CheckResult r) {
    Output.Rows rows = Output.Rows.of("kind", "target", "attempt", "ok", "latencyMs", "detail");
    for (CheckResult.Attempt a : r.attempts()) {
      rows.add(r.kind(), r.target(), a.number(), a.ok(), ms(a.latency()), a.detail());
    }
    return rows;
  }

  private static Double ms(Duration d) {
    return d == null ? null : Math.round(d.toNanos() / 10_000.0) / 100.0;
  }

  /** {@code http://HOST[:PORT][/PATH]}: the host and port to check and the path to GET. */
  record UrlTarget(HostPort hostPort, String path) {
    static UrlTarget parse(String s) {
      URI u;
      try {
        u = new URI(s.strip());
      } catch (URISyntaxException e) {
        throw new BadInputException("'" + s + "' is not a URL: " + e.getReason());
      }
      if (!"http".equalsIgnoreCase(u.getScheme())) {
        throw new BadInputException("'" + s + "': only http:// URLs are checked (a load balancer's HTTP probe); "
            + "for an HTTPS port check the TCP connect: " + (u.getHost() == null ? "HOST" : u.getHost()) + ":"
            + (u.getPort() < 0 ? 443 : u.getPort()));
      }
      if (u.getHost() == null || u.getUserInfo() != null) {
        throw new BadInputException("'" + s + "' has no usable host (e.g. http://10.0.0.4:8080/health)");
      }
      String host = u.getHost().replaceAll("^\\[|]$", "");
      HostPort hp = HostPort.parse((host.contains(":") ? "[" + host + "]" : host) + ":" + (u.getPort() < 0 ? 80 : u.getPort()));
      String path = (u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath())
          + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
      return new UrlTarget(hp, path);
    }
  }

  /** One host and port; a bracketed IPv6 literal is allowed. */
  record HostPort(String host, int port) {
    static HostPort parse(String s) {
      String t = s == null ? "" : s.trim();
      int colon = t.lastIndexOf(':');
      if (colon <= 0 || colon == t.length() - 1) {
        throw bad(s);
      }
      String host = t.substring(0, colon);
      if (host.startsWith("[") && host.endsWith("]")) {
        host = host.substring(1, host.length() - 1);
      } else if (host.contains(":")) {
        throw new BadInputException("'" + s + "': write an IPv6 address in brackets, e.g. [fd00::4]:443");
      }
      if (host.isBlank() || !host.matches("[A-Za-z0-9.:_-]+")) {
        throw bad(s);
      }
      int port;
      try {
        port = Integer.parseInt(t.substring(colon + 1));
      } catch (NumberFormatException e) {
        throw bad(s);
      }
      if (port < 1 || port > 65535) {
        throw new BadInputException("'" + s + "': port must be 1..65535");
      }
      return new HostPort(host, port);
    }

    private static BadInputException bad(String s) {
      return new BadInputException("'" + s + "' is not HOST:PORT (one host and one port, e.g. 10.0.0.4:80)");
    }

    @Override
    public String toString() {
      return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
  }
}
