package dev.lbtriage.engine.gather.azure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stub Azure Resource Manager on 127.0.0.1 over HTTPS serving a scenario folder: each document
 * at its id, the load balancer list, metrics by metric name, and the effective-rules/routes POST
 * actions as long-running operations (202 with {@code Azure-AsyncOperation} and {@code Location},
 * one {@code InProgress} poll, then {@code Succeeded} and the result at {@code Location}).
 * The Network Watcher list is empty unless served. Requests without the test bearer token get 401. Faults can be queued per path.
 * Over HTTP/1.1 only ({@link #StubArm(Path)}), or over HTTP/2 with HTTP/1.1 by ALPN ({@link #http2}), as ARM.
 */
final class StubArm implements AutoCloseable {

  static final ObjectMapper JSON = new ObjectMapper();

  final List<String> requests = new CopyOnWriteArrayList<>();
  final List<String> queries = new CopyOnWriteArrayList<>();
  final Map<String, String> bodies = new ConcurrentHashMap<>();
  private final List<String[]> posts = new CopyOnWriteArrayList<>();
  final List<String> authorizations = new CopyOnWriteArrayList<>();
  private final Map<String, Deque<StubFault>> once = new ConcurrentHashMap<>();
  private final Map<String, StubFault> always = new ConcurrentHashMap<>();
  private final Map<String, Integer> polls = new ConcurrentHashMap<>();
  private final Map<String, JsonNode> operations = new ConcurrentHashMap<>();
  private final AtomicInteger operationIds = new AtomicInteger();
  private final AtomicInteger inFlight = new AtomicInteger();
  final AtomicInteger maxInFlight = new AtomicInteger();
  volatile long delayEveryMillis;
  private final Map<String, JsonNode> gets;
  private final Map<String, JsonNode> actions;
  private final List<JsonNode> loadBalancers;
  /** Per request: {@code HTTP/1.1} or {@code HTTP/2.0}, and the client's address and port (one per connection). */
  final List<String> protocols = new CopyOnWriteArrayList<>();
  final List<String> connections = new CopyOnWriteArrayList<>();
  private final StubFront front;

  /** Over HTTP/1.1 only (the JDK's {@code HttpsServer}, which offers no ALPN). */
  StubArm(Path scenario) throws Exception {
    this(scenario, false);
  }

  /**
   * @param http2 true: over Jetty, HTTP/2 or HTTP/1.1 as the client's ALPN asks (as Azure Resource Manager does);
   *     false: HTTP/1.1 only
   */
  StubArm(Path scenario, boolean http2) throws Exception {
    StubDocuments docs = StubDocuments.load(scenario);
    gets = new ConcurrentHashMap<>(docs.gets());
    actions = new ConcurrentHashMap<>(docs.actions());
    loadBalancers = docs.loadBalancers();
    front = http2 ? new StubJettyFront(this::handle) : new StubJdkFront(this::handle);
  }

  /** The stub over HTTP/2 (and HTTP/1.1 for a client that does not offer h2). */
  static StubArm http2(Path scenario) throws Exception {
    return new StubArm(scenario, true);
  }

  String endpoint() {
    return "https://127.0.0.1:" + front.port() + "/";
  }

  /** The next {@code faults.length} requests to this path (an ARM id, case-insensitive) get these faults. */
  void failNext(String path, StubFault... faults) {
    once.computeIfAbsent(key(path), k -> new ArrayDeque<>()).addAll(List.of(faults));
  }

  void failAlways(String path, StubFault fault) {
    always.put(key(path), fault);
  }

  /** Serve this document at GET path, and this result for POST action paths (as an LRO). */
  void serve(String path, JsonNode doc) {
    gets.put(key(path), doc);
  }

  void serveAction(String path, JsonNode result) {
    actions.put(key(path), result);
  }

  /** The bodies of every POST to this path, in arrival order. */
  List<JsonNode> postBodies(String path) throws IOException {
    List<JsonNode> out = new java.util.ArrayList<>();
    for (String[] p : posts) {
      if (p[0].equals(key(path))) {
        out.add(JSON.readTree(p[1]));
      }
    }
    return out;
  }

  long count(String method, String path) {
    return requests.stream().filter(r -> r.equalsIgnoreCase(method + " " + path)).count();
  }

  private void handle(StubExchange ex) throws IOException {
    protocols.add(ex.protocol());
    connections.add(ex.connection());
    maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    try {
      sleep(delayEveryMillis);
      serve(ex);
    } finally {
      inFlight.decrementAndGet();
    }
  }

  private void serve(StubExchange ex) throws IOException {
    String method = ex.method();
    String path = ex.path();
    String query = ex.rawQuery() == null ? "" : ex.rawQuery();
    requests.add(method + " " + path);
    queries.add(method + " " + path + "?" + query);
    if (System.getProperty("stub.trace") != null) {
      System.err.println(System.currentTimeMillis() % 100000 + " " + method + " " + path);
    }
    String auth = ex.header("Authorization");
    authorizations.add(String.valueOf(auth));
    // this request's own body: two POSTs to one path in flight at once must not record each other's
    String body = ex.body();
    bodies.put(key(path), body);
    if (method.equals("POST")) {
      posts.add(new String[] {key(path), body});
    }
    if (!("Bearer " + TestCredential.TOKEN).equals(auth)) {
      send(ex, 401, "{\"error\":{\"code\":\"AuthenticationFailed\"}}");
      return;
    }
    StubFault fault = always.get(key(path));
    Deque<StubFault> queued = once.get(key(path));
    if (fault == null && queued != null) {
      synchronized (queued) {
        fault = queued.poll();
      }
    }
    if (fault != null) {
      if (fault.drop()) {
        ex.drop();
        return;
      }
      sleep(fault.delayMillis());
      if (fault.status() != 0) {
        fault.headers().forEach(ex::addHeader);
        send(ex, fault.status(), fault.body());
        return;
      }
    }
    answer(ex, method, path, query);
  }

  private void answer(StubExchange ex, String method, String path, String query) throws IOException {
    String k = key(path);
    if (method.equals("POST") && actions.containsKey(k)) {
      String op = String.valueOf(operationIds.incrementAndGet());
      operations.put(op, actions.get(k));
      ex.addHeader("Azure-AsyncOperation", endpoint() + "operations/" + op + "/async?api-version=x");
      ex.addHeader("Location", endpoint() + "operations/" + op + "/result?api-version=x");
      send(ex, 202, "");
    } else if (method.equals("GET") && k.startsWith("/operations/")) {
      String[] parts = path.split("/");
      int n = polls.merge(parts[2], 1, Integer::sum);
      if (parts[3].equals("async")) {
        send(ex, 200, n < 2 ? "{\"status\":\"InProgress\"}" : "{\"status\":\"Succeeded\"}");
      } else {
        send(ex, 200, JSON.writeValueAsString(operations.get(parts[2])));
      }
    } else if (method.equals("GET") && k.endsWith("/providers/microsoft.network/loadbalancers")) {
      send(ex, 200, JSON.writeValueAsString(Map.of("value", loadBalancers)));
    } else if (method.equals("GET") && k.endsWith("/providers/microsoft.network/networkwatchers") && !gets.containsKey(k)) {
      send(ex, 200, "{\"value\":[]}"); // no Network Watcher unless a test serves some
    } else if (method.equals("GET") && k.endsWith("/providers/microsoft.insights/metrics")) {
      String metric = query.replaceAll(".*metricnames=([^&]*).*", "$1");
      JsonNode doc = gets.get(k + "|" + key(metric));
      send(ex, doc == null ? 404 : 200, doc == null ? "{\"error\":{\"code\":\"NotFound\"}}" : doc.toString());
    } else if (method.equals("GET") && gets.containsKey(k)) {
      send(ex, 200, gets.get(k).toString());
    } else {
      send(ex, 404, "{\"error\":{\"code\":\"ResourceNotFound\",\"message\":\"no " + path + "\"}}");
    }
  }

  private static void send(StubExchange ex, int status, String body) throws IOException {
    ex.addHeader("Content-Type", "application/json");
    ex.send(status, body);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static String key(String path) {
    String p = path.toLowerCase(Locale.ROOT);
    return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
  }

  /** How many connections the requests came over. */
  long connectionCount() {
    return connections.stream().distinct().count();
  }

  @Override
  public void close() {
    front.close();
  }
}
