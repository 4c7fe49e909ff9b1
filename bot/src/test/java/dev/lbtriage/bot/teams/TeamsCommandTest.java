package dev.lbtriage.bot.teams;

import static dev.lbtriage.bot.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbtriage.bot.cli.CliProcess;
import dev.lbtriage.bot.cli.Main;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lb-triage teams} as a real child process: its refusals (one line, exit 2) and its development mode. */
class TeamsCommandTest {
  static final Map<String, String> NO_IDENTITY = new HashMap<>();

  static {
    for (String name : List.of(TeamsSettings.APP_ID, TeamsSettings.TENANT, TeamsSettings.TYPE, TeamsSettings.PASSWORD,
        TeamsSettings.CERTIFICATE, TeamsSettings.CERTIFICATE_PASSWORD)) {
      NO_IDENTITY.put(name, null);
    }
  }

  @TempDir Path dir;

  @Test
  void development_mode_refuses_to_listen_beyond_loopback() {
    CliProcess.Result r = CliProcess.run(dir, NO_IDENTITY, new byte[0], "teams", "--bind", "0.0.0.0", "--port", "0");
    assertThat(r.exit()).isEqualTo(Main.EXIT_BAD_INPUT);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).contains("development mode").contains("loopback only");
  }

  @Test
  void an_app_id_without_its_tenant_or_secret_is_one_line_naming_what_is_missing() {
    Map<String, String> env = new HashMap<>(NO_IDENTITY);
    env.put(TeamsSettings.APP_ID, BotFrameworkKeys.APP_ID);
    CliProcess.Result noTenant = CliProcess.run(dir, env, new byte[0], "teams", "--port", "0");
    assertThat(noTenant.exit()).isEqualTo(Main.EXIT_BAD_INPUT);
    assertThat(noTenant.errLines()).hasSize(1);
    assertThat(noTenant.err()).contains("MicrosoftAppTenantId");
    env.put(TeamsSettings.TENANT, "b28fdbfd-2b78-4f93-b0f8-8881793f0f8f");
    CliProcess.Result noSecret = CliProcess.run(dir, env, new byte[0], "teams", "--port", "0");
    assertThat(noSecret.exit()).isEqualTo(Main.EXIT_BAD_INPUT);
    assertThat(noSecret.err()).contains("MicrosoftAppPassword").contains("MicrosoftAppCertificatePath").doesNotContain("Exception");
    env.put(TeamsSettings.TYPE, "MultiTenant");
    env.put(TeamsSettings.PASSWORD, "not-a-real-secret");
    CliProcess.Result multi = CliProcess.run(dir, env, new byte[0], "teams", "--port", "0");
    assertThat(multi.exit()).isEqualTo(Main.EXIT_BAD_INPUT);
    assertThat(multi.err()).contains("SingleTenant").doesNotContain("not-a-real-secret");
  }

  @Test
  void development_mode_warns_loudly_and_answers_unauthenticated_activities_from_a_bundled_example() throws Exception {
    try (FakeConnector connector = new FakeConnector()) {
      ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), Main.class.getName(), "teams", "--port", "0")
          .directory(dir.toFile());
      NO_IDENTITY.keySet().forEach(pb.environment()::remove);
      pb.environment().put("LB_TRIAGE_DB", "jdbc:h2:file:" + dir.resolve("sessions").toAbsolutePath());
      pb.environment().put("HOME", dir.toString());
      pb.environment().put("XDG_DATA_HOME", dir.resolve("data").toString());
      pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
      Process p = pb.start();
      try {
        StringBuilder err = new StringBuilder();
        CompletableFuture<URI> listening = CompletableFuture.supplyAsync(() -> {
          Pattern at = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+/api/messages)");
          try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
              err.append(line).append('\n');
              Matcher m = at.matcher(line);
              if (m.find()) {
                return URI.create(m.group(1));
              }
            }
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
          throw new AssertionError("never listened:\n" + err);
        });
        URI uri = listening.get(120, TimeUnit.SECONDS);
        assertThat(err.toString()).contains("DEVELOPMENT MODE - NO AUTHENTICATION").contains("loopback only");
        // an activity with no token at all is answered, and the reply carries no token either
        ObjectNode message = new Activities(connector.serviceUrl()).personal("All my backends show 0% in Health Probe Status");
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri)
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(message.toString())).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        eventually(() -> assertThat(connector.delivered()).anySatisfy(c -> assertThat(c.body().path("attachments").size()).isEqualTo(1)));
        assertThat(connector.delivered()).allSatisfy(c -> assertThat(c.authorization()).isNull());
      } finally {
        p.destroy();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
          p.destroyForcibly().waitFor();
        }
      }
    }
  }
}
