package dev.lbtriage.bot.slack;

import static dev.lbtriage.bot.testing.Eventually.eventually;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Load check, not a unit test: a burst of N signed {@code app_mention} events (each its own thread, so N
 * conversations) against the real Bolt app in our Jetty on loopback, with a fake Web API. Reports ack latency
 * p50/p99/max, then checks that every event got exactly one conversation turn and that a redelivery of each was
 * not answered again.
 *
 * <p>Run (from the repository root, after {@code ./mvnw -B -ntp -q -pl bot test-compile}): {@code ./mvnw -B -ntp -q -pl bot
 * dependency:build-classpath -Dmdep.outputFile=target/test-cp.txt -Dmdep.includeScope=test} then {@code java -cp
 * bot/target/classes:bot/target/test-classes:$(cat bot/target/test-cp.txt) dev.lbtriage.bot.slack.SlackAckLoad 1000 32}
 * (events, concurrent senders). Default bounds: 1,000 waiting turns, so a burst much larger than that is refused
 * by design (logged), not queued without end.
 */
public final class SlackAckLoad {

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int senders = args.length > 1 ? Integer.parseInt(args[1]) : 16;
    try (FakeSlackApi api = new FakeSlackApi()) {
      FakeConversations conversations = new FakeConversations();
      SlackSettings settings = SlackSettings.of(FakeSlackApi.TOKEN, SignedSlack.SECRET, null).withApiUrl(api.apiUrl()).withChannelInterval(Duration.ZERO);
      try (SlackBot bot = new SlackBot(settings, conversations); SlackServer server = new SlackServer(bot.app(), "127.0.0.1", 0).start()) {
        SignedSlack slack = new SignedSlack(server.eventsUri());
        for (int i = 0; i < 200; i++) { // warm-up on its own channel
          slack.event(SignedSlack.mention("EvW" + i, "CWARM", "1600000000." + (100000 + i), null, "U1", "warm up"));
        }
        eventually(Duration.ofSeconds(60), () -> check(conversations.turns().size() == 200, "warm-up turns"));
        long[] nanos = burst(slack, n, senders, "Ev", null);
        long[] retries = burst(slack, n, senders, "Ev", "1");
        eventually(Duration.ofSeconds(120), () -> check(conversations.turns().size() == 200 + n, "turns " + conversations.turns().size()));
        Thread.sleep(500); // let any (wrong) second answer to a redelivery show up before counting
        long loadTurns = conversations.turns().stream().filter(t -> t.key().startsWith("CLOAD:")).count();
        long distinct = conversations.turns().stream().filter(t -> t.key().startsWith("CLOAD:")).map(FakeConversations.Turn::key).distinct().count();
        System.out.printf("events=%d senders=%d%n", n, senders);
        System.out.printf("ack latency first delivery: %s%n", stats(nanos));
        System.out.printf("ack latency redelivery:     %s%n", stats(retries));
        System.out.printf("turns=%d distinct threads=%d (expected %d each): lost=%d answered twice=%d%n", loadTurns, distinct, n, n - distinct, loadTurns - distinct);
      }
    }
  }

  private static long[] burst(SignedSlack slack, int n, int senders, String prefix, String retryNum) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(senders);
    try {
      List<Future<Long>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        String body = SignedSlack.mention(prefix + i, "CLOAD", "1700000000." + (100000 + i), null, "U1", "burst " + i);
        futures.add(pool.submit(() -> {
          long start = System.nanoTime();
          HttpResponse<String> r = retryNum == null ? slack.event(body)
              : slack.send("application/json", body, SignedSlack.now(), SignedSlack.SECRET, java.util.Map.of("X-Slack-Retry-Num", retryNum, "X-Slack-Retry-Reason", "http_timeout"));
          long took = System.nanoTime() - start;
          check(r.statusCode() == 200, "status " + r.statusCode());
          return took;
        }));
      }
      long[] nanos = new long[n];
      for (int i = 0; i < n; i++) {
        nanos[i] = futures.get(i).get();
      }
      return nanos;
    } finally {
      pool.shutdown();
    }
  }

  private static String stats(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return String.format("p50=%.1f ms p99=%.1f ms max=%.1f ms", ms(sorted[sorted.length / 2]), ms(sorted[(int) Math.ceil(sorted.length * 0.99) - 1]), ms(sorted[sorted.length - 1]));
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }

  private static void check(boolean ok, String what) {
    if (!ok) {
      throw new AssertionError(what);
    }
  }
}
