package dev.lbtriage.engine.gather.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbtriage.engine.gather.LoadBalancerSummary;
import dev.lbtriage.engine.gather.Progress;
import dev.lbtriage.rules.facts.AzureFacts;
import dev.lbtriage.rules.facts.LbSku;
import dev.lbtriage.rules.facts.LoadBalancer;
import dev.lbtriage.rules.facts.MetricSeries;
import dev.lbtriage.rules.facts.ProbeProtocol;
import java.time.Instant;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class StandardAndMetricsSnapshotTest {

  private final SnapshotReader reader = Snapshots.reader("standard-crudprobe");
  private final AzureFacts facts = reader.gather("LB24987", Progress.none());

  @Test
  void the_load_balancer_is_listed_as_standard_internal() {
    assertThat(reader.loadBalancers()).extracting(LoadBalancerSummary::name, LoadBalancerSummary::sku,
        LoadBalancerSummary::internal).containsExactly(org.assertj.core.groups.Tuple.tuple("lb24987", LbSku.STANDARD, true));
  }

  @Test
  void http_and_https_probes_two_rules_and_two_empty_pools_are_read() {
    LoadBalancer lb = facts.loadBalancers().get(0);
    assertThat(lb.probes()).extracting("protocol").containsExactly(ProbeProtocol.HTTP, ProbeProtocol.HTTPS);
    assertThat(lb.rules()).hasSize(2);
    assertThat(lb.rules().get(1).probeId()).isNull();
    assertThat(lb.pools()).hasSize(2).allMatch(p -> p.members().isEmpty());
    assertThat(facts.subnets()).extracting("name").containsExactly("subnet1");
  }

  @Test
  void metrics_are_read_with_names_and_dimensions_in_any_case() {
    assertThat(facts.metrics()).hasSize(3);
    MetricSeries first = facts.metrics().get(0);
    assertThat(first.is("DipAvailability")).isTrue();
    assertThat(first.metric()).isEqualTo("dipavailability");
    assertThat(first.resourceId()).isEqualToIgnoringCase(facts.loadBalancers().get(0).id());
    assertThat(first.dimension("BACKENDIPADDRESS")).isEqualTo("172.18.0.5");
    assertThat(first.dimension("protocoltype")).isEqualTo("TCP");
    assertThat(first.points()).hasSize(5);
    assertThat(first.points().get(2).time()).isEqualTo(Instant.parse("2026-11-25T10:02:00Z"));
    assertThat(first.points().get(2).average()).isEqualTo(0.0);
    assertThat(first.points().get(2).maximum()).isNull();
    assertThat(facts.metrics().get(2).is("vipavailability")).isTrue();
    assertThat(facts.metrics().get(2).dimension("FrontendIPAddress")).isEqualTo("172.18.0.4");
    assertThat(facts.problems()).isEmpty();
  }
}
