package dev.lbtriage.engine.gather.graph;

import dev.lbtriage.engine.gather.Progress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Reads a fleet through Resource Graph: each query of {@link GraphQueries#ALL}, over subscription
 * batches, page by page with {@code $skipToken} ({@code $top} rows a page), into {@link FleetFacts}.
 * It keeps to the quota as Resource Graph's guidance asks: when {@code x-ms-user-quota-remaining}
 * reaches 0 it waits {@code x-ms-user-quota-resets-after} before the next request, and a 429 is
 * retried after that wait (or {@code Retry-After}, or {@link Options#defaultWait}), a few times at most.
 * A 5xx is retried once more; anything else fails the read with {@link GraphReadException}.
 */
public final class GraphReader {

  /** Waits; tests record instead of sleeping. */
  @FunctionalInterface
  public interface Waiter {
    void sleep(Duration d) throws InterruptedException;
  }

  /**
   * @param pageSize rows a page, {@code $top} (Resource Graph allows 1..1000)
   * @param batchSize subscriptions per request (Resource Graph's throttling guidance batches 1,000)
   * @param maxRetries how often a throttled (429) or failed (5xx) request is sent again
   * @param defaultWait the wait after a 429 that names none
   * @param maxWait the longest single wait
   */
  public record Options(int pageSize, int batchSize, int maxRetries, Duration defaultWait, Duration maxWait) {
    public Options {
      if (pageSize < 1 || pageSize > 1000) {
        throw new IllegalArgumentException("page size must be 1..1000, not " + pageSize);
      }
      if (batchSize < 1) {
        throw new IllegalArgumentException("batch size must be positive");
      }
    }

    public static Options defaults() {
      return new Options(1000, 1000, 3, Duration.ofSeconds(5), Duration.ofSeconds(60));
    }
  }

  private static final int MAX_PAGES = 100_000;

  private final GraphTransport transport;
  private final Options options;
  private final Waiter waiter;
  private final List<Duration> waits = new ArrayList<>();
  private int requests;
  private Integer quotaRemaining;
  private Duration resetsAfter;

  public GraphReader(GraphTransport transport, Options options, Waiter waiter) {
    this.transport = Objects.requireNonNull(transport, "transport");
    this.options = Objects.requireNonNull(options, "options");
    this.waiter = Objects.requireNonNull(waiter, "waiter");
  }

  public static GraphReader of(GraphTransport transport) {
    return new GraphReader(transport, Options.defaults(), d -> Thread.sleep(d.toMillis()));
  }

  /**
   * @param subscriptions subscription ids (empty with no management group: the whole tenant the identity can read)
   * @param managementGroups management group ids
   * @throws GraphReadException when Resource Graph refuses, fails, or keeps throttling
   */
  public FleetFacts read(List<String> subscriptions, List<String> managementGroups, Progress progress) {
    FleetFacts facts = new FleetFacts();
    List<List<String>> batches = new ArrayList<>();
    for (int i = 0; i < subscriptions.size(); i += options.batchSize()) {
      batches.add(List.copyOf(subscriptions.subList(i, Math.min(subscriptions.size(), i + options.batchSize()))));
    }
    if (batches.isEmpty()) {
      batches.add(List.of());
    }
    for (GraphQueries.Query q : GraphQueries.ALL) {
      for (int b = 0; b < batches.size(); b++) {
        String scope = batches.size() == 1 ? "" : " (subscriptions batch " + (b + 1) + "/" + batches.size() + ")";
        readAll(q, batches.get(b), managementGroups, scope, facts, progress);
      }
    }
    return facts;
  }

  private void readAll(GraphQueries.Query q, List<String> subs, List<String> mgs, String scope, FleetFacts facts,
      Progress progress) {
    String token = null;
    Set<String> tokens = new HashSet<>();
    int rows = 0;
    for (int page = 1; page <= MAX_PAGES; page++) {
      GraphPage p = send(q, subs, mgs, token);
      String source = "Resource Graph query " + q.name() + scope + ", page " + page;
      int before = facts.rows();
      facts.addData(p.data(), source);
      rows += facts.rows() - before;
      if (p.truncated()) {
        facts.resources().problem(source, "$.resultTruncated", "Resource Graph truncated this result; some resources are missing");
      }
      progress.update("query " + q.name() + scope + ", page " + page, rows, (int) Math.min(Integer.MAX_VALUE, p.totalRecords()));
      token = p.skipToken();
      if (token == null || token.isBlank()) {
        return;
      }
      if (!tokens.add(token)) {
        throw new GraphReadException(0, null, "Resource Graph returned the same $skipToken twice for query " + q.name()
            + "; stopped paging", null);
      }
    }
    throw new GraphReadException(0, null, "query " + q.name() + " had more than " + MAX_PAGES + " pages; stopped", null);
  }

  private GraphPage send(GraphQueries.Query q, List<String> subs, List<String> mgs, String token) {
    int attempt = 0;
    while (true) {
      if (quotaRemaining != null && quotaRemaining <= 0) {
        pause(resetsAfter != null ? resetsAfter : options.defaultWait());
        quotaRemaining = null;
      }
      requests++;
      try {
        GraphPage p = transport.query(q.kql(), subs, mgs, token, options.pageSize());
        quotaRemaining = p.quotaRemaining();
        resetsAfter = p.resetsAfter();
        return p;
      } catch (GraphReadException e) {
        boolean retry = (e.status() == 429 || e.status() >= 500) && attempt < options.maxRetries();
        if (!retry) {
          throw e;
        }
        attempt++;
        pause(e.status() == 429 ? (e.waitAsked() != null ? e.waitAsked() : options.defaultWait())
            : Duration.ofSeconds(attempt));
      }
    }
  }

  private void pause(Duration d) {
    Duration wait = d.compareTo(options.maxWait()) > 0 ? options.maxWait() : d;
    waits.add(wait);
    try {
      waiter.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GraphReadException(0, null, "interrupted while waiting for the Resource Graph quota", null);
    }
  }

  /** The waits so far, in order (quota resets and 429s). */
  public List<Duration> waits() {
    return List.copyOf(waits);
  }

  /** How many requests were sent. */
  public int requests() {
    return requests;
  }
}
