package dev.lbtriage.rules.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbtriage.rules.facts.AzureFacts;
import dev.lbtriage.rules.facts.Frontend;
import dev.lbtriage.rules.facts.HealthEvent;
import dev.lbtriage.rules.facts.LoadBalancer;
import dev.lbtriage.rules.facts.Origin;
import dev.lbtriage.rules.facts.PowerState;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Classification of health events, Resource Health, the SKU and IPv6 (Classification) and the rules over them, on hand-built facts (the snapshot-level tests are in the engine module). */
class HealthAndProbeSemanticsRulesTest {
  static final RuleEngine ENGINE = RuleEngine.fromClasspath();

  private static AzureFacts with(AzureFacts f, List<Frontend> frontends, List<HealthEvent> events) {
    LoadBalancer lb = f.loadBalancers().get(0);
    LoadBalancer changed = new LoadBalancer(lb.id(), lb.name(), lb.resourceGroup(), lb.location(), lb.sku(),
        frontends == null ? lb.frontends() : frontends, lb.probes(), lb.rules(), lb.natRules(), lb.pools(), lb.origin());
    return new AzureFacts(List.of(changed), f.networkInterfaces(), f.virtualMachines(), f.subnets(), f.virtualNetworks(),
        f.networkSecurityGroups(), f.effectiveSecurityRules(), f.routeTables(), f.effectiveRoutes(), f.vmScaleSets(), f.metrics(),
        f.publicIps(), f.missing(), f.problems(), events, List.of());
  }

  private static List<Notice> notices(AzureFacts facts, String symptom) {
    try (DiagnosisSession s = ENGINE.open(facts, new Triage(symptom, TestFacts.LB))) {
      s.run();
      return s.objects(Notice.class);
    }
  }

  @Test
  void an_ipv6_frontend_is_reported_as_not_evaluated_and_an_ipv4_one_is_not() {
    AzureFacts base = new TestFacts().vm("vm1", "10.0.0.4", PowerState.RUNNING).build();
    Frontend v6 = new Frontend(TestFacts.LB + "/frontendIPConfigurations/fe6", "fe6", TestFacts.LB, "fd00:db8::4", null, null, null);
    assertThat(notices(with(base, List.of(v6), List.of()), "probe-down")).singleElement().satisfies(n -> {
      assertThat(n.kind()).isEqualTo("ipv6-not-evaluated");
      assertThat(n.text()).contains("fd00:db8::4", "IPv6", "link-local");
    });
    assertThat(notices(base, "probe-down")).isEmpty();
  }

  @Test
  void data_path_events_show_the_data_path_symptom_and_say_it_is_the_platform() {
    AzureFacts base = new TestFacts().vm("vm1", "10.0.0.4", PowerState.RUNNING).build();
    HealthEvent critical = new HealthEvent(TestFacts.LB, HealthEvent.DATA_PATH_CRITICAL, "Critical", "20.1.2.3",
        "Data path availability below 25%", Instant.parse("2026-11-25T10:00:00Z"), new Origin(null, "health-events.json"));
    AzureFacts facts = with(base, null, List.of(critical));
    RuleOutcome out = ENGINE.diagnose(facts, new Triage("data-port-down", TestFacts.LB), List.of());
    assertThat(out.seen()).anySatisfy(s -> assertThat(s.evidence()).contains("DataPathAvailabilityCritical", "20.1.2.3"));
    assertThat(notices(facts, "data-port-down")).extracting(Notice::kind).containsExactly("platform-data-path");
    assertThat(ENGINE.diagnose(facts, new Triage("probe-down", TestFacts.LB), List.of()).seen())
        .as("not a probe symptom").noneMatch(s -> s.evidence().contains("DataPath"));
  }

  @Test
  void an_http_answer_that_is_not_200_is_an_answer_from_a_listening_port() {
    LiveCheck notFound = new LiveCheck("10.0.0.4", 80, LiveCheck.HTTP, 3, 0, "HTTP 404", "/health", 404);
    LiveCheck nothing = new LiveCheck("10.0.0.4", 80, LiveCheck.HTTP, 3, 0, "timed out", "/health", null);
    assertThat(notFound.answered()).isTrue();
    assertThat(notFound.silent()).isFalse();
    assertThat(notFound.httpNotOk()).isTrue();
    assertThat(nothing.silent()).isTrue();
    assertThat(notFound.samePath("/health")).isTrue();
    assertThat(notFound.samePath("/")).isFalse();
  }

  @Test
  void the_status_is_read_from_what_the_engineer_types() {
    assertThat(HttpProbeStatus.parse("HTTP/1.1 301 Moved Permanently")).isEqualTo(301);
    assertThat(HttpProbeStatus.parse("404")).isEqualTo(404);
    assertThat(HttpProbeStatus.parse("it says ok")).isNull();
    assertThat(HttpProbeStatus.parse("port 8080 answers")).as("not a status").isNull();
  }
}
