package dev.lbtriage.engine.gather.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbtriage.engine.gather.Progress;
import dev.lbtriage.rules.facts.AzureFacts;
import dev.lbtriage.rules.facts.SnapshotProblem;
import dev.lbtriage.rules.facts.SnapshotProblem.Severity;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class BrokenSnapshotTest {

  private final SnapshotReader reader = Snapshots.reader("broken");
  private final AzureFacts all = reader.everything(Progress.none());

  private SnapshotProblem problemOf(String file) {
    assertThat(all.problems()).filteredOn(p -> p.file().equals(file)).as(file).hasSize(1);
    return all.problems().stream().filter(p -> p.file().equals(file)).findFirst().orElseThrow();
  }

  @Test
  void the_valid_files_are_still_read() {
    assertThat(all.loadBalancers()).extracting("name").containsExactly("lb", "lb-eighty", "lb-strings");
  }

  @Test
  void truncated_json_is_an_error_with_its_line() {
    SnapshotProblem p = problemOf("truncated.json");
    assertThat(p.severity()).isEqualTo(Severity.ERROR);
    assertThat(p.jsonPath()).isEqualTo("$");
    assertThat(p.message()).startsWith("not valid JSON").contains("line ");
  }

  @Test
  void a_string_where_a_probe_object_belongs_is_reported_and_the_other_probe_kept() {
    SnapshotProblem p = problemOf("string-for-object.json");
    assertThat(p.jsonPath()).isEqualTo("$.properties.probes[0]");
    assertThat(p.message()).contains("expected an object, found a string");
    assertThat(all.loadBalancers().get(2).probes()).extracting("name").containsExactly("probe-lb");
    assertThat(all.loadBalancers().get(2).rules()).hasSize(1);
  }

  @Test
  void a_probe_port_of_eighty_names_the_path_and_line_and_skips_only_that_probe() {
    SnapshotProblem p = problemOf("probe-port-eighty.json");
    assertThat(p.severity()).isEqualTo(Severity.ERROR);
    assertThat(p.jsonPath()).isEqualTo("$.properties.probes[1].properties.port");
    assertThat(p.message()).contains("must be an integer", "\"eighty\"").containsPattern("\\(line \\d+\\)");
    assertThat(all.loadBalancers().get(1).probes()).extracting("name").containsExactly("probe-lb");
  }

  @Test
  void a_nesting_bomb_beyond_the_depth_limit_is_refused() {
    SnapshotProblem p = problemOf("nesting-bomb.json");
    assertThat(p.severity()).isEqualTo(Severity.ERROR);
    assertThat(p.message()).containsIgnoringCase("nesting depth");
  }

  @Test
  void binary_and_non_utf8_files_are_errors_not_crashes() {
    assertThat(problemOf("binary.json").message()).contains("binary");
    assertThat(problemOf("latin1.json").message()).contains("not UTF-8");
  }

  @Test
  void a_json_string_as_the_whole_document_is_a_wrong_type_error() {
    SnapshotProblem p = problemOf("string-root.json");
    assertThat(p.jsonPath()).isEqualTo("$");
    assertThat(p.message()).contains("found a string");
  }

  @Test
  void an_unknown_resource_type_is_a_note() {
    SnapshotProblem p = problemOf("unknown-type.json");
    assertThat(p.severity()).isEqualTo(Severity.NOTE);
    assertThat(p.message()).isEqualTo("skipped resource of type Microsoft.Storage/storageAccounts");
  }

  @Test
  void gathering_a_load_balancer_keeps_every_file_problem() {
    AzureFacts facts = reader.gather("lb", Progress.none());
    assertThat(facts.loadBalancers()).extracting("name").containsExactly("lb");
    assertThat(facts.problems()).hasSize(8);
  }
}
