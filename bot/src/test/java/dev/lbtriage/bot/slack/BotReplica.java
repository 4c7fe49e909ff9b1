package dev.lbtriage.bot.slack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One bot replica: a real {@code lb-triage slack --http} JVM ({@code dev.lbtriage.bot.cli.Main} on the test class
 * path) on a free loopback port, talking to its own fake Slack Web API and to the shared store {@code --db}.
 */
final class BotReplica implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+/slack/events)");
  private final Process process;
  private final StringBuffer err = new StringBuffer();
  private final URI events;

  private BotReplica(Process process, URI events) {
    this.process = process;
    this.events = events;
  }

  static BotReplica start(Path home, String apiUrl, String db, Duration lease, Path snapshot) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), "dev.lbtriage.bot.cli.Main",
        "slack", "--http", "--bind", "127.0.0.1", "--port", "0", "--snapshot", snapshot.toString(), "--db", db));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    pb.environment().remove("LB_TRIAGE_DB");
    pb.environment().put("HOME", home.toString());
    pb.environment().put("XDG_DATA_HOME", home.resolve("data").toString());
    pb.environment().put("SLACK_BOT_TOKEN", FakeSlackApi.TOKEN);
    pb.environment().put("SLACK_SIGNING_SECRET", SignedSlack.SECRET);
    pb.environment().put("SLACK_API_URL", apiUrl);
    pb.environment().put("LB_TRIAGE_TURN_LEASE", lease.toString());
    pb.environment().put("LB_TRIAGE_LOG", "info");
    Process p = pb.start();
    StringBuffer err = new StringBuffer();
    BufferedReader reader = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      err.append(line).append('\n');
      Matcher m = LISTENING.matcher(line);
      if (m.find()) {
        BotReplica r = new BotReplica(p, URI.create(m.group(1)));
        r.err.append(err);
        Thread pump = new Thread(() -> {
          try {
            for (String l = reader.readLine(); l != null; l = reader.readLine()) {
              r.err.append(l).append('\n');
            }
          } catch (IOException ignored) {
            // the process is gone
          }
        });
        pump.setDaemon(true);
        pump.start();
        return r;
      }
      if (System.nanoTime() > deadline) {
        break;
      }
    }
    p.destroyForcibly();
    throw new IllegalStateException("the replica did not start:\n" + err);
  }

  URI events() {
    return events;
  }

  String stderr() {
    return err.toString();
  }

  /** SIGKILL: no shutdown hook, no close, the store connection just drops. */
  int kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(60, TimeUnit.SECONDS);
    return process.exitValue();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }
}
