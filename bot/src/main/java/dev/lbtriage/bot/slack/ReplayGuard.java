package dev.lbtriage.bot.slack;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers the signatures of the signed requests accepted within the freshness window, so a captured request
 * replayed within it (the only time its signature still passes) is recognised. A signature covers the timestamp
 * and the whole body, so it is a hash of the signed request: Slack itself never sends the same one twice. A
 * slash command or a button click replayed does not start a second triage. Thread-safe and bounded: entries
 * leave once their window has passed, the oldest first when {@code capacity} is reached.
 */
final class ReplayGuard {

  private final long windowSeconds;
  private final int capacity;
  private final Map<String, Long> expiries = new LinkedHashMap<>();

  ReplayGuard(long windowSeconds, int capacity) {
    if (capacity < 1 || windowSeconds < 1) {
      throw new IllegalArgumentException("window and capacity must be positive");
    }
    this.windowSeconds = windowSeconds;
    this.capacity = capacity;
  }

  /** True the first time this signature is seen within its window (the request may go on), false for a replay. */
  synchronized boolean firstSighting(String signature, long nowSeconds) {
    forgetExpired(nowSeconds);
    if (expiries.containsKey(signature)) {
      return false;
    }
    while (expiries.size() >= capacity) {
      Iterator<Map.Entry<String, Long>> oldest = expiries.entrySet().iterator();
      oldest.next();
      oldest.remove();
    }
    // a request stamped up to one window ahead stays acceptable until one more window has passed
    expiries.put(signature, nowSeconds + 2 * windowSeconds);
    return true;
  }

  synchronized int size() {
    return expiries.size();
  }

  private void forgetExpired(long nowSeconds) {
    // entries are in arrival order, so expiries are too: stop at the first one still in force
    Iterator<Long> it = expiries.values().iterator();
    while (it.hasNext() && it.next() < nowSeconds) {
      it.remove();
    }
  }
}
