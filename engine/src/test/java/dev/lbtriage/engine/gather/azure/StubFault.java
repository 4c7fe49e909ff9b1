package dev.lbtriage.engine.gather.azure;

import java.util.Map;

/**
 * What the stub does instead of answering normally.
 *
 * @param status HTTP status to answer with (0: none)
 * @param headers extra response headers
 * @param body response body
 * @param delayMillis wait this long first (then answer normally when status is 0)
 * @param drop close the connection without answering
 */
record StubFault(int status, Map<String, String> headers, String body, long delayMillis, boolean drop) {

  static StubFault status(int status, String code) {
    return new StubFault(status, Map.of(), "{\"error\":{\"code\":\"" + code + "\",\"message\":\"stubbed " + status
        + "\"}}", 0, false);
  }

  static StubFault throttled(int retryAfterSeconds) {
    return new StubFault(429, Map.of("Retry-After", String.valueOf(retryAfterSeconds)),
        "{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"throttled\"}}", 0, false);
  }

  static StubFault slow(long millis) {
    return new StubFault(0, Map.of(), null, millis, false);
  }

  static StubFault dropped() {
    return new StubFault(0, Map.of(), null, 0, true);
  }
}
