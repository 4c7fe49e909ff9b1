package dev.lbtriage.bot.teams;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The parts of an inbound Bot Framework activity the bot reads (shapes: research/teams/*.json). Missing members
 * read as empty strings or missing nodes, never null.
 */
record Activity(JsonNode json) {

  String type() {
    return text("type");
  }

  String name() {
    return text("name");
  }

  String id() {
    return text("id");
  }

  String serviceUrl() {
    return text("serviceUrl");
  }

  String channelId() {
    return text("channelId");
  }

  String text() {
    return text("text");
  }

  String replyToId() {
    return text("replyToId");
  }

  String conversationId() {
    return json.path("conversation").path("id").asText("");
  }

  String conversationType() {
    return json.path("conversation").path("conversationType").asText("");
  }

  String fromId() {
    return json.path("from").path("id").asText("");
  }

  /** Who sent it, as shown to people: the display name, else the id. */
  String fromName() {
    String name = json.path("from").path("name").asText("");
    return name.isBlank() ? fromId() : name;
  }

  /** The user's Entra object id ({@code from.aadObjectId}), empty when Teams did not send it. */
  String fromAadObjectId() {
    return json.path("from").path("aadObjectId").asText("");
  }

  /** The tenant: {@code channelData.tenant.id}, else {@code conversation.tenantId}. */
  String tenantId() {
    String t = json.path("channelData").path("tenant").path("id").asText("");
    return t.isBlank() ? json.path("conversation").path("tenantId").asText("") : t;
  }

  String recipientId() {
    return json.path("recipient").path("id").asText("");
  }

  JsonNode value() {
    return json.path("value");
  }

  JsonNode entities() {
    return json.path("entities");
  }

  /** {@code conversationUpdate} that adds the bot itself (an install into a team, chat or personal scope). */
  boolean addsTheBot() {
    for (JsonNode member : json.path("membersAdded")) {
      if (!recipientId().isBlank() && recipientId().equals(member.path("id").asText())) {
        return true;
      }
    }
    return false;
  }

  private String text(String field) {
    JsonNode node = json.get(field);
    return node == null || node.isNull() ? "" : node.asText("");
  }
}
