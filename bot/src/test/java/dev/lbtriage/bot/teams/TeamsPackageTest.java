package dev.lbtriage.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lbtriage.bot.cli.Main;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lb-triage teams package}: the zip Teams takes, with a complete manifest (schema 1.29) and both icons. */
class TeamsPackageTest {
  @TempDir Path dir;

  @Test
  void the_package_holds_a_complete_manifest_and_icons_of_the_right_sizes() throws Exception {
    Path zip = dir.resolve("app.zip");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(new PrintWriter(out), new PrintWriter(err), "teams", "package", "--app-id", BotFrameworkKeys.APP_ID,
        "--website-url", "https://wiki.example.com/lb-triage", "--app-version", "1.2.0", "-o", zip.toString());
    assertThat(exit).as(err.toString()).isZero();
    assertThat(out.toString()).contains("Wrote").contains("Upload an app");
    Map<String, byte[]> entries = new HashMap<>();
    try (ZipFile z = new ZipFile(zip.toFile())) {
      for (ZipEntry e : java.util.Collections.list(z.entries())) {
        entries.put(e.getName(), z.getInputStream(e).readAllBytes());
      }
    }
    assertThat(entries).containsOnlyKeys("manifest.json", "color.png", "outline.png");
    String text = new String(entries.get("manifest.json"), StandardCharsets.UTF_8);
    assertThat(text).doesNotContain("{{").doesNotContain("}}").doesNotContain("<<");
    JsonNode manifest = Activities.JSON.readTree(text);
    assertThat(manifest.path("manifestVersion").asText()).isEqualTo("1.29");
    assertThat(manifest.path("version").asText()).isEqualTo("1.2.0");
    assertThat(manifest.path("id").asText()).isEqualTo(BotFrameworkKeys.APP_ID);
    JsonNode bot = manifest.path("bots").path(0);
    assertThat(bot.path("botId").asText()).isEqualTo(BotFrameworkKeys.APP_ID);
    assertThat(bot.path("scopes").toString()).isEqualTo("[\"personal\",\"team\",\"groupChat\"]");
    assertThat(bot.path("supportsFiles").asBoolean()).as("the file consent flow needs supportsFiles").isTrue();
    assertThat(bot.path("commandLists").path(0).path("commands").size()).isBetween(1, 12);
    assertThat(manifest.path("developer").path("privacyUrl").asText()).isEqualTo("https://wiki.example.com/lb-triage");
    for (String required : new String[] {"manifestVersion", "version", "id", "developer", "name", "description", "icons", "accentColor"}) {
      assertThat(manifest.has(required)).as(required).isTrue();
    }
    BufferedImage color = ImageIO.read(new ByteArrayInputStream(entries.get("color.png")));
    BufferedImage outline = ImageIO.read(new ByteArrayInputStream(entries.get("outline.png")));
    assertThat(color.getWidth()).isEqualTo(192);
    assertThat(color.getHeight()).isEqualTo(192);
    assertThat(outline.getWidth()).isEqualTo(32);
    assertThat(outline.getHeight()).isEqualTo(32);
    assertThat(outline.getRGB(0, 0) >>> 24).as("the outline icon is transparent around the drawing").isZero();
  }

  @Test
  void a_bot_id_that_is_not_a_guid_is_one_line() {
    StringWriter err = new StringWriter();
    int exit = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "teams", "package", "--app-id", "my-bot",
        "--website-url", "https://wiki.example.com", "-o", dir.resolve("x.zip").toString());
    assertThat(exit).isEqualTo(Main.EXIT_BAD_INPUT);
    assertThat(err.toString()).contains("must be a GUID").doesNotContain("Exception");
    assertThat(dir.resolve("x.zip")).doesNotExist();
  }
}
