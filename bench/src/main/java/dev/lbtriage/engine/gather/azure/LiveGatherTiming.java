package dev.lbtriage.engine.gather.azure;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.Context;
import dev.lbtriage.engine.gather.Progress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import reactor.core.publisher.Mono;

/**
 * Issue 7: wall time of {@link AzureFactSource#read} for a load balancer with many pool members
 * against the stub ARM server with a fixed delay added to every answer, at parallelism 8 (the
 * default) and 1 (a serial crawler), next to the critical-path floor counted from the requests the
 * reader actually made. One process, no JMH: each gather is seconds long and single-shot.
 *
 * <p>Transport (issue 18): {@code h2} serves the stub over HTTP/2 with ALPN (Jetty), as Resource Manager does, and
 * {@code h1} over HTTP/1.1 only (the JDK's {@code HttpsServer}); the client asks for HTTP/2 either way, as the
 * product's does. {@code shared} reuses one client for every gather of the run (warm-up included), as the product
 * does within a process; {@code fresh} makes one per gather (the harness before issue 18).
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.lbtriage.engine.gather.azure.LiveGatherTiming
 *     [members=20] [delayMs=100] [pollMs=100] [reps=3] [parallelisms=8,1] [h2|h1] [shared|fresh]</pre>
 */
public final class LiveGatherTiming {

  private LiveGatherTiming() {}

  public static void main(String[] args) throws Exception {
    int members = arg(args, 0, 20);
    int delay = arg(args, 1, 100);
    int poll = arg(args, 2, 100);
    int reps = arg(args, 3, 3);
    List<Integer> parallelisms = args.length > 4
        ? List.of(args[4].split(",")).stream().map(Integer::parseInt).toList() : List.of(8, 1);
    boolean http2 = !(args.length > 5 && args[5].equals("h1"));
    boolean fresh = args.length > 6 && args[6].equals("fresh");
    Path scenario = ManyMembersScenario.write(members);
    String lbId = ManyMembersScenario.lbId(scenario);
    System.out.printf(Locale.ROOT, "scenario %s: %d pool members, +%d ms per answer, poll interval %d ms, %s%n",
        scenario, members, delay, poll, Runtime.version());
    System.out.printf(Locale.ROOT, "stub over %s, %s%n", http2 ? "HTTP/2 and HTTP/1.1 by ALPN (h2)" : "HTTP/1.1 only (h1)",
        fresh ? "a new client per gather (fresh)" : "one client for every gather (shared)");

    try (StubArm stub = new StubArm(scenario, http2)) {
      HttpClient shared = Stubs.httpClient();
      // warm-up: class loading, JIT, TLS; no delay
      for (int i = 0; i < 3; i++) {
        source(stub, 8, poll, new Timed(fresh ? Stubs.httpClient() : shared, poll)).read(lbId, Progress.none());
      }
      stub.delayEveryMillis = delay;
      Map<Integer, List<Double>> wall = new LinkedHashMap<>();
      Shape shape = null;
      for (int rep = 0; rep < reps; rep++) {
        for (int p : parallelisms) {
          stub.requests.clear();
          stub.protocols.clear();
          stub.connections.clear();
          stub.maxInFlight.set(0);
          Timed client = new Timed(fresh ? Stubs.httpClient() : shared, poll);
          List<String> steps = new CopyOnWriteArrayList<>();
          long t0 = System.nanoTime();
          LiveRead read = source(stub, p, poll, client).read(lbId, (step, done, total) -> {
            if (done == total) {
              steps.add(step);
            }
          });
          double secs = (System.nanoTime() - t0) / 1e9;
          int nics = read.facts().networkInterfaces().size();
          if (nics != members || !read.facts().missing().isEmpty()) {
            throw new IllegalStateException("gather incomplete: " + nics + " NICs, missing " + read.facts().missing());
          }
          wall.computeIfAbsent(p, k -> new ArrayList<>()).add(secs);
          Shape s = Shape.of(stub.requests, client);
          System.out.printf(Locale.ROOT, "rep %d parallelism %2d: %6.3f s  (%d requests, stub max in flight %d;"
              + " per request %s)%n", rep + 1, p, secs, stub.requests.size(), stub.maxInFlight.get(), client.latency());
          System.out.printf(Locale.ROOT, "  transport: %s over %d connections%n",
              stub.protocols.stream().distinct().sorted().collect(Collectors.joining(", ")), stub.connectionCount());
          System.out.println("  " + client.pollWaits());
          if (shape == null) {
            shape = s;
            System.out.println("  progress steps: " + steps);
          }
        }
      }
      report(shape, wall, delay, poll);
    }
  }

