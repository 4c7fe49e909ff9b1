package dev.lbtriage.bot.cli;

import static dev.lbtriage.bot.cli.Cli.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** In a real JVM with debug logging on, stdout in JSON mode holds the JSON and nothing else. */
class JsonStdoutTest {

  @Test
  void stdout_in_json_mode_is_one_json_document_even_with_debug_logging() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), "show", "--snapshot", snapshot("broken"), "--lb", "lb", "--format", "json"));
    pb.environment().put("LB_TRIAGE_LOG", "debug");
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    byte[] err = p.getErrorStream().readAllBytes();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(p.exitValue()).as(new String(err, StandardCharsets.UTF_8)).isZero();
    JsonNode j = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .readTree(new String(out, StandardCharsets.UTF_8));
    assertThat(j.path("loadBalancer").path("name").asText()).isEqualTo("lb");
    assertThat(j.path("problems")).hasSize(8);
    assertThat(new String(out, StandardCharsets.UTF_8)).startsWith("{").endsWith("}" + System.lineSeparator());
  }
}
