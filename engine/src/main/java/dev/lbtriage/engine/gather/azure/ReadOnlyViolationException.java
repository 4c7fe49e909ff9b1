package dev.lbtriage.engine.gather.azure;

/** A request lb-triage must never send (anything but a GET or a documented read-style POST). */
public final class ReadOnlyViolationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ReadOnlyViolationException(String method, String path) {
    super("refused " + method + " " + path + ": lb-triage only reads (GET, and POST to effectiveNetworkSecurityGroups, "
        + "effectiveRouteTable, ipFlowVerify, nextHop)");
  }
}