  private static void report(Shape s, Map<Integer, List<Double>> wall, int d, int poll) {
    System.out.println();
    System.out.println("requests by dependent level (what the reader did):");
    s.levels.forEach((level, n) -> System.out.printf(Locale.ROOT, "  %-52s %3d%n", level, n));
    System.out.printf(Locale.ROOT, "  LRO chain per effective action: POST, %d status polls (%d InProgress), 1 result GET;"
        + " waits before the first poll: %s%n", s.asyncPolls, s.inProgress, s.waitBeforeFirstPoll ? "yes" : "no");
    int getLevels = s.levels.size() - 1; // all but the LRO level
    int roundTrips = getLevels + 1 + s.asyncPolls + 1;
    int waits = s.inProgress + (s.waitBeforeFirstPoll ? 1 : 0);
    double floor = (roundTrips * d + waits * poll) / 1000.0;
    System.out.printf(Locale.ROOT, "floor (unbounded parallelism): %d GET levels + POST + %d polls + result = %d round trips"
        + " x %d ms + %d poll waits x %d ms = %.3f s%n", getLevels, s.asyncPolls, roundTrips, d, waits, poll, floor);
    for (var e : wall.entrySet()) {
      int p = e.getKey();
      double bounded = 0;
      for (var lvl : s.levels.entrySet()) {
        int waves = (lvl.getValue() + p - 1) / p;
        bounded += lvl.getKey().startsWith("4") ? waves * (((2 + s.asyncPolls) * d) + waits * poll) : waves * d;
      }
      double best = e.getValue().stream().mapToDouble(x -> x).min().orElse(0);
      double median = e.getValue().stream().sorted().toList().get(e.getValue().size() / 2);
      System.out.printf(Locale.ROOT, "parallelism %2d: runs %s s; median %.3f s = %.2f x floor; floor at %d workers"
          + " (ceil(level size / %d) waves per level) %.3f s, median = %.2f x that%n", p,
          e.getValue().stream().map(x -> String.format(Locale.ROOT, "%.3f", x)).collect(Collectors.joining(", ")),
          median, median / floor, p, p, bounded / 1000.0, median / (bounded / 1000.0));
      if (best <= 0) {
        throw new IllegalStateException();
      }
    }
    if (wall.containsKey(1) && wall.containsKey(8)) {
      System.out.printf(Locale.ROOT, "serial / parallel (medians): %.2f%n", med(wall.get(1)) / med(wall.get(8)));
    }
  }

  private static double med(List<Double> xs) {
    return xs.stream().sorted().toList().get(xs.size() / 2);
  }

  private static AzureFactSource source(StubArm stub, int parallelism, int pollMs, HttpClient client) {
    AzureReadOptions options = AzureReadOptions.defaults().withParallelism(parallelism)
        .withPollInterval(Duration.ofMillis(pollMs)).withHttpClient(client);
    return new AzureFactSource(Stubs.cloud(stub), new TestCredential(), options);
  }

  private static int arg(String[] args, int i, int dflt) {
    return args.length > i ? Integer.parseInt(args[i]) : dflt;
  }

  /** The requests of one gather grouped by the reader's dependent levels, and the LRO chain's length. */
  private record Shape(Map<String, Integer> levels, int asyncPolls, int inProgress, boolean waitBeforeFirstPoll) {

