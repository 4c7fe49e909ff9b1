package dev.lbtriage.engine.conversation;

import dev.lbtriage.rules.diagnosis.LiveCheck;
import java.util.Optional;

/**
 * The port through which the conversation runs a live check when the user types {@code check}
 * (I/O stays at the edge). The engine only ever passes the backend IPs of the load balancer under
 * triage and its probe or backend ports. The default adapter is {@code
 * dev.lbtriage.engine.check.TcpLiveCheckRunner}.
 */
public interface LiveCheckRunner {

  /** A TCP check to {@code host:port}; empty when it could not be run at all. */
  Optional<LiveCheck> tcp(String host, int port);

  /** Whether checks can be run: the prompt offers "Check from here" only then. */
  default boolean available() {
    return true;
  }

  /**
   * Where the checks run from, as the prompt says it (e.g. {@code this machine (laptop-7)}); null to
   * say only "from here".
   */
  default String origin() {
    return null;
  }

  /**
   * Whether a check from here means something only once the user says this machine is inside the
   * load balancer's network: true over a snapshot (the facts say nothing of where lb-triage runs),
   * unless a flag said so. Then "Check from here" is not offered, and typing {@code check} asks first.
   */
  default boolean needsInside() {
    return false;
  }

  /** No live checks: nothing is offered. */
  static LiveCheckRunner none() {
    return None.INSTANCE;
  }

  /** The runner of {@link #none()}. */
  enum None implements LiveCheckRunner {
    INSTANCE;

    @Override
    public Optional<LiveCheck> tcp(String host, int port) {
      return Optional.empty();
    }

    @Override
    public boolean available() {
      return false;
    }
  }
}
