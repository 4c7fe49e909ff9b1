package dev.lbtriage.rules.diagnosis;

import dev.lbtriage.rules.facts.HealthProbe;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP and HTTPS probes count only a 200 as up: "HTTP(S) load balancer health probes will
 * automatically mark the instance as down if the server returns any status code that isn't HTTP
 * 200 OK" (https://learn.microsoft.com/azure/load-balancer/load-balancer-custom-probe-overview). A
 * path that answers 301, 401 or 404 is a failing probe though the port listens.
 */
public final class HttpProbeStatus {
  private static final Pattern STATUS = Pattern.compile("(?<!\\d)([1-5]\\d\\d)(?!\\d)");

  private HttpProbeStatus() {}

  /** The first HTTP status code (100-599) in an answer such as {@code 404}, {@code HTTP/1.1 301 Moved}; null when none. */
  public static Integer parse(String answer) {
    if (answer == null) {
      return null;
    }
    Matcher m = STATUS.matcher(answer);
    return m.find() ? Integer.valueOf(m.group(1)) : null;
  }

  public static boolean ok(Integer status) {
    return status != null && status == 200;
  }

  /** {@code GET /health on port 80 answers HTTP 404: Azure counts only HTTP 200 as up}. */
  public static String evidence(HealthProbe p, int status, String seenBy) {
    return p.protocol().display().toUpperCase(java.util.Locale.ROOT) + " GET " + (p.requestPath() == null ? "/" : p.requestPath())
        + " on port " + p.port() + " answers HTTP " + status + " (" + seenBy + "): "
        + (status == 200 ? "the probe's path is healthy" : "Azure counts only HTTP 200 as up, so the probe fails though the port listens");
  }

  /** Azure's limitation on HTTP probe ports, as evidence. */
  public static String disallowedPort(HealthProbe p) {
    return "Azure does not probe HTTP on ports 19, 21, 25, 70, 110, 119, 143, 220 and 993; probe " + p.name()
        + " uses port " + p.port();
  }
}
