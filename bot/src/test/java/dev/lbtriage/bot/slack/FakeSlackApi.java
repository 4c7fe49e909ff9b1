package dev.lbtriage.bot.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake Slack Web API on loopback: answers the methods the bot uses and records every call (including the bytes
 * POSTed to the upload URL; {@code base64} holds them exactly). {@link #rateLimitNext} makes the next calls of a method answer HTTP 429.
 */
final class FakeSlackApi implements AutoCloseable {

  static final String BOT_USER = "UBOT";
  static final String BOT_ID = "BBOT";
  static final String TOKEN = "xoxb-test-token-not-real";

  /** One recorded call: the method, its form parameters (and {@code _ts}, the ts answered), when, and the HTTP status. */
  record Call(String method, Map<String, String> params, long atNanos, int status) {
    String param(String name) {
      return params.get(name);
    }

    JsonNode blocks() {
      try {
        return new ObjectMapper().readTree(params.getOrDefault("blocks", "[]"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private final HttpServer server;
  private final List<Call> calls = new ArrayList<>();
  private final Map<String, AtomicInteger> rateLimits = new ConcurrentHashMap<>();
  private final AtomicInteger ts = new AtomicInteger();
  private final AtomicInteger fileIds = new AtomicInteger();
  private volatile String socketModeUrl = "ws://127.0.0.1:1/none";
  private volatile java.util.concurrent.CountDownLatch hold;
  private final AtomicInteger held = new AtomicInteger();

  FakeSlackApi() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/api/", this::api);
    server.createContext("/upload/", this::upload);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.start();
  }

  String apiUrl() {
    return base() + "/api/";
  }

  private String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** What {@code apps.connections.open} answers: the Socket Mode WebSocket URL. */
  void socketModeUrl(String url) {
    socketModeUrl = url;
  }

  void rateLimitNext(String method, int times) {
    rateLimits.put(method, new AtomicInteger(times));
  }

  synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  /** Successful calls of one method. */
  synchronized List<Call> calls(String method) {
    return calls.stream().filter(c -> c.method().equals(method) && c.status() == 200).toList();
  }

  /** Successful calls of one method into one thread ({@code thread_ts}). */
  List<Call> inThread(String method, String threadTs) {
    return calls(method).stream().filter(c -> threadTs.equals(c.param("thread_ts"))).toList();
  }

  /** From now on every chat.* call waits unanswered (and unrecorded) until {@link #release} (a bot stuck mid-turn). */
  void holdChatCalls() {
    hold = new java.util.concurrent.CountDownLatch(1);
  }

  /** How many calls are waiting under {@link #holdChatCalls}. */
  int heldCalls() {
    return held.get();
  }

  void release() {
    java.util.concurrent.CountDownLatch h = hold;
    hold = null;
    if (h != null) {
      h.countDown();
    }
  }

  private void api(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestURI().getPath().substring("/api/".length());
    java.util.concurrent.CountDownLatch h = hold;
    if (h != null && method.startsWith("chat.")) {
      held.incrementAndGet();
      try {
        h.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    Map<String, String> params = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    AtomicInteger limit = rateLimits.get(method);
    if (limit != null && limit.getAndDecrement() > 0) {
      record(method, params, 429);
      exchange.getResponseHeaders().add("Retry-After", "1");
      reply(exchange, 429, "{\"ok\":false,\"error\":\"ratelimited\"}");
      return;
    }
    String answer = answer(method, params);
    Map<String, String> recorded = new LinkedHashMap<>(params);
    int at = answer.indexOf("\"ts\":\"");
    if (at >= 0) {
      recorded.put("_ts", answer.substring(at + 6, answer.indexOf('"', at + 6)));
    }
    record(method, recorded, 200);
    reply(exchange, 200, answer);
  }

  private String answer(String method, Map<String, String> params) {
    return switch (method) {
      case "auth.test" -> "{\"ok\":true,\"url\":\"https://t.slack.com/\",\"team\":\"t\",\"user\":\"lbtriage\",\"team_id\":\"T1\",\"user_id\":\""
          + BOT_USER + "\",\"bot_id\":\"" + BOT_ID + "\"}";
      case "chat.postMessage" -> "{\"ok\":true,\"channel\":\"" + params.get("channel") + "\",\"ts\":\"" + nextTs() + "\"}";
      case "chat.update" -> "{\"ok\":true,\"channel\":\"" + params.get("channel") + "\",\"ts\":\"" + params.get("ts") + "\"}";
      case "chat.postEphemeral" -> "{\"ok\":true,\"message_ts\":\"" + nextTs() + "\"}";
      case "files.getUploadURLExternal" -> {
        String id = "F" + fileIds.incrementAndGet();
        yield "{\"ok\":true,\"upload_url\":\"" + base() + "/upload/" + id + "\",\"file_id\":\"" + id + "\"}";
      }
      case "apps.connections.open" -> "{\"ok\":true,\"url\":\"" + socketModeUrl + "\"}";
      case "files.completeUploadExternal" -> "{\"ok\":true,\"files\":[{\"id\":\"F1\",\"title\":\"t\"}]}";
      default -> "{\"ok\":false,\"error\":\"unknown_method\"}";
    };
  }

  private void upload(HttpExchange exchange) throws IOException {
    byte[] bytes = exchange.getRequestBody().readAllBytes();
    String body = new String(bytes, StandardCharsets.UTF_8);
    record("upload", Map.of("file_id", exchange.getRequestURI().getPath().substring("/upload/".length()), "content", body,
        "base64", java.util.Base64.getEncoder().encodeToString(bytes)), 200);
    reply(exchange, 200, "OK - " + body.length());
  }

  private synchronized void record(String method, Map<String, String> params, int status) {
    calls.add(new Call(method, params, System.nanoTime(), status));
  }

  private String nextTs() {
    return String.format("1800000000.%06d", ts.incrementAndGet());
  }

  private static void reply(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private static Map<String, String> form(String body) {
    Map<String, String> params = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      params.put(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return params;
  }

  @Override
  public void close() {
    release();
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