    static Shape of(List<String> requests, Timed client) {
      Map<String, Integer> levels = new TreeMap<>();
      Map<String, Integer> pollsByOp = new TreeMap<>();
      for (String r : requests) {
        String p = r.toLowerCase(Locale.ROOT);
        if (p.startsWith("get /operations/")) {
          String[] parts = p.split("/");
          if (parts[3].equals("async")) {
            pollsByOp.merge(parts[2], 1, Integer::sum);
          }
          continue;
        }
        String level;
        if (p.startsWith("post ")) {
          level = "4 effective rules/routes (LRO)";
        } else if (p.contains("/networksecuritygroups/") || p.contains("/routetables/")) {
          level = "3 subnet NSGs, route tables";
        } else if (p.contains("/virtualmachines/") || p.contains("/virtualnetworks/")) {
          level = "2 VMs, VNets (named by NICs)";
        } else if (p.contains("/networkinterfaces/") || p.contains("/publicipaddresses/") || p.contains("/metrics")) {
          level = "1 NICs, frontend public IPs, metrics (named by LB)";
        } else if (p.contains("/loadbalancers")) {
          level = "0 load balancer";
        } else {
          level = "? " + r;
        }
        levels.merge(level, 1, Integer::sum);
      }
      int polls = pollsByOp.values().stream().mapToInt(x -> x).max().orElse(0);
      // the stub answers InProgress to every status poll but the last
      return new Shape(levels, polls, Math.max(0, polls - 1), client.waitBeforeFirstPoll());
    }
  }

  /** An HTTP client that notes when each request was sent and answered, to see the poller's waits. */
  private static final class Timed implements HttpClient {
    private final HttpClient inner;
    private final Map<String, Long> postEndByOp = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Long> gapByOp = new java.util.concurrent.ConcurrentHashMap<>();

    private final long pollNanos;

    Timed(HttpClient inner, int pollMs) {
      this.inner = inner;
      this.pollNanos = pollMs * 1_000_000L;
    }

    @Override
    public Mono<HttpResponse> send(HttpRequest request) {
      long start = System.nanoTime();
      return inner.send(request).doOnNext(r -> note(request, r, start));
    }

    @Override
    public HttpResponse sendSync(HttpRequest request, Context context) {
      long start = System.nanoTime();
      HttpResponse r = inner.sendSync(request, context);
      note(request, r, start);
      return r;
    }

    private final List<Long> latencies = new CopyOnWriteArrayList<>();
    private final Map<String, Long> lastAnswerByOp = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<Long> pollWaits = new CopyOnWriteArrayList<>();
    private final List<Long> resultWaits = new CopyOnWriteArrayList<>();

    /** Client-side idle time between one answer of an operation's polling and its next request, median ms. */
    String pollWaits() {
      return "client idle InProgress -> next poll: " + stats(pollWaits) + "; Succeeded -> result GET: "
          + stats(resultWaits);
    }

    private static String stats(List<Long> raw) {
      List<Long> xs = raw.stream().sorted().toList();
      return xs.isEmpty() ? "-" : String.format(Locale.ROOT, "median %.1f ms, max %.1f ms (%d)",
          xs.get(xs.size() / 2) / 1e6, xs.get(xs.size() - 1) / 1e6, xs.size());
    }

    /** Median and 90th percentile of send-to-answer time, ms. */
    String latency() {
      List<Long> xs = latencies.stream().sorted().toList();
      return xs.isEmpty() ? "-" : String.format(Locale.ROOT, "median %.1f ms, p90 %.1f ms, max %.1f ms",
          xs.get(xs.size() / 2) / 1e6, xs.get(xs.size() * 9 / 10) / 1e6, xs.get(xs.size() - 1) / 1e6);
    }

    private void note(HttpRequest request, HttpResponse r, long start) {
      latencies.add(System.nanoTime() - start);
      String async = r.getHeaderValue("Azure-AsyncOperation");
      if (async != null) {
        postEndByOp.put(async.replaceAll(".*/operations/(\\d+)/.*", "$1"), System.nanoTime());
      }
      String path = request.getUrl().getPath();
      if (path.matches("/operations/\\d+/(async|result)")) {
        String op = path.split("/")[2];
        Long end = postEndByOp.get(op);
        if (end != null && path.endsWith("/async")) {
          gapByOp.putIfAbsent(op, start - end);
        }
        Long previous = lastAnswerByOp.put(op, System.nanoTime());
        if (previous != null) {
          (path.endsWith("/async") ? pollWaits : resultWaits).add(start - previous);
        }
      }
    }

    /** True when the poller waited (over half the poll interval) between the POST's answer and its first poll. */
    boolean waitBeforeFirstPoll() {
      long median = gapByOp.values().stream().sorted().skip(gapByOp.size() / 2).findFirst().orElse(0L);
      System.out.printf(Locale.ROOT, "  gap POST answer -> first status poll, median over %d operations: %.1f ms%n",
          gapByOp.size(), median / 1e6);
      return median > pollNanos / 2;
    }
  }
}
