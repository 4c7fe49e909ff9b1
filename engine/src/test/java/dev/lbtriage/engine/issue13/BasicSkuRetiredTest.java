package dev.lbtriage.engine.issue13;

import static dev.lbtriage.engine.issue13.Issue13Snapshots.diagnose;
import static dev.lbtriage.engine.issue13.Issue13Snapshots.example;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lbtriage.engine.diagnosis.Diagnosis;
import dev.lbtriage.engine.gather.LoadBalancerSummary;
import dev.lbtriage.engine.gather.snapshot.SnapshotReader;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** The Basic SKU was retired on 30 September 2025: the conclusion and show say so, with the upgrade path. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class BasicSkuRetiredTest {

  @Test
  void a_basic_load_balancer_gets_the_retirement_notice_with_the_upgrade_command_filled_in() {
    Diagnosis d = diagnose(example("nsg-deny-all-nic"), "probe-down", List.of(), List.of());
    assertThat(d.notices()).singleElement().satisfies(n -> assertThat(n)
        .contains("lb-web is Basic SKU", "retired on 30 September 2025",
            "Start-AzBasicLoadBalancerUpgrade -ResourceGroupName rg-web -BasicLoadBalancerName lb-web",
            "load-balancer-basic-upgrade-guidance")
        .doesNotContain("{").doesNotContain("<"));
  }

  @Test
  void a_standard_load_balancer_gets_no_such_notice() {
    assertThat(diagnose(example("probe-zero-vm-not-responding"), "probe-down", List.of(), List.of()).notices()).isEmpty();
  }

  @Test
  void the_load_balancer_list_carries_the_notice_for_show() {
    LoadBalancerSummary basic = new SnapshotReader(example("nsg-deny-all-nic")).loadBalancers().get(0);
    LoadBalancerSummary standard = new SnapshotReader(example("probe-zero-vm-not-responding")).loadBalancers().get(0);
    assertThat(basic.notice()).contains("retired on 30 September 2025");
    assertThat(standard.notice()).isNull();
  }
}
