package dev.lbtriage.bot.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * From a jar the examples go to the user's own data folder, never a fixed folder of the shared
 * {@code /tmp} that another user of the machine could create or fill first.
 */
class BundledExamplesTest {
  @TempDir Path dir;

  private Path jar() throws IOException {
    Path jar = dir.resolve("lb-triage.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      for (String name : new String[] {"examples/README.md", "examples/healthy/lb.json", "examples/healthy-too/lb.json",
          "examples/vm-deallocated/lb.json", "examples/../escape.txt", "other/x.txt"}) {
        out.putNextEntry(new JarEntry(name));
        out.write(name.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
    return jar;
  }

  @Test
  void examples_are_extracted_into_the_users_data_folder_not_the_shared_temp_folder() throws IOException {
    Path data = dir.resolve("home/.local/share/lb-triage");
    try (JarFile jar = new JarFile(jar().toFile())) {
      Path root = BundledExamples.extract(jar, data);
      assertThat(root).isEqualTo(data.resolve("examples"));
      assertThat(root.resolve("healthy/lb.json")).hasContent("examples/healthy/lb.json");
      assertThat(root.resolve("README.md")).exists();
      assertThat(data.resolve("escape.txt")).doesNotExist();
      assertThat(root.resolve("x.txt")).doesNotExist();
      assertThat(root.toString()).doesNotStartWith(Path.of(System.getProperty("java.io.tmpdir"), "lb-triage-").toString());
    }
  }

  @Test
  void one_example_is_extracted_alone_at_the_same_place_as_with_all() throws IOException {
    Path data = dir.resolve("home/.local/share/lb-triage");
    try (JarFile jar = new JarFile(jar().toFile())) {
      Path root = BundledExamples.extract(jar, data, "healthy/");
      assertThat(root).isEqualTo(data.resolve("examples"));
      assertThat(root.resolve("healthy/lb.json")).hasContent("examples/healthy/lb.json");
      // not the others, not even one whose name starts the same
      assertThat(root.resolve("healthy-too")).doesNotExist();
      assertThat(root.resolve("vm-deallocated")).doesNotExist();
      assertThat(root.resolve("README.md")).doesNotExist();
    }
  }

  @Test
  void only_a_plain_folder_name_is_looked_up_alone() {
    assertThat(BundledExamples.isFolderName("nsg-deny-all-nic")).isTrue();
    assertThat(BundledExamples.isFolderName("v1.2_x")).isTrue();
    for (String bad : new String[] {"", ".", "..", "../healthy", "healthy/../x", "a\\b", ".hidden", "a b", "/etc"}) {
      assertThat(BundledExamples.isFolderName(bad)).as(bad).isFalse();
    }
  }

  @Test
  void an_example_found_alone_is_the_one_the_list_has() {
    for (dev.lbtriage.engine.scenario.Scenario listed : BundledExamples.list()) {
      assertThat(BundledExamples.find(listed.name())).contains(listed);
      assertThat(BundledExamples.find(" " + listed.name().toUpperCase(java.util.Locale.ROOT) + " ")).contains(listed);
    }
    assertThat(BundledExamples.find("../examples")).isEmpty();
    assertThat(BundledExamples.find("nope")).isEmpty();
  }

  @Test
  void when_the_data_folder_cannot_be_written_a_private_temporary_folder_is_used() throws IOException {
    Path blocked = Files.writeString(dir.resolve("not-a-folder"), "a file where the data folder would be");
    try (JarFile jar = new JarFile(jar().toFile())) {
      Path root = BundledExamples.extract(jar, blocked);
      try {
        assertThat(root.resolve("healthy/lb.json")).exists();
        assertThat(root.getFileName().toString()).startsWith("lb-triage-examples-");
        if (root.getFileSystem().supportedFileAttributeViews().contains("posix")) {
          assertThat(Files.getPosixFilePermissions(root)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
              PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);
        }
      } finally {
        try (var walk = Files.walk(root)) {
          walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    }
  }
}
