package dev.lbtriage.bot.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls the Bot Connector REST API v3 at the activity's {@code serviceUrl} (research PROTOCOL.md §3): send to a
 * conversation ({@code POST /v3/conversations/{id}/activities}) and update an activity ({@code PUT
 * …/activities/{activityId}}). Each call is paced per conversation ({@link ConversationPacing}); 429, 412, 502 and
 * 504 are retried up to {@value #ATTEMPTS} times with exponential backoff and jitter, or after {@code Retry-After}
 * when the connector sends it. The bearer token comes from {@link ConnectorToken}; without one (development mode,
 * loopback only) no Authorization header is sent. A token is never sent to a plain-http URL off this machine.
 */
final class ConnectorClient {
  static final int ATTEMPTS = 5;
  private static final Set<Integer> RETRIED = Set.of(429, 412, 502, 504);
  private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
  private static final Duration MAX_WAIT = Duration.ofSeconds(60);
  private static final Logger LOG = LoggerFactory.getLogger(ConnectorClient.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final ConnectorToken token;
  private final ConversationPacing pacing;
  private final Sleeper sleeper;

  /** @param token null in development mode (no auth, loopback only) */
  ConnectorClient(HttpClient http, ConnectorToken token, ConversationPacing pacing, Sleeper sleeper) {
    this.http = http;
    this.token = token;
    this.pacing = pacing;
    this.sleeper = sleeper;
  }

  /** Posts a new activity into a conversation (a thread when the id carries {@code ;messageid=}); returns its id. */
  String send(String serviceUrl, String conversationId, ObjectNode activity) {
    URI uri = uri(serviceUrl, "v3/conversations/" + encode(conversationId) + "/activities");
    JsonNode body = call("POST", uri, conversationId, activity);
    return body.path("id").asText("");
  }

  /** Replaces an activity the bot sent (a progress line, an answered card). */
  void update(String serviceUrl, String conversationId, String activityId, ObjectNode activity) {
    URI uri = uri(serviceUrl, "v3/conversations/" + encode(conversationId) + "/activities/" + encode(activityId));
    ObjectNode withId = activity.deepCopy();
    withId.put("id", activityId);
    call("PUT", uri, conversationId, withId);
  }

  /** A conversation the bot opened: its id, and the serviceUrl to use for it (empty when the connector gave none). */
  record Created(String id, String serviceUrl) {}

  /**
   * Opens a 1:1 chat of the bot with a user ({@code POST /v3/conversations}, msteams-docs send-proactive-messages.md):
   * the bot's account, the user as the one member (their {@code 29:} id and Entra object id), the tenant. Teams
   * answers with the chat's id (the same chat each time for one user); it refuses (403) when the app is not
   * installed for that user.
   */
  Created createConversation(String serviceUrl, String tenantId, String botId, String userId, String userAadObjectId) {
    ObjectNode parameters = JSON.createObjectNode().put("isGroup", false);
    parameters.putObject("bot").put("id", botId);
    ObjectNode member = parameters.putArray("members").addObject().put("id", userId);
    if (userAadObjectId != null && !userAadObjectId.isBlank()) {
      member.put("aadObjectId", userAadObjectId);
    }
    if (tenantId != null && !tenantId.isBlank()) {
      parameters.put("tenantId", tenantId);
      parameters.putObject("channelData").putObject("tenant").put("id", tenantId);
    }
    JsonNode body = call("POST", uri(serviceUrl, "v3/conversations"), "create:" + userId, parameters);
    String id = body.path("id").asText("");
    if (id.isBlank()) {
      throw new ConnectorException(0, "POST /v3/conversations answered no conversation id");
    }
    return new Created(id, body.path("serviceUrl").asText(""));
  }

  /** Whether a send in this conversation now would have to wait for the pacing. */
  boolean wouldWait(String conversationId) {
    return pacing.wouldWait(conversationId);
  }

  private JsonNode call(String method, URI uri, String conversationId, ObjectNode activity) {
    byte[] body;
    try {
      body = JSON.writeValueAsBytes(activity);
    } catch (IOException e) {
      throw new ConnectorException(0, "cannot write the activity: " + e.getMessage());
    }
    boolean retriedAuth = false;
    for (int attempt = 1; ; attempt++) {
      pause(pacing.reserve(conversationId));
      HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
          .header("Content-Type", "application/json; charset=utf-8")
          .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
      if (token != null) {
        request.header("Authorization", "Bearer " + token.get());
      }
      HttpResponse<String> response;
      try {
        response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        if (attempt >= ATTEMPTS) {
          throw new ConnectorException(0, method + " " + uri.getPath() + " failed: " + e.getMessage());
        }
        pause(backoff(attempt));
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ConnectorException(0, "interrupted calling the Bot Connector");
      }
      int status = response.statusCode();
      if (status >= 200 && status < 300) {
        return parse(response.body());
      }
      if (status == 401 && token != null && !retriedAuth) {
        token.forget(); // a token revoked or rotated early: one fresh try
        retriedAuth = true;
        continue;
      }
      if (RETRIED.contains(status) && attempt < ATTEMPTS) {
        Duration wait = retryAfter(response).orElse(backoff(attempt));
        LOG.info("Bot Connector answered {} to {} {}; retrying in {} ms", status, method, uri.getPath(), wait.toMillis());
        pause(wait);
        continue;
      }
      throw new ConnectorException(status, method + " " + uri.getPath() + " answered HTTP " + status + errorOf(response.body()));
    }
  }

  /** Exponential backoff with jitter: about 1, 2, 4, 8 s. */
  static Duration backoff(int attempt) {
    long base = FIRST_BACKOFF.toMillis() << Math.min(attempt - 1, 6);
    long jitter = ThreadLocalRandom.current().nextLong(base / 4 + 1);
    return Duration.ofMillis(Math.min(MAX_WAIT.toMillis(), base + jitter));
  }

  /** {@code Retry-After} as seconds or an HTTP date, capped at a minute; empty when absent or unreadable. */
  static Optional<Duration> retryAfter(HttpResponse<?> response) {
    Optional<String> header = response.headers().firstValue("Retry-After");
    if (header.isEmpty()) {
      return Optional.empty();
    }
    String v = header.get().strip();
    try {
      long seconds = Long.parseLong(v);
      return Optional.of(clamp(Duration.ofSeconds(Math.max(0, seconds))));
    } catch (NumberFormatException notSeconds) {
      try {
        Duration d = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME));
        return Optional.of(clamp(d.isNegative() ? Duration.ZERO : d));
      } catch (DateTimeParseException e) {
        return Optional.empty();
      }
    }
  }

  private static Duration clamp(Duration d) {
    return d.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : d;
  }

  private void pause(Duration d) {
    if (d.isZero() || d.isNegative()) {
      return;
    }
    try {
      sleeper.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConnectorException(0, "interrupted waiting to call the Bot Connector");
    }
  }

  private static URI uri(String serviceUrl, String path) {
    URI base;
    try {
      base = URI.create(serviceUrl.endsWith("/") ? serviceUrl : serviceUrl + "/");
    } catch (IllegalArgumentException e) {
      throw new ConnectorException(0, "unusable serviceUrl: " + serviceUrl);
    }
    if (!Loopback.acceptableUrl(base)) {
      throw new ConnectorException(0, "refusing a serviceUrl that is not https: " + serviceUrl);
    }
    return URI.create(base + path);
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static JsonNode parse(String body) {
    try {
      return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
    } catch (IOException e) {
      return JSON.createObjectNode();
    }
  }

  /** ": code message" from a Bot Connector ErrorResponse, or nothing. */
  private static String errorOf(String body) {
    JsonNode error = parse(body).path("error");
    String code = error.path("code").asText("");
    String message = error.path("message").asText("");
    String text = (code + " " + message).strip();
    return text.isEmpty() ? "" : ": " + (text.length() > 200 ? text.substring(0, 200) : text);
  }
}
