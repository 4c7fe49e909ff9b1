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
 */
public record LiveCheck(String host, int port, String kind, int sent, int received, String summary) {
  public static final String TCP = "tcp";
  public static final String HTTP = "http";

  /** At least one attempt succeeded. */
  public boolean answered() {
    return received > 0;
  }

  /** Attempts were made and none succeeded. */
  public boolean silent() {
    return received == 0 && sent > 0;
  }

  /** What identifies the check in a session: a newer check with the same key replaces this one. */
  public String key() {
    return host + ":" + port + ":" + kind;
  }
}
