package dev.lbtriage.bot.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake Bot Connector on loopback: records every call (method, decoded conversation id, activity id, the
 * Authorization header, the JSON body) and answers {@code {"id":"…"}} as the recordings in
 * research/teams/bot-connector/ do; {@link #failNext} queues error answers (status, Retry-After).
 */
final class FakeConnector implements AutoCloseable {
  record Call(String method, String conversationId, String activityId, String authorization, JsonNode body, int status, String answeredId) {
    /** Every text of the card(s) in the body, joined. */
    String texts() {
      List<String> out = new ArrayList<>();
      collect(body, out);
      return String.join("\n", out);
    }

    private static void collect(JsonNode node, List<String> out) {
      if (node.isObject()) {
        if (node.has("text") && node.get("text").isTextual()) {
          out.add(node.get("text").asText());
        }
        if (node.has("title") && node.get("title").isTextual()) {
          out.add(node.get("title").asText());
        }
        node.elements().forEachRemaining(n -> collect(n, out));
      } else if (node.isArray()) {
        node.elements().forEachRemaining(n -> collect(n, out));
      }
    }
  }

  private record Failure(int status, String retryAfter) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpServer server;
  private final List<Call> calls = new ArrayList<>();
  private final Deque<Failure> failures = new ArrayDeque<>();
  private final AtomicInteger ids = new AtomicInteger(1000);
  private volatile int failAlways;

  FakeConnector() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.start();
  }

  /** The serviceUrl to put in activities. */
  String serviceUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/amer/";
  }

  synchronized void failNext(int status, String retryAfter) {
    failures.add(new Failure(status, retryAfter));
  }

  /** Every call from now on fails with {@code status} (0: none fails). */
  void failAlways(int status) {
    failAlways = status;
  }

  /** The POST /v3/conversations calls (a conversation the bot opened). */
  synchronized List<Call> created() {
    return calls.stream().filter(c -> c.body().has("members")).toList();
  }

  synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  /** The activity id the connector answered to that call. */
  String idOf(Call call) {
    return call.answeredId();
  }

  /** The successful calls. */
  synchronized List<Call> delivered() {
    return calls.stream().filter(c -> c.status() < 300).toList();
  }

  private void handle(HttpExchange ex) throws IOException {
    String raw = ex.getRequestURI().getRawPath();
    String[] parts = raw.split("/");
    // /amer/v3/conversations/{id}/activities[/{activityId}]
    String conversation = parts.length > 4 ? URLDecoder.decode(parts[4], StandardCharsets.UTF_8) : "";
    String activity = parts.length > 6 ? URLDecoder.decode(parts[6], StandardCharsets.UTF_8) : null;
    JsonNode body = JSON.readTree(ex.getRequestBody().readAllBytes());
    boolean create = raw.endsWith("/v3/conversations");
    Failure failure;
    int id;
    String answered;
    synchronized (this) {
      failure = failAlways != 0 ? new Failure(failAlways, null) : failures.poll();
      id = ids.incrementAndGet();
      answered = create ? "a:1on1-" + id : activity != null ? activity : "1:" + id;
      calls.add(new Call(ex.getRequestMethod(), conversation, activity, ex.getRequestHeaders().getFirst("Authorization"), body,
          failure != null ? failure.status() : 200, answered));
    }
    byte[] answer;
    if (failure != null) {
      if (failure.retryAfter() != null) {
        ex.getResponseHeaders().set("Retry-After", failure.retryAfter());
      }
      answer = "{\"error\":{\"code\":\"Throttled\",\"message\":\"too many requests\"}}".getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(failure.status(), answer.length);
    } else {
      answer = ("{\"id\":\"" + answered + "\"}").getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", "application/json");
      ex.sendResponseHeaders(200, answer.length);
    }
    ex.getResponseBody().write(answer);
    ex.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
