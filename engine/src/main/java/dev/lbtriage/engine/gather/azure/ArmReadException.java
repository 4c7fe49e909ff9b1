package dev.lbtriage.engine.gather.azure;

/**
 * A read that failed after the pipeline's retries: an HTTP error from ARM, a dropped or refused
 * connection, or an operation that did not finish. The message never holds request headers.
 */
public final class ArmReadException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;

  /**
   * @param status the HTTP status, or 0 when no response came
   * @param code ARM's {@code error.code} (e.g. {@code AuthorizationFailed}), or null
   * @param detail what happened, for the user
   */
  public ArmReadException(int status, String code, String detail, Throwable cause) {
    super(detail, cause);
    this.status = status;
    this.code = code;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  /** The reason of a missing fact: {@code no permission to read network-security-group nsg-web: 403 Forbidden (AuthorizationFailed)}. */
  public String reason(String kind, String name) {
    String what = kind + " " + name;
    if (status == 401 || status == 403) {
      return "no permission to read " + what + ": " + getMessage();
    }
    if (status == 404) {
      return what + " not found: " + getMessage();
    }
    return "could not read " + what + ": " + getMessage();
  }

  /** {@code 403 Forbidden}, with ARM's code when it gave one. */
  static String statusText(int status, String code) {
    String text = switch (status) {
      case 400 -> "400 Bad Request";
      case 401 -> "401 Unauthorized";
      case 403 -> "403 Forbidden";
      case 404 -> "404 Not Found";
      case 409 -> "409 Conflict";
      case 429 -> "429 Too Many Requests (still throttled after retries)";
      case 500 -> "500 Internal Server Error (after retries)";
      case 502 -> "502 Bad Gateway (after retries)";
      case 503 -> "503 Service Unavailable (after retries)";
      case 504 -> "504 Gateway Timeout (after retries)";
      default -> "HTTP " + status;
    };
    return code == null || code.isBlank() ? text : text + " (" + code + ")";
  }
}
