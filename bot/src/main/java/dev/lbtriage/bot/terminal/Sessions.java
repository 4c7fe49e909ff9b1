package dev.lbtriage.bot.terminal;

import dev.lbtriage.bot.cli.BadInputException;
import dev.lbtriage.bot.cli.Hints;
import dev.lbtriage.engine.conversation.ConversationState;
import dev.lbtriage.engine.session.SessionStore;

/** Finding a saved session for {@code --resume}. */
final class Sessions {
  /** {@code --resume} without an id. */
  static final String LATEST = "latest";

  private Sessions() {}

  static ConversationState find(SessionStore store, String ref) {
    if (ref == null || ref.isBlank() || LATEST.equals(ref)) {
      return store.latest().orElseThrow(() -> new BadInputException(
          "there is no saved session to resume; start one with: " + Hints.command() + " chat (see: " + Hints.command() + " sessions)"));
    }
    return store.load(ref.strip()).orElseThrow(() -> new BadInputException(
        "there is no saved session " + ref.strip() + "; list them with: " + Hints.command() + " sessions"));
  }

  /**
   * The key the runtime knows the session by. A session without one (a later conversation in its chat thread took
   * the key over) is given a terminal key for the facts it is resumed with.
   */
  static String keyed(SessionStore store, ConversationState s, SessionKey source) {
    if (s.key() != null) {
      return s.key();
    }
    String key = source.format(s.id());
    store.save(new ConversationState(s.id(), key, s.stage(), s.report(), s.symptomId(), s.symptomScore(), s.candidates(),
        s.loadBalancer(), s.factSource(), s.answers(), s.asking(), s.turn(), s.created(), s.updated(), s.checks(), s.pending(),
        s.inside()));
    return key;
  }
}
