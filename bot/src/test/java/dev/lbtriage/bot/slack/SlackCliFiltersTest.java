package dev.lbtriage.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbtriage.bot.cli.CliProcess;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lb-triage slack} takes the same filters and Azure flags as chat, as a real process against a fake Slack API. */
class SlackCliFiltersTest {
  @TempDir Path tmp;

  @Test
  void a_resource_group_nothing_passes_is_refused_before_the_bot_starts() throws Exception {
    try (FakeSlackApi slack = new FakeSlackApi()) {
      Map<String, String> env = env(slack);
      CliProcess.Result r = CliProcess.run(tmp, env, "slack", "--http", "--port", "0", "--snapshot",
          Path.of("..", "examples", "nsg-deny-all-nic").toAbsolutePath().toString(), "-g", "wrong-rg");

      assertThat(r.exit()).isEqualTo(2);
      assertThat(r.errLines()).singleElement().asString()
          .startsWith("lb-triage slack: nothing to triage: no load balancer in snapshot folder").endsWith("resource group wrong-rg");
    }
  }

  @Test
  void slack_azure_without_a_login_says_what_to_do() throws Exception {
    try (FakeSlackApi slack = new FakeSlackApi()) {
      Map<String, String> env = env(slack);
      for (String v : List.of("AZURE_CLIENT_ID", "AZURE_TENANT_ID", "AZURE_CLIENT_SECRET", "IDENTITY_ENDPOINT", "MSI_ENDPOINT")) {
        env.put(v, null);
      }
      env.put("PATH", "/usr/bin:/bin");
      CliProcess.Result r = CliProcess.run(tmp, env, "slack", "--http", "--port", "0", "--azure", "--subscription",
          "00000000-0000-0000-0000-000000000000", "-g", "rg-web", "--arm-endpoint", "https://127.0.0.1:1/",
          "--authority-host", "https://127.0.0.1:1/");

      assertThat(r.exit()).isEqualTo(1);
      assertThat(r.errLines()).singleElement().asString().startsWith("lb-triage slack: not signed in to Azure: run az login");
    }
  }

  private Map<String, String> env(FakeSlackApi slack) throws Exception {
    Map<String, String> env = CliProcess.freshHome(tmp);
    env.put("SLACK_BOT_TOKEN", FakeSlackApi.TOKEN);
    env.put("SLACK_SIGNING_SECRET", "not-a-real-secret");
    env.put("SLACK_API_URL", slack.apiUrl());
    return env;
  }
}
