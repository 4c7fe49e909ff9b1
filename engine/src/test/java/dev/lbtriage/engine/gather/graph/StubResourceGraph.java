package dev.lbtriage.engine.gather.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.lbtriage.engine.gather.azure.SelfSignedTls;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stub Azure Resource Graph on 127.0.0.1 over HTTPS (self-signed certificate): {@code POST
 * /providers/Microsoft.ResourceGraph/resources} answers with the response shape of the Resource Graph
 * REST examples ({@code research/resource-graph/2022-10-01_ResourcesFirstPageQuery.json}: {@code totalRecords},
 * {@code count}, {@code data}, {@code facets}, {@code resultTruncated} as a string, {@code $skipToken} while more
 * pages remain) and the headers of the recorded traffic ({@code azure-powershell-session-records/SkipTokenQuery.json}:
 * {@code x-ms-user-quota-remaining}, {@code x-ms-user-quota-resets-after: 00:00:05}, ...). Rows are those of the
 * types the KQL names ({@code type =~ '...'}) in the subscriptions asked for, ordered by id, {@code $top} a page;
 * the {@code $skipToken} is built as the recorded one is (base64 of {@code {"$id","MaxRows","RowsToSkip","KustoClusterUrl"}}).
 * The quota is 15 queries a window; a request past it gets the real 429 body
 * ({@code 429_RateLimiting_body_azure-cli-extensions-issue-3325.json}); {@link #windowPassed} starts a new window.
 * Faults can be queued ({@link #failNext}). Requests without the bearer token get 401.
 */
public final class StubResourceGraph implements AutoCloseable {
  public static final String TOKEN = "stub-graph-token-51c2";
  static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern TYPE = Pattern.compile("type =~ '([^']+)'");
  private static final int QUOTA = 15;

  public final List<JsonNode> bodies = new CopyOnWriteArrayList<>();
  final List<String> statuses = new CopyOnWriteArrayList<>();
  private final List<ObjectNode> rows;
  private final Deque<Integer> faults = new ArrayDeque<>();
  private final HttpsServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
    Thread t = new Thread(r, "stub-graph");
    t.setDaemon(true);
    return t;
  });
  private final byte[] throttledBody;
  private int quota = QUOTA;

  public StubResourceGraph(List<ObjectNode> rows) throws Exception {
    this.rows = rows.stream().sorted(Comparator.comparing(r -> r.path("id").asText())).toList();
    this.throttledBody = Files.readAllBytes(research().resolve("429_RateLimiting_body_azure-cli-extensions-issue-3325.json"));
    server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(SelfSignedTls.context()));
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  static Path research() {
    Path up = Path.of("..", "research", "resource-graph");
    return Files.isDirectory(up) ? up : Path.of("research", "resource-graph");
  }

  public String endpoint() {
    return "https://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  /** The next requests get these HTTP statuses (429, 403, 500) instead of an answer. */
  public synchronized void failNext(Integer... status) {
    faults.addAll(List.of(status));
  }

  /** The quota window passed: 15 queries again (what waiting x-ms-user-quota-resets-after gives). */
  public synchronized void windowPassed() {
    quota = QUOTA;
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      byte[] in;
      try (InputStream s = ex.getRequestBody()) {
        in = s.readAllBytes();
      }
      if (!("Bearer " + TOKEN).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
        send(ex, 401, error("AuthenticationFailed", "Authentication failed. The 'Authorization' header is missing."), -1);
        return;
      }
      if (!"POST".equals(ex.getRequestMethod()) || !ex.getRequestURI().getPath().equalsIgnoreCase("/providers/Microsoft.ResourceGraph/resources")) {
        send(ex, 404, error("NotFound", "no such path in the stub: " + ex.getRequestURI()), -1);
        return;
      }
      JsonNode body = JSON.readTree(in);
      bodies.add(body);
      Integer fault;
      int remaining;
      synchronized (this) {
        fault = faults.poll();
        if (fault == null && quota <= 0) {
          fault = 429;
        }
        if (fault == null) {
          quota--;
        }
        remaining = Math.max(0, quota);
      }
      if (fault != null) {
        byte[] b = switch (fault) {
          case 429 -> throttledBody;
          case 403 -> error("AuthorizationFailed", "The client 'lb-triage-test' does not have authorization to perform action"
              + " 'Microsoft.ResourceGraph/resources/read' over scope '/providers/Microsoft.ResourceGraph'.");
          default -> error("InternalServerError", "Encountered internal server error. Diagnostic information: timestamp '20210503T070829Z'.");
        };
        send(ex, fault, b, fault == 429 ? 0 : remaining);
        return;
      }
      send(ex, 200, JSON.writeValueAsBytes(page(body)), remaining);
    } catch (RuntimeException e) {
      send(ex, 500, error("InternalServerError", "stub failure: " + e), -1);
    }
  }

  private ObjectNode page(JsonNode request) {
    Set<String> types = new HashSet<>();
    Matcher m = TYPE.matcher(request.path("query").asText());
    while (m.find()) {
      types.add(m.group(1).toLowerCase(Locale.ROOT));
    }
    Set<String> subs = new HashSet<>();
    request.path("subscriptions").forEach(s -> subs.add(s.asText().toLowerCase(Locale.ROOT)));
    List<ObjectNode> match = new ArrayList<>();
    for (ObjectNode r : rows) {
      boolean typeOk = types.contains(r.path("type").asText().toLowerCase(Locale.ROOT));
      boolean subOk = subs.isEmpty() || subs.contains(r.path("subscriptionId").asText().toLowerCase(Locale.ROOT));
      if (typeOk && subOk) {
        match.add(r);
      }
    }
    JsonNode options = request.path("options");
    int top = options.path("$top").asInt(1000);
    int skip = 0;
    if (options.hasNonNull("$skipToken")) {
      try {
        JsonNode token = JSON.readTree(Base64.getDecoder().decode(options.get("$skipToken").asText()));
        skip = token.path("RowsToSkip").asInt();
        top = token.path("MaxRows").asInt(top);
      } catch (IOException | IllegalArgumentException e) {
        throw new IllegalArgumentException("bad $skipToken");
      }
    }
    ObjectNode out = JSON.createObjectNode();
    List<ObjectNode> page = match.subList(Math.min(skip, match.size()), Math.min(match.size(), skip + top));
    if (skip + top < match.size()) {
      ObjectNode token = JSON.createObjectNode();
      token.put("$id", "1");
      token.put("MaxRows", top);
      token.put("RowsToSkip", skip + top);
      token.put("KustoClusterUrl", "https://armtopology.kusto.windows.net");
      out.put("$skipToken", Base64.getEncoder().encodeToString(token.toString().getBytes(StandardCharsets.UTF_8)));
    }
    out.put("count", page.size());
    ArrayNode data = out.putArray("data");
    page.forEach(data::add);
    out.putArray("facets");
    out.put("resultTruncated", "false");
    out.put("totalRecords", match.size());
    return out;
  }

  private static byte[] error(String code, String message) {
    ObjectNode e = JSON.createObjectNode();
    ObjectNode inner = e.putObject("error");
    inner.put("code", code);
    inner.put("message", message);
    return e.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void send(HttpExchange ex, int status, byte[] body, int quotaRemaining) throws IOException {
    String id = UUID.randomUUID().toString();
    ex.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
    ex.getResponseHeaders().add("x-ms-request-id", id);
    ex.getResponseHeaders().add("x-ms-correlation-request-id", id);
    if (quotaRemaining >= 0) {
      ex.getResponseHeaders().add("x-ms-user-quota-remaining", Integer.toString(quotaRemaining));
      ex.getResponseHeaders().add("x-ms-ratelimit-remaining-tenant-resource-requests", Integer.toString(quotaRemaining));
      ex.getResponseHeaders().add("x-ms-user-quota-resets-after", "00:00:05");
    }
    ex.sendResponseHeaders(status, body.length);
    ex.getResponseBody().write(body);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
