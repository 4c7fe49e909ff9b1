package dev.lbtriage.engine.gather.snapshot;

/** A required field is missing or has the wrong JSON type; the enclosing item is skipped. */
final class FieldException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String jsonPath;

  FieldException(String jsonPath, String message) {
    super(message, null, false, false);
    this.jsonPath = jsonPath;
  }

  String jsonPath() {
    return jsonPath;
  }
}
