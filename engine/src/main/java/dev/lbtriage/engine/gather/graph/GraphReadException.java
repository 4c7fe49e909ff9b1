package dev.lbtriage.engine.gather.graph;

import java.time.Duration;

/**
 * Resource Graph refused or failed a query. The message is one line an engineer can act on
 * ({@code Resource Graph answered 403 AuthorizationFailed: ...}); no stack trace is meant to be shown.
 */
public final class GraphReadException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;
  private final transient Duration wait;

  /**
   * @param status the HTTP status, 0 when no answer came
   * @param code Azure's error code, null when none
   * @param wait how long Azure asked to wait (quota reset or Retry-After), null when it did not say
   */
  public GraphReadException(int status, String code, String message, Duration wait) {
    super(message);
    this.status = status;
    this.code = code;
    this.wait = wait;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public Duration waitAsked() {
    return wait;
  }
}
