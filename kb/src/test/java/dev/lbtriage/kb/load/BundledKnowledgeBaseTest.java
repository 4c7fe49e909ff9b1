package dev.lbtriage.kb.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbtriage.kb.model.Cause;
import dev.lbtriage.kb.model.Check;
import dev.lbtriage.kb.model.KnowledgeBase;
import dev.lbtriage.kb.model.Placeholder;
import dev.lbtriage.kb.model.Question;
import dev.lbtriage.kb.model.SupportCapture;
import dev.lbtriage.kb.model.Symptom;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BundledKnowledgeBaseTest {

  private final KnowledgeBase kb = KnowledgeBaseLoader.loadBundled();

  @Test
  void the_bundled_knowledge_base_has_the_four_symptoms_in_index_order() {
    // given the KB shipped in the jar

    // when
    List<String> ids = kb.symptoms().stream().map(Symptom::id).toList();

    // then
    assertThat(ids).containsExactly("probe-down", "data-port-down", "vmss-backend-port-locked", "residual-traffic");
  }

  @Test
  void only_the_probe_and_data_path_symptoms_can_end_healthy_and_only_a_healthy_probe_settles_the_questions() {
    // given the KB shipped in the jar: a health check needs the probe metric and the flows, which only these two read

    // when
    List<String> canEndHealthy = kb.symptoms().stream().filter(s -> s.healthCheck() != null).map(Symptom::id).toList();
    List<String> settle = kb.symptoms().stream().filter(s -> s.healthCheck() != null && s.healthCheck().settlesQuestions())
        .map(Symptom::id).toList();

    // then
    assertThat(canEndHealthy).containsExactly("probe-down", "data-port-down");
    assertThat(settle).containsExactly("probe-down");
    assertThat(kb.symptoms()).filteredOn(s -> s.healthCheck() != null)
        .allSatisfy(s -> assertThat(s.healthCheck().leftToLookAt()).hasSizeGreaterThanOrEqualTo(3).noneMatch(String::isBlank));
  }

  @Test
  void only_the_scale_set_symptom_needs_a_fact_before_a_fleet_scan_runs_it() {
    // given the KB shipped in the jar: a scale set's health probe is what locks a rule's backend port

    // when
    java.util.Map<String, List<dev.lbtriage.kb.model.FactName>> needs = kb.symptoms().stream()
        .filter(s -> !s.scanNeeds().isEmpty()).collect(java.util.stream.Collectors.toMap(Symptom::id, Symptom::scanNeeds));

    // then
    assertThat(needs).containsExactly(java.util.Map.entry("vmss-backend-port-locked", List.of(dev.lbtriage.kb.model.FactName.VM_SCALE_SETS)));
  }

  @Test
  void each_symptom_has_exactly_its_causes_in_triage_order() {
    // given
    var causes = kb.symptoms().stream().collect(Collectors.toMap(
        Symptom::id, s -> s.causes().stream().map(Cause::id).toList()));

    // then
    assertThat(causes.get("probe-down"))
        .containsExactly("vm-unhealthy", "probe-port-not-listening", "probe-port-blocked", "probe-misconfigured");
    assertThat(causes.get("data-port-down"))
        .containsExactly("data-port-not-listening", "data-port-blocked", "same-vm-and-nic", "ilb-hairpin");
    assertThat(causes.get("vmss-backend-port-locked")).containsExactly("vmss-probe-locks-backend-port");
    assertThat(causes.get("residual-traffic")).containsExactly("platform-traffic");
  }

  @Test
  void the_eight_contract_questions_exist() {
    // when
    Set<String> ids = kb.questions().map(Question::id).collect(Collectors.toSet());

    // then
    assertThat(ids).contains("vm-responds", "probe-port-listening", "guest-firewall-allows-probe",
        "data-port-listening", "client-ip", "client-on-backend-vm", "same-nic", "changing-backend-port");
  }

  @Test
  void every_cause_has_a_check_a_resolution_and_an_az_command() {
    assertThat(kb.causes()).allSatisfy(c -> {
      assertThat(c.checks()).as(c.id()).isNotEmpty();
      assertThat(c.resolution()).as(c.id()).isNotEmpty();
      assertThat(c.commands()).as(c.id()).isNotEmpty().allSatisfy(cmd -> assertThat(cmd.command()).startsWith("az "));
    });
  }

  @Test
  void every_manual_check_asks_a_question_of_its_own_symptom() {
    assertThat(kb.symptoms()).allSatisfy(s -> {
      Set<String> asked = s.questions().stream().map(Question::id).collect(Collectors.toSet());
      assertThat(s.causes().stream().flatMap(c -> c.checks().stream()))
          .filteredOn(Check.Manual.class::isInstance)
          .allSatisfy(m -> assertThat(asked).contains(((Check.Manual) m).question()));
    });
  }

  @Test
  void every_placeholder_used_is_known() {
    // when
    List<String> names = KbTexts.of(kb).stream().flatMap(t -> Placeholders.namesIn(t).stream()).toList();

    // then
    assertThat(names).isNotEmpty().allSatisfy(n -> assertThat(Placeholder.byToken(n)).as(n).isPresent());
  }

  @Test
  void every_symptom_has_at_least_twelve_phrasings_and_some_keywords() {
    assertThat(kb.symptoms()).allSatisfy(s -> {
      assertThat(s.phrasings()).as(s.id()).hasSizeGreaterThanOrEqualTo(12).doesNotHaveDuplicates();
      assertThat(s.keywords()).as(s.id()).isNotEmpty();
    });
  }

  @Test
  void the_connectivity_symptoms_carry_the_seed_support_captures_for_windows_and_linux() {
    for (String id : List.of("probe-down", "data-port-down")) {
      List<SupportCapture> captures = kb.symptom(id).orElseThrow().supportCase();
      assertThat(captures).flatExtracting(SupportCapture::seedSections)
          .as(id).contains("Additional network captures", "Next steps");
      assertThat(captures).filteredOn(c -> c.seedSections().contains("Additional network captures"))
          .allSatisfy(c -> {
            assertThat(c.how().windows()).contains("psping");
            assertThat(c.how().linux()).isNotBlank();
          });
    }
  }

  @Test
  void every_question_says_how_to_check_it() {
    assertThat(kb.questions()).allSatisfy(q -> {
      assertThat(q.answer()).as(q.id()).isNotNull();
      assertThat(q.how()).as(q.id()).isNotNull();
    });
  }
}
