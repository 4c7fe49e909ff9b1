package dev.lbtriage.engine.check;

import dev.lbtriage.engine.conversation.LiveCheckRunner;
import dev.lbtriage.rules.diagnosis.LiveCheck;
import java.time.Duration;
import java.util.Optional;

/** The {@link LiveCheckRunner} that really connects: a {@link TcpCheck} of 3 attempts, 2 s timeout each. */
public final class TcpLiveCheckRunner implements LiveCheckRunner {
  /** 3 attempts, 2 s timeout, 200 ms apart. */
  public static final CheckLimits LIMITS = new CheckLimits(3, Duration.ofSeconds(2), Duration.ofMillis(200));

  @Override
  public Optional<LiveCheck> tcp(String host, int port) {
    try {
      return Optional.of(LiveChecks.tcp(host, port, new TcpCheck(host, port, LIMITS).run()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
