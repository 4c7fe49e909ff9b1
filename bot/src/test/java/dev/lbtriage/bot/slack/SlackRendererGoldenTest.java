package dev.lbtriage.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.slack.api.util.json.GsonFactory;
import dev.lbtriage.bot.Replies;
import dev.lbtriage.engine.conversation.Reply;
import dev.lbtriage.engine.message.Section;
import dev.lbtriage.engine.conversation.Reply.Choice;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the renderer makes of each kind of reply, compared structurally with {@code slack/golden/*.json}. The JSON is
 * the blocks as the SDK sends them. To accept a deliberate change: {@code -Dgolden.update=true} rewrites the files.
 */
class SlackRendererGoldenTest {

  static final Path GOLDEN = Path.of("src/test/resources/slack/golden");
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  static Stream<Arguments> replies() {
    return Stream.of(
        Arguments.of("text", Replies.text("Backends <10.0.0.4> & <10.0.0.5> stopped answering at 09:40.")),
        Arguments.of("text-emphasis", Replies.text("Diagnosis", true)),
        Arguments.of("prompt", new Reply.Prompt("probe-status", "Do the health probes fail?", "A failing probe takes a backend out of rotation.",
            List.of(Replies.how("Linux", "curl -v http://10.0.0.4:80/health"), Replies.how("Windows", "Test-NetConnection 10.0.0.4 -Port 80")),
            List.of(new Choice("Yes", "yes"), new Choice("No", "no"), new Choice("I don't know", "don't know")))),
        Arguments.of("findings", Replies.findings("Findings for lb-web", List.of(
            Replies.row("probe-blocked", "NSG blocks the probe", "confirmed", List.of("Rule deny-all (100) denies AzureLoadBalancer -> 80")),
            Replies.row("app-down", "The app does not listen", "suspected", List.of("No answer on 80", "Process list not given")),
            Replies.row("snat", "SNAT exhaustion", "ruled-out", List.of())))),
        Arguments.of("code", Replies.code("Check the probe from a backend", "bash", "curl -s -o /dev/null -w '%{http_code}' http://localhost/health && echo ok")),
        Arguments.of("code-split", Replies.code("Output", "text", ("line " + "z".repeat(95) + "\n").repeat(70))),
        Arguments.of("progress", new Reply.ProgressUpdate("Reading effective NSG rules", 2, 5)),
        Arguments.of("notice-warning", Replies.notice(Section.Level.WARNING, "No metrics: the snapshot has no metrics folder.")),
        Arguments.of("notice-error", Replies.notice(Section.Level.ERROR, "Cannot read lb.json")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("replies")
  void rendersAsTheGoldenFile(String name, Reply reply) throws IOException {
    String rendered = GsonFactory.createSnakeCase().toJson(new SlackRenderer().render(reply));
    JsonNode actual = JSON.readTree(rendered);
    Path file = GOLDEN.resolve(name + ".json");
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(file, JSON.writeValueAsString(actual) + "\n");
    }
    assertThat(file).as("golden file (make it with -Dgolden.update=true, then review it)").exists();
    assertThat(actual).isEqualTo(JSON.readTree(file.toFile()));
    checkLimits(actual);
  }

  /** Every golden stays within Slack's limits. */
  static void checkLimits(JsonNode blocks) {
    assertThat(blocks.size()).isLessThanOrEqualTo(SlackRenderer.MAX_BLOCKS);
    for (JsonNode block : blocks) {
      if (block.has("text")) {
        assertThat(block.get("text").get("text").asText().length()).isLessThanOrEqualTo(SlackRenderer.MAX_SECTION_CHARS);
      }
      for (JsonNode element : block.path("elements")) {
        if (element.path("type").asText().equals("button")) {
          assertThat(element.get("text").get("text").asText().length()).isLessThanOrEqualTo(75);
          assertThat(element.get("action_id").asText()).startsWith("lbt_");
        }
      }
    }
  }
}
