package dev.lbtriage.bot.teams;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last cards the bot sent that carry answer buttons, by activity id, so a click can replace the card with the
 * same card minus its buttons. Bounded; after a restart a click falls back to the question's words in the button.
 */
final class SentCards {
  private final Map<String, ObjectNode> cards;

  SentCards(int max) {
    this.cards = new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<String, ObjectNode> eldest) {
        return size() > max;
      }
    };
  }

  synchronized void put(String activityId, ObjectNode card) {
    if (activityId != null && !activityId.isBlank()) {
      cards.put(activityId, card);
    }
  }

  synchronized ObjectNode get(String activityId) {
    return activityId == null ? null : cards.get(activityId);
  }
}
