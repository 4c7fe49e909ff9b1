package dev.lbtriage.engine.conversation;

import dev.lbtriage.rules.diagnosis.LiveCheck;
import java.time.Instant;

/**
 * A live check run for the user while a question was asked, as saved in a {@link ConversationState}.
 *
 * @param question the question it was run for
 * @param host the backend IP checked
 * @param port the port checked
 * @param kind {@link LiveCheck#TCP} or {@link LiveCheck#HTTP}
 * @param sent attempts made
 * @param received attempts that succeeded
 * @param summary one line of what happened
 * @param by who asked for it
 * @param at when it was run
 */
public record RecordedCheck(String question, String host, int port, String kind, int sent, int received, String summary,
    String by, Instant at) {

  static RecordedCheck of(String question, LiveCheck c, String by, Instant at) {
    return new RecordedCheck(question, c.host(), c.port(), c.kind(), c.sent(), c.received(), c.summary(), by, at);
  }

  /** The fact the diagnosis rules read. */
  public LiveCheck toLiveCheck() {
    return new LiveCheck(host, port, kind, sent, received, summary);
  }

  /** Same as {@link LiveCheck#key()}: a newer check with this key replaces this one. */
  public String key() {
    return host + ":" + port + ":" + kind;
  }
}
