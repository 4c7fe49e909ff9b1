package dev.lbtriage.engine.check;

import dev.lbtriage.engine.conversation.LiveCheckRunner;
import dev.lbtriage.rules.diagnosis.LiveCheck;
import java.time.Duration;
import java.util.Optional;

/** The {@link LiveCheckRunner} that really connects: a {@link TcpCheck} of 3 attempts, 2 s timeout each. */
public final class TcpLiveCheckRunner implements LiveCheckRunner {
  /** 3 attempts, 2 s timeout, 200 ms apart. */
  public static final CheckLimits LIMITS = new CheckLimits(3, Duration.ofSeconds(2), Duration.ofMillis(200));
  private final boolean needsInside;
  private final String origin;

  /** Checks offered at once, said to run from "here". */
  public TcpLiveCheckRunner() {
    this(false, null);
  }

  /**
   * @param needsInside true when the user must first say this machine is inside the load balancer's network
   *     (facts from a snapshot, no flag saying so)
   * @param origin where the checks run from, for the prompt (e.g. {@code this machine (laptop-7)}), may be null
   */
  public TcpLiveCheckRunner(boolean needsInside, String origin) {
    this.needsInside = needsInside;
    this.origin = origin;
  }

  @Override
  public boolean needsInside() {
    return needsInside;
  }

  @Override
  public String origin() {
    return origin;
  }

  @Override
  public Optional<LiveCheck> tcp(String host, int port) {
    try {
      return Optional.of(LiveChecks.tcp(host, port, new TcpCheck(host, port, LIMITS).run()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
