package dev.lbtriage.bot.cli;

import static dev.lbtriage.bot.cli.Cli.lines;
import static dev.lbtriage.bot.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.azure.identity.CredentialUnavailableException;
import dev.lbtriage.bot.cli.Cli.Result;
import dev.lbtriage.engine.gather.azure.StubArmAccess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;

/**
 * The az spellings against the stub Resource Manager: {@code --lb RG/NAME}, {@code -n}, {@code -g}
 * honoured (a wrong group never diagnoses the load balancer of another), {@code chat --azure -g}, and
 * no login as one line saying what to do.
 */
class AzureConventionsCliTest {
  private static final String RG = "rg164701";
  private static final String LB = "lb164701";
  private StubArmAccess stub;

  @TempDir Path tmp;

  @BeforeEach
  void startStub() throws Exception {
    stub = StubArmAccess.start(StubArmAccess.NATRULES);
    AzureTestHooks.use(StubArmAccess.credential(), StubArmAccess.options());
  }

  @AfterEach
  void stopStub() {
    AzureTestHooks.reset();
    stub.close();
  }

  private String[] azure(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--arm-endpoint", stub.endpoint(), "--authority-host", "https://login.invalid/",
        "--subscription", StubArmAccess.SUBSCRIPTION));
    return all.toArray(String[]::new);
  }

  @Test
  void diagnose_azure_takes_lb_as_resource_group_slash_name() {
    Result r = run(azure("diagnose", "--azure", "--lb", RG + "/" + LB, "--symptom-id", "probe-down", "-o", "json"));

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.json().path("loadBalancer").asText()).isEqualTo(StubArmAccess.LB);
    assertThat(AzureStubCliTest.status(r.json(), "vm-unhealthy")).isEqualTo("confirmed");
  }

  @Test
  void g_and_n_spell_the_resource_group_and_the_name_as_az_does() {
    Result r = run(azure("diagnose", "--azure", "-g", RG, "-n", LB, "--symptom-id", "probe-down", "-o", "table"));

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out().lines().findFirst().orElseThrow()).matches("SYMPTOM +LOAD BALANCER +STATUS +CAUSE +EVIDENCE");
    assertThat(r.out()).containsPattern("probe-down +" + LB + " +confirmed +vm-unhealthy +");
  }

  @Test
  void a_resource_group_that_is_given_is_honoured_whatever_lb_says() {
    long before = stub.requests();
    Result byList = run(azure("diagnose", "--azure", "--resource-group", "wrong-rg", "--symptom-id", "probe-down"));
    Result byRgName = run(azure("diagnose", "--azure", "-g", "wrong-rg", "--lb", RG + "/" + LB, "--symptom-id", "probe-down"));
    Result byId = run(azure("diagnose", "--azure", "-g", "wrong-rg", "--lb", StubArmAccess.LB, "--symptom-id", "probe-down"));

    for (Result r : List.of(byList, byRgName, byId)) {
      assertThat(r.exit()).as(r.err()).isEqualTo(2);
      assertThat(r.out()).as("no diagnosis of the load balancer in " + RG).isEmpty();
      assertThat(lines(r.err())).as(r.err()).isLessThanOrEqualTo(1);
    }
    assertThat(byList.err()).contains("no load balancer in").contains("resource group wrong-rg");
    assertThat(byRgName.err()).contains("is in resource group " + RG + ", not in wrong-rg (--resource-group)");
    assertThat(byId.err()).contains("is in resource group " + RG + ", not in wrong-rg (--resource-group)");
    assertThat(stub.requests() - before).as("nothing behind the load balancer was read").isLessThan(5);
  }

  @Test
  void chat_azure_takes_the_filters_too() {
    Result wrong = run(azure("chat", "--azure", "-g", "wrong-rg", "--db", tmp.resolve("s").toString()));

    assertThat(wrong.exit()).isEqualTo(2);
    assertThat(wrong.err()).startsWith("lb-triage chat: nothing to triage: no load balancer in Azure")
        .contains("resource group wrong-rg");
    assertThat(lines(wrong.err())).isEqualTo(1);
  }

  @Test
  void a_turn_that_fails_inside_the_chat_is_one_notice_and_where_the_details_are_then_the_chat_goes_on() {
    stub.failAlways(StubArmAccess.LB, 500, "InternalServerError");
    java.io.InputStream before = System.in;
    System.setIn(new java.io.ByteArrayInputStream(
        "The backends of lb164701 are unhealthy in the health probe status since 10:00.\nquit\n".getBytes(
            java.nio.charset.StandardCharsets.UTF_8)));
    Result r;
    try {
      r = run(azure("chat", "--azure", "--db", tmp.resolve("s").toString()));
    } finally {
      System.setIn(before);
    }

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("Something went wrong on my side").contains("That turn failed (run again with --debug for details).")
        .doesNotContain("\tat ");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void no_azure_login_is_one_line_saying_what_to_do_and_exit_1() {
    AzureTestHooks.use(request -> Mono.error(new CredentialUnavailableException(
        "EnvironmentCredential authentication unavailable.\nAzureCliCredential: Azure CLI not installed\n...")),
        AzureTestHooks.seam.options());
    long before = stub.requests();

    Result diagnose = run(azure("diagnose", "--azure", "--symptom-id", "probe-down"));
    Result chat = run(azure("chat", "--azure", "--db", tmp.resolve("s").toString()));

    for (Result r : List.of(diagnose, chat)) {
      assertThat(r.exit()).isEqualTo(1);
      assertThat(lines(r.err())).as(r.err()).isEqualTo(1);
      assertThat(r.err()).contains(": not signed in to Azure: run az login")
          .contains("AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET").doesNotContain("\tat ");
    }
    assertThat(stub.requests()).as("nothing sent to Resource Manager without a token").isEqualTo(before);
  }

  @Test
  void no_login_in_a_real_process_prints_no_sdk_warnings_and_names_the_log_file() throws Exception {
    Map<String, String> env = CliProcess.freshHome(tmp);
    for (String v : List.of("AZURE_CLIENT_ID", "AZURE_TENANT_ID", "AZURE_CLIENT_SECRET", "AZURE_USERNAME", "AZURE_FEDERATED_TOKEN_FILE",
        "IDENTITY_ENDPOINT", "MSI_ENDPOINT")) {
      env.put(v, null);
    }
    env.put("PATH", "/usr/bin:/bin");
    env.put("AZURE_SUBSCRIPTION_ID", StubArmAccess.SUBSCRIPTION);
    // the SDK's own credential chain, against an endpoint nothing listens on: only the token matters here
    CliProcess.Result r = CliProcess.run(tmp, env, "diagnose", "--azure", "--arm-endpoint", "https://127.0.0.1:1/",
        "--authority-host", "https://127.0.0.1:1/", "--symptom-id", "probe-down");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.errLines()).as(r.err()).singleElement().asString()
        .startsWith("lb-triage diagnose: not signed in to Azure: run az login")
        .contains("(details in " + tmp.resolve("data/lb-triage/lb-triage.log") + "; --debug shows them here)");
    assertThat(r.err()).doesNotContain("WARN").doesNotContain("ERROR");
    assertThat(tmp.resolve("data/lb-triage/lb-triage.log")).content().contains("no Azure access token");
  }
}
