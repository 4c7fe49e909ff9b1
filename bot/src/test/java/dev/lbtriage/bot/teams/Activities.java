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

  /** An Action.Execute click on the "send it to me in a 1:1 chat" button of a file offered in a channel thread. */
  ObjectNode personalFileClick(String conversationId, String cardId, JsonNode data) {
    ObjectNode a = execute(conversationId, cardId, data);
    ((ObjectNode) a.path("value").path("action")).put("verb", FileCards.PERSONAL_VERB);
    ((ObjectNode) a.get("from")).put("aadObjectId", USER_AAD);
    return a;
  }

  static final String USER_AAD = "7faf8ab2-3d56-4244-b585-20c8a42ed2b8";

  /**
   * A {@code fileConsent/invoke} in the 1:1 chat {@code conversationId}: the doc's concise value (accept or decline)
   * in the envelope of a 1:1 message; {@code context} is what the card's accept/decline context held.
   */
  ObjectNode fileConsent(String conversationId, String consentCardId, boolean accept, JsonNode context, String uploadUrl, String fileName) {
    ObjectNode doc = load(accept ? "invoke_fileConsent_accept.json" : "invoke_fileConsent_decline.json");
    ObjectNode a = load("message_personal_1to1.json");
    a.remove("attachments");
    a.remove("text");
    a.remove("textFormat");
    a.put("type", "invoke").put("name", doc.path("name").asText()).put("serviceUrl", serviceUrl).put("id", "21000000" + (ids++))
        .put("replyToId", consentCardId);
    ((ObjectNode) a.get("recipient")).put("id", BOT);
    ((ObjectNode) a.get("conversation")).put("id", conversationId);
    ObjectNode value = (ObjectNode) doc.get("value");
    value.set("context", context);
    if (accept) {
      ((ObjectNode) value.get("uploadInfo")).put("uploadUrl", uploadUrl).put("name", fileName).put("fileType", "zip");
    }
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
