package dev.lbtriage.engine.session;

/** A store could not be opened, read or written. */
public final class SessionStoreException extends RuntimeException {
  public SessionStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
