package dev.lbtriage.bot.teams;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Keeps each conversation (thread) under Teams' per-bot, per-thread send limits (research PROTOCOL.md §4, from
 * msteams-docs rate-limit.md): 7 operations a second, 8 in 2 s, 60 in 30 s, 1800 an hour. {@link #reserve} books the
 * next slot and says how long to wait for it, so sends in one thread are spaced and other threads are not held up.
 */
final class ConversationPacing {
  record Window(int max, Duration length) {}

  static final Window[] TEAMS = {
    new Window(7, Duration.ofSeconds(1)), new Window(8, Duration.ofSeconds(2)),
    new Window(60, Duration.ofSeconds(30)), new Window(1800, Duration.ofHours(1))
  };
  private static final int MAX_CONVERSATIONS = 10_000;

  private final Window[] windows;
  private final LongSupplier nanoTime;
  private final Map<String, Deque<Long>> sent = new HashMap<>();
  private final long longest;

  ConversationPacing(Window[] windows, LongSupplier nanoTime) {
    this.windows = windows.clone();
    this.nanoTime = nanoTime;
    long max = 0;
    for (Window w : windows) {
      max = Math.max(max, w.length().toNanos());
    }
    this.longest = max;
  }

  static ConversationPacing teams() {
    return new ConversationPacing(TEAMS, System::nanoTime);
  }

  /** Books a send in {@code conversation}; returns how long to wait before making it (zero when it may go now). */
  synchronized Duration reserve(String conversation) {
    long now = nanoTime.getAsLong();
    Deque<Long> times = sent.computeIfAbsent(conversation, k -> new ArrayDeque<>());
    while (!times.isEmpty() && now - times.peekFirst() >= longest) {
      times.pollFirst();
    }
    long at = now;
    for (Window w : windows) {
      // the slot must be at least a window's length after the send max places before it
      if (times.size() >= w.max()) {
        long[] arr = times.stream().mapToLong(Long::longValue).toArray();
        long limit = arr[arr.length - w.max()] + w.length().toNanos();
        at = Math.max(at, limit);
      }
    }
    times.addLast(at);
    if (sent.size() > MAX_CONVERSATIONS) {
      forgetIdle(now);
    }
    return Duration.ofNanos(at - now);
  }

  /** Whether a send in {@code conversation} now would have to wait. */
  synchronized boolean wouldWait(String conversation) {
    Deque<Long> times = sent.get(conversation);
    if (times == null) {
      return false;
    }
    long now = nanoTime.getAsLong();
    long[] arr = times.stream().mapToLong(Long::longValue).toArray();
    for (Window w : windows) {
      if (arr.length >= w.max() && arr[arr.length - w.max()] + w.length().toNanos() > now) {
        return true;
      }
    }
    return false;
  }

  private void forgetIdle(long now) {
    for (Iterator<Deque<Long>> it = sent.values().iterator(); it.hasNext(); ) {
      Deque<Long> times = it.next();
      if (times.isEmpty() || now - times.peekLast() >= longest) {
        it.remove();
      }
    }
  }
}
