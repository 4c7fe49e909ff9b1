package dev.lbtriage.bot.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Adaptive Card and activity envelopes: a card from body elements, a message activity carrying one card. */
final class Cards {
  static final String CARD_TYPE = "application/vnd.microsoft.card.adaptive";
  static final String SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private Cards() {}

  static ObjectNode card(List<ObjectNode> body) {
    ObjectNode card = JSON.createObjectNode().put("type", "AdaptiveCard").put("$schema", SCHEMA).put("version", CardRenderer.VERSION);
    card.putObject("msteams").put("width", "Full");
    ArrayNode items = card.putArray("body");
    body.forEach(items::add);
    return card;
  }

  /** A message activity with the card as its only attachment (no text beside it: Teams would split the two). */
  static ObjectNode activity(ObjectNode card) {
    ObjectNode activity = JSON.createObjectNode().put("type", "message");
    activity.putArray("attachments").addObject().put("contentType", CARD_TYPE).set("content", card);
    return activity;
  }

  /** The card inside an activity made by {@link #activity}. */
  static ObjectNode cardOf(ObjectNode activity) {
    return (ObjectNode) activity.path("attachments").path(0).path("content");
  }

  /** A one-line progress card: the step and its count. */
  static ObjectNode progress(String step, int done, int total) {
    boolean finished = total > 0 && done >= total;
    String count = total > 0 ? " (" + done + "/" + total + ")" : "";
    return card(List.of(CardRenderer.textBlock((finished ? "✅ " : "⏳ ") + CardRenderer.cut(step, 500) + count).put("isSubtle", true)));
  }

  /**
   * The card a question becomes once answered: its body without the answer buttons, and a line saying who
   * answered what, so it cannot be answered twice by accident. {@code original} may be null (a card sent before a
   * restart): then the question's words from the button's data stand in for it.
   */
  static ObjectNode answered(ObjectNode original, String question, String who, String label) {
    ArrayNode body = JSON.createArrayNode();
    if (original != null) {
      for (JsonNode element : original.path("body")) {
        if (!"ActionSet".equals(element.path("type").asText())) {
          body.add(element.deepCopy());
        }
      }
    } else if (question != null && !question.isBlank()) {
      body.add(CardRenderer.textBlock(CardRenderer.cut(question, CardRenderer.MAX_TEXT)).put("weight", "Bolder"));
    }
    body.add(CardRenderer.textBlock("✅ " + CardRenderer.cut(who, 100) + " answered **" + CardRenderer.cut(label, CardRenderer.MAX_LABEL) + "**")
        .put("isSubtle", true));
    ObjectNode card = card(List.of());
    card.set("body", body);
    return card;
  }

  /** The invoke response that replaces the clicked card ({@code adaptiveCard/action}, 200). */
  static ObjectNode invokeCard(ObjectNode card) {
    ObjectNode response = JSON.createObjectNode().put("statusCode", 200).put("type", CARD_TYPE);
    response.set("value", card);
    return response;
  }

  /** The invoke response that leaves the card as it is and shows the user a short message. */
  static ObjectNode invokeMessage(String text) {
    return JSON.createObjectNode().put("statusCode", 200).put("type", "application/vnd.microsoft.activity.message").put("value", text);
  }

  /** The invoke response for a refused action. */
  static ObjectNode invokeError(int status, String code, String message) {
    ObjectNode response = JSON.createObjectNode().put("statusCode", status).put("type", "application/vnd.microsoft.error");
    response.putObject("value").put("code", code).put("message", message);
    return response;
  }
}
