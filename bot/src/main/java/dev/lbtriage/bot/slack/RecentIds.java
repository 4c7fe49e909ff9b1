package dev.lbtriage.bot.slack;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bounded set of recently seen ids, oldest forgotten first. Used for Slack event ids (a redelivered event is
 * recognised and not answered twice) and for the threads the bot owns. Thread-safe.
 */
public final class RecentIds {

  private final Map<String, Boolean> ids;

  public RecentIds(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    this.ids =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > capacity;
          }
        };
  }

  /** Records the id; true if it was not already there (the first sighting). */
  public synchronized boolean add(String id) {
    return ids.put(id, Boolean.TRUE) == null;
  }

  /** Whether the id is known; counts as a use for the eviction order. */
  public synchronized boolean contains(String id) {
    return ids.get(id) != null;
  }

  public synchronized int size() {
    return ids.size();
  }
}
