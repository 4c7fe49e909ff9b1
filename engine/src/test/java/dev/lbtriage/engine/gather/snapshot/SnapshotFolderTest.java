package dev.lbtriage.engine.gather.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lbtriage.engine.gather.Progress;
import dev.lbtriage.rules.facts.AzureFacts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SnapshotFolderTest {

  @TempDir
  Path tmp;

  @Test
  void a_missing_folder_is_a_clear_exception_naming_the_path() {
    Path missing = tmp.resolve("nope");
    assertThatThrownBy(() -> new SnapshotReader(missing)).isInstanceOf(SnapshotFolderException.class)
        .hasMessageContaining("does not exist").hasMessageContaining(missing.toString());
  }

  @Test
  void a_folder_without_json_files_is_a_clear_exception() throws IOException {
    Files.writeString(tmp.resolve("readme.txt"), "hello");
    assertThatThrownBy(() -> new SnapshotReader(tmp)).isInstanceOf(SnapshotFolderException.class)
        .hasMessageContaining("no *.json files").hasMessageContaining(tmp.toString());
  }

  @Test
  void files_are_read_recursively_in_sorted_order_with_progress() throws IOException {
    Path src = Snapshots.folder("internal-basic");
    Files.createDirectories(tmp.resolve("b/nested"));
    Files.copy(src.resolve("lb.json"), tmp.resolve("b/nested/lb.json"));
    Files.copy(src.resolve("vnet.json"), tmp.resolve("a.json"));
    List<String> seen = new ArrayList<>();
    SnapshotReader reader = new SnapshotReader(tmp);
    AzureFacts facts = reader.gather("lb", (step, done, total) -> seen.add(step + " " + done + "/" + total));
    assertThat(seen).startsWith("reading files 0/2", "reading files 1/2", "reading files 2/2");
    assertThat(facts.loadBalancers().get(0).origin().file()).isEqualTo("b/nested/lb.json");
    assertThat(reader.describe()).contains("(2 files)");
  }

  @Test
  void an_unknown_load_balancer_names_the_ones_there_are() {
    assertThatThrownBy(() -> Snapshots.reader("internal-basic").gather("other", Progress.none()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("it has: lb");
  }

  @Test
  void a_file_over_the_size_limit_is_skipped_with_an_error() throws IOException {
    Files.writeString(tmp.resolve("big.json"), "{\"type\":\"Microsoft.Network/loadBalancers\",\"id\":\"" + "x".repeat(200) + "\"}");
    AzureFacts facts = new SnapshotReader(tmp, new SnapshotLimits(100, 200, 1000)).everything(Progress.none());
    assertThat(facts.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("over the limit"));
  }

  @Test
  void json_paths_convert_to_pointers() {
    assertThat(JsonLines.toPointer("$.properties.probes[1].properties.port")).isEqualTo("/properties/probes/1/properties/port");
    assertThat(JsonLines.toPointer("$")).isEmpty();
    assertThat(JsonLines.toPointer("$['a/b']")).isEqualTo("/a~1b");
  }
}
