package dev.lbtriage.bot.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Optional;

/**
 * Where the bot reaches one Teams thread without an inbound activity (a proactive message): the Bot Connector's
 * {@code serviceUrl}, the conversation id to post into ({@code replyTo}: with {@code ;messageid=} in a channel
 * thread), the conversation's type, the tenant, the bot's own account and the user who spoke last (for opening a
 * 1:1 chat with them). Saved from every inbound activity (the latest {@code serviceUrl} wins), read back after a
 * restart or on another replica. Shapes: msteams-docs send-proactive-messages.md (TEAMS.md, "Proactive messages").
 */
record ConversationReference(String serviceUrl, String replyTo, String conversationType, String tenantId, String botId,
    String botName, String userId, String userAadObjectId, String userName) {

  private static final ObjectMapper JSON = new ObjectMapper();

  static ConversationReference of(Activity a, TeamsThread thread) {
    return new ConversationReference(a.serviceUrl(), thread.replyTo(), a.conversationType(), a.tenantId(), a.recipientId(),
        a.json().path("recipient").path("name").asText(""), a.fromId(), a.fromAadObjectId(), a.fromName());
  }

  /** A 1:1 chat the bot opened with this reference's user ({@code POST /v3/conversations}). */
  ConversationReference personalChat(String conversationId, String serviceUrlOfChat) {
    return new ConversationReference(serviceUrlOfChat == null || serviceUrlOfChat.isBlank() ? serviceUrl : serviceUrlOfChat,
        conversationId, "personal", tenantId, botId, botName, userId, userAadObjectId, userName);
  }

  /** Whether files can be sent here with the Teams bot file API (personal scope only). */
  boolean personal() {
    return "personal".equals(conversationType);
  }

  String json() {
    ObjectNode o = JSON.createObjectNode().put("serviceUrl", serviceUrl).put("replyTo", replyTo)
        .put("conversationType", conversationType).put("tenantId", tenantId).put("botId", botId).put("botName", botName)
        .put("userId", userId).put("userAadObjectId", userAadObjectId).put("userName", userName);
    return o.toString();
  }

  /** The reference saved as {@link #json()}, or empty when the text is not one. */
  static Optional<ConversationReference> parse(String text) {
    try {
      JsonNode o = JSON.readTree(text);
      if (o == null || o.path("serviceUrl").asText("").isBlank() || o.path("replyTo").asText("").isBlank()) {
        return Optional.empty();
      }
      return Optional.of(new ConversationReference(o.path("serviceUrl").asText(""), o.path("replyTo").asText(""),
          o.path("conversationType").asText(""), o.path("tenantId").asText(""), o.path("botId").asText(""),
          o.path("botName").asText(""), o.path("userId").asText(""), o.path("userAadObjectId").asText(""),
          o.path("userName").asText("")));
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
