package dev.lbtriage.bot.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bundle} typed in {@code lb-triage chat} (a real child JVM over a bundled example): the zip is written to the
 * current folder, its path printed, and a second bundle never overwrites the first ({@code -1} suffix).
 */
class ChatBundleTest {
  @TempDir Path tmp;

  @Test
  void bundleWritesTheZipToTheCurrentFolderAndNeverOverwrites() throws Exception {
    Path work = Files.createDirectories(tmp.resolve("work"));
    Path shop = BundledExamples.find("probe-zero-vm-not-responding").orElseThrow().folder().toAbsolutePath();
    Files.writeString(work.resolve("lb-triage-bundle-lb-shop.zip"), "someone else's file");
    try (Child chat = Child.start(work, "chat", "--snapshot", shop.toString(), "--db", dev.lbtriage.engine.session.DataLocation.h2File(tmp.resolve("db")))) {
      chat.await(ChatLoop.YOU);
      chat.type("lb-shop health probe is down for 172.18.0.5");
      chat.await("Is the backend VM vm-shop-1 up");
      chat.await(ChatLoop.YOU);
      chat.type("no");
      chat.await(ChatLoop.YOU);
      chat.type("bundle");
      chat.await("lb-triage-bundle-lb-shop-1.zip");
      chat.await(ChatLoop.YOU);
      chat.type("bundle");
      chat.await("lb-triage-bundle-lb-shop-2.zip");
      chat.await(ChatLoop.YOU);
      chat.endInput();
      assertThat(chat.exit()).isZero();
      assertThat(chat.out()).contains("Wrote " + work.resolve("lb-triage-bundle-lb-shop-1.zip").toRealPath());
    }
    assertThat(Files.readString(work.resolve("lb-triage-bundle-lb-shop.zip"))).isEqualTo("someone else's file");
    String summary = entry(work.resolve("lb-triage-bundle-lb-shop-1.zip"), "lb-triage-bundle-lb-shop/SUMMARY.md");
    assertThat(summary).contains("`vm-responds`", "lb-shop health probe is down for 172.18.0.5");
    assertThat(work.resolve("lb-triage-bundle-lb-shop-2.zip")).isRegularFile();
  }

  private static String entry(Path zip, String name) throws IOException {
    try (ZipFile z = new ZipFile(zip.toFile())) {
      ZipEntry e = z.getEntry(name);
      assertThat(e).as(name + " in " + zip).isNotNull();
      try (InputStream in = z.getInputStream(e)) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
  }
}
