package dev.lbtriage.rules.diagnosis;

/**
 * The result of a live check lb-triage ran for the user (like PsPing or TCPing): connects or GETs to
 * one host and port. One check per {@code host:port:kind} is in a session at a time; a newer one
 * replaces it.
 *
 * @param host the IP address (or name) checked, compared with {@link Backend#ip()}
 * @param port the TCP port checked
 * @param kind {@code tcp} or {@code http}
 * @param sent attempts made
 * @param received attempts that succeeded (TCP: connected; HTTP: status 200)
 * @param summary one line of what happened, shown as evidence
 * @param path for HTTP checks the path requested (e.g. {@code /health}), else null
 * @param httpStatus for HTTP checks the last status code received (200, 404...), null when no response came
 */
public record LiveCheck(String host, int port, String kind, int sent, int received, String summary, String path,
    Integer httpStatus) {
  public static final String TCP = "tcp";
  public static final String HTTP = "http";

  /** A check without an HTTP path and status (TCP, or HTTP where they were not kept). */
  public LiveCheck(String host, int port, String kind, int sent, int received, String summary) {
    this(host, port, kind, sent, received, summary, null, null);
  }

  /** The port answered: at least one attempt succeeded, or an HTTP response came (whatever its status). */
  public boolean answered() {
    return received > 0 || httpStatus != null;
  }

  /** Attempts were made and nothing answered at all (no connection, no HTTP response). */
  public boolean silent() {
    return received == 0 && sent > 0 && httpStatus == null;
  }

  /** An HTTP response other than 200 came: the port listens, but a load balancer probe would count it as down. */
  public boolean httpNotOk() {
    return httpStatus != null && httpStatus != 200;
  }

  /** Whether this HTTP check asked for the probe's path (a null or empty path is {@code /}). */
  public boolean samePath(String probePath) {
    return normalize(path).equals(normalize(probePath));
  }

  private static String normalize(String p) {
    return p == null || p.isBlank() ? "/" : p.trim();
  }

  /** What identifies the check in a session: a newer check with the same key replaces this one. */
  public String key() {
    return host + ":" + port + ":" + kind;
  }
}
