package dev.lbtriage.bot.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The activities of src/test/resources/teams/activities/ (copied from research/teams/), with the edits NOTES.md lists. */
final class Activities {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String BOT = "28:" + BotFrameworkKeys.APP_ID;
  static final String CHANNEL = "19:aebd0ad4d6ab42c8b9ed19c251c2fc37@thread.skype";

  private final String serviceUrl;
  private int ids = 1;

  Activities(String serviceUrl) {
    this.serviceUrl = serviceUrl;
  }

  static ObjectNode load(String name) {
    try (InputStream in = Activities.class.getResourceAsStream("/teams/activities/" + name)) {
      return (ObjectNode) JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A channel message @mentioning the bot, in the thread whose root message id is {@code root}. */
  ObjectNode channelMention(String root, String words) {
    ObjectNode a = load("message_channel_mention.json");
    a.put("serviceUrl", serviceUrl).put("id", "17000000" + (ids++));
    ((ObjectNode) a.get("recipient")).put("id", BOT).put("name", "lb-triage");
    ObjectNode mention = (ObjectNode) a.get("entities").get(0);
    ((ObjectNode) mention.get("mentioned")).put("id", BOT).put("name", "lb-triage");
    mention.put("text", "<at>lb-triage</at>");
    a.put("text", "<at>lb-triage</at> " + words);
    ((ObjectNode) a.get("conversation")).put("id", CHANNEL + ";messageid=" + root);
    return a;
  }

  /** A 1:1 chat message. */
  ObjectNode personal(String words) {
    ObjectNode a = load("message_personal_1to1.json");
    a.put("serviceUrl", serviceUrl).put("id", "18000000" + (ids++)).put("text", words);
    ((ObjectNode) a.get("recipient")).put("id", BOT);
    a.remove("attachments"); // the HTML copy of the doc's text; the bot reads "text"
    return a;
  }

  ObjectNode botAddedToTeam() {
    ObjectNode a = load("conversationUpdate_botAddedToTeam.json");
    a.put("serviceUrl", serviceUrl);
    return a;
  }

  /** An Action.Execute click on the card {@code cardId} in the thread of {@code conversationId}. */
  ObjectNode execute(String conversationId, String cardId, JsonNode data) {
    ObjectNode a = load("invoke_cardAction_channel.json");
    a.put("serviceUrl", serviceUrl).put("id", "19000000" + (ids++)).put("name", "adaptiveCard/action").put("replyToId", cardId);
    ((ObjectNode) a.get("recipient")).put("id", BOT);
    ((ObjectNode) a.get("conversation")).put("id", conversationId);
    ObjectNode value = JSON.createObjectNode();
    value.putObject("action").put("type", "Action.Execute").put("id", "").put("verb", CardRenderer.ANSWER_VERB).set("data", data);
    value.put("trigger", "manual");
    a.set("value", value);
    return a;
  }

  /** An Action.Submit click (the fallback): a message whose value is the button's data. */
  ObjectNode submit(String conversationId, String cardId, JsonNode data) {
    ObjectNode a = load("message_messageBack_with_value.json");
    a.put("serviceUrl", serviceUrl).put("id", "20000000" + (ids++)).put("replyToId", cardId).remove("text");
    ((ObjectNode) a.get("recipient")).put("id", BOT);
    ((ObjectNode) a.get("conversation")).put("id", conversationId);
    a.set("value", data);
    return a;
  }
}
