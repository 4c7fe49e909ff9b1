package dev.lbtriage.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** The channel card's summary of a bundle, read from the README's whole bundle (docs/bundle-example). */
class BundleSummaryTest {

  @Test
  void a_command_comment_in_a_code_block_is_not_a_title_and_the_support_request_fields_are_shown() throws IOException {
    String md = Files.readString(Path.of("..", "docs", "bundle-example", "SUMMARY.md"));
    assertThat(md).as("the example has commands under comment lines").contains("```bash\n# ");
    List<String> lines = BundleSummary.of(zip("ex/SUMMARY.md", md));
    assertThat(lines.get(0)).startsWith("# Support case: lb-web");
    assertThat(lines.subList(1, lines.size())).noneMatch(l -> l.startsWith("# "));
    assertThat(lines).contains("## Causes, with status and evidence", "## For the Azure support request")
        .anyMatch(l -> l.startsWith("Azure Load Balancer lb-web (BASIC, public, eastus)"));
  }

  private static byte[] zip(String name, String text) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(b)) {
      z.putNextEntry(new ZipEntry(name));
      z.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      z.closeEntry();
    }
    return b.toByteArray();
  }
}
