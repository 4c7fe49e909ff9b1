package dev.lbtriage.engine.conversation;

import dev.lbtriage.engine.gather.FactSource;
import dev.lbtriage.rules.facts.AzureFacts;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The facts of the load balancers recently talked about, so a turn does not gather them again.
 * Facts are never saved with a session: after a restart of the process they are gathered anew.
 */
final class FactCache {
  private static final int MAX = 8;
  private final FactSource source;
  private final Map<String, AzureFacts> facts = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, AzureFacts> eldest) {
      return size() > MAX;
    }
  };

  FactCache(FactSource source) {
    this.source = source;
  }

  FactSource source() {
    return source;
  }

  /** Whether the facts of this load balancer are at hand (no gather needed). */
  synchronized boolean has(String lbId) {
    return facts.containsKey(lbId);
  }

  /**
   * The facts of a load balancer, gathered with progress sent to {@code live} when not at hand.
   *
   * @throws IllegalArgumentException when the source does not know it
   */
  synchronized AzureFacts get(String lbId, Consumer<Reply> live) {
    AzureFacts f = facts.get(lbId);
    if (f == null) {
      f = source.gather(lbId, (step, done, total) -> live.accept(new Reply.ProgressUpdate(step, done, total)));
      facts.put(lbId, f);
    }
    return f;
  }
}
