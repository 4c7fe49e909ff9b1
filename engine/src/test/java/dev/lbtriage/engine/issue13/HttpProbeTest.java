package dev.lbtriage.engine.issue13;

import static dev.lbtriage.engine.issue13.Issue13Snapshots.diagnose;
import static dev.lbtriage.engine.issue13.Issue13Snapshots.example;
import static dev.lbtriage.engine.issue13.Issue13Snapshots.finding;
import static dev.lbtriage.engine.issue13.Issue13Snapshots.issue13;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lbtriage.engine.diagnosis.Diagnosis;
import dev.lbtriage.rules.diagnosis.Answer;
import dev.lbtriage.rules.diagnosis.Backend;
import dev.lbtriage.rules.diagnosis.Classify;
import dev.lbtriage.rules.diagnosis.LiveCheck;
import dev.lbtriage.rules.diagnosis.ProbeFlow;
import dev.lbtriage.rules.diagnosis.Verdict;
import dev.lbtriage.rules.facts.AzureFacts;
import dev.lbtriage.rules.facts.HealthProbe;
import dev.lbtriage.rules.facts.PowerState;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** HTTP(S) probes count only a 200 as up; Azure does not probe HTTP on some ports; IPv6 is not evaluated as IPv4. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class HttpProbeTest {
  static final Path SHOP = example("probe-zero-vm-not-responding"); // lb-shop: httpProbe Http 80 path /, 172.18.0.5 at 0 %

  static LiveCheck http(String host, int status) {
    return new LiveCheck(host, 80, LiveCheck.HTTP, 3, status == 200 ? 3 : 0,
        "HTTP GET to http://" + host + ":80/: Sent = 3, Received = " + (status == 200 ? 3 : 0) + "; HTTP " + status, "/", status);
  }

  @Test
  void confirmed_a_live_check_saw_the_probe_path_answer_404_though_the_port_listens() {
    Diagnosis d = diagnose(SHOP, "probe-down", List.of(), List.of(http("172.18.0.5", 404)));
    Diagnosis.CauseFinding f = finding(d, "probe-misconfigured");
    assertThat(f.status()).isEqualTo("confirmed");
    assertThat(f.subjects()).containsExactly("172.18.0.5");
    assertThat(f.evidence()).anySatisfy(e -> assertThat(e).contains("GET / on port 80 answers HTTP 404", "only HTTP 200"));
    assertThat(f.evidence()).anySatisfy(e -> assertThat(e).contains("probe httpProbe: Http port 80 path /", "every 15 s", "numberOfProbes 2", "(lb.json)"));
    assertThat(finding(d, "probe-port-not-listening").status()).isEqualTo("ruled-out");
    assertThat(finding(d, "vm-unhealthy").status()).isNotEqualTo("confirmed");
  }

  @Test
  void ruled_out_a_live_check_saw_the_probe_path_answer_200() {
    Diagnosis d = diagnose(SHOP, "probe-down", List.of(), List.of(http("172.18.0.5", 200)));
    Diagnosis.CauseFinding f = finding(d, "probe-misconfigured");
    assertThat(f.status()).isEqualTo("ruled-out");
    assertThat(f.evidence()).anySatisfy(e -> assertThat(e).contains("answers HTTP 200"));
  }

  @Test
  void asked_for_once_the_port_listens_the_status_of_the_probe_path_is_asked_with_a_command() {
    Diagnosis d = diagnose(SHOP, "probe-down", List.of(new Answer("probe-port-listening", "yes")), List.of());
    assertThat(d.questions()).filteredOn(q -> q.id().equals("probe-path-status")).singleElement().satisfies(q -> {
      assertThat(q.subject()).isEqualTo("172.18.0.5");
      assertThat(q.text()).contains("GET / on port 80").doesNotContain("{").doesNotContain("<");
      assertThat(q.how().toString()).contains("curl -s -o /dev/null -D - http://172.18.0.5:80/");
    });
    assertThat(diagnose(SHOP, "probe-down", List.of(), List.of()).questions()).extracting(Diagnosis.OpenQuestion::id)
        .as("not before the port is known to listen").doesNotContain("probe-path-status");
  }

  @Test
  void the_answer_to_the_status_question_decides_and_an_unknown_status_stays_suspected() {
    List<Answer> listening = List.of(new Answer("probe-port-listening", "yes"));
    Diagnosis redirected = diagnose(SHOP, "probe-down",
        List.of(listening.get(0), new Answer("probe-path-status", "HTTP/1.1 301 Moved Permanently")), List.of());
    assertThat(finding(redirected, "probe-misconfigured").status()).isEqualTo("confirmed");
    assertThat(finding(redirected, "probe-misconfigured").evidence()).anySatisfy(e -> assertThat(e).contains("HTTP 301"));
    assertThat(finding(redirected, "probe-misconfigured").evidence()).as("only the probe of the backend's rule")
        .noneMatch(e -> e.contains("httpsProbe") || e.contains("port 443"));
    Diagnosis ok = diagnose(SHOP, "probe-down", List.of(listening.get(0), new Answer("probe-path-status", "200")), List.of());
    assertThat(finding(ok, "probe-misconfigured").status()).isEqualTo("ruled-out");
    Diagnosis unknown = diagnose(SHOP, "probe-down", List.of(listening.get(0), new Answer("probe-path-status", "unknown")), List.of());
    assertThat(finding(unknown, "probe-misconfigured").status()).isEqualTo("suspected");
  }

  @Test
  void confirmed_an_http_probe_on_port_25_is_a_port_azure_does_not_probe_over_http() {
    Diagnosis d = diagnose(issue13("http-probe-port-25"), "probe-down", List.of(), List.of());
    Diagnosis.CauseFinding f = finding(d, "probe-misconfigured");
    assertThat(f.status()).isEqualTo("confirmed");
    assertThat(f.evidence()).anySatisfy(e -> assertThat(e).contains("19, 21, 25, 70, 110, 119, 143, 220 and 993", "port 25"));
    assertThat(diagnose(SHOP, "probe-down", List.of(), List.of()).findings())
        .noneMatch(x -> x.evidence().stream().anyMatch(e -> e.contains("does not probe HTTP")));
  }

  @Test
  void an_ipv6_backend_is_reported_as_not_evaluated_never_as_an_ipv4_verdict() {
    AzureFacts facts = Issue13Snapshots.facts(SHOP);
    HealthProbe probe = facts.loadBalancers().get(0).probes().get(0);
    Backend v6 = new Backend(facts.loadBalancers().get(0).id(), "pool", "fd00:db8::5", null, null, "vm6", null,
        PowerState.RUNNING, null);
    var rule = facts.loadBalancers().get(0).rules().get(0);
    ProbeFlow flow = Classify.probeFlow(facts, v6, rule, probe);
    assertThat(flow.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(flow.evidence()).contains("IPv6", "link-local", "not evaluated");
    var data = Classify.dataFlow(facts, facts.loadBalancers().get(0), v6, rule, null);
    assertThat(data.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(data.evidence()).contains("IPv6", "not evaluated");
  }
}
