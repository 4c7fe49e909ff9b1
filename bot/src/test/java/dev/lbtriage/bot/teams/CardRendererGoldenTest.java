package dev.lbtriage.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbtriage.engine.message.Message;
import dev.lbtriage.engine.message.Section;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the Adaptive Card renderer makes of each section type, compared with src/test/resources/teams/golden/*.json.
 * To accept a deliberate change: {@code -Dgolden.update=true} rewrites the files; read the diff before committing.
 */
class CardRendererGoldenTest {
  static final Path GOLDEN = Path.of("src", "test", "resources", "teams", "golden");
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  static Map<String, Message> messages() {
    Map<String, Message> m = new TreeMap<>();
    m.put("text", Message.builder("Conclusion: the health probe fails on lb-api").text("Two of three backends answer 503 on /healthz.\n"
        + "The third answers 200.\n\nThe probe marks a backend down after 2 failures.").build());
    m.put("bullets-steps", Message.builder(null).heading("What I checked").bullets(List.of("NSG nsg-api allows 168.63.129.16", "The probe port 80 is open"))
        .steps(List.of("Open the portal", "Go to the load balancer", "1. not a markdown list")).build());
    m.put("commands", Message.of("Fix (in this order)", new Section.Commands("Allow the probe", Section.Shell.BASH, List.of(
        new Section.Command("Add the rule", "az network nsg rule create -g rg-api --nsg-name nsg-api -n AllowProbe \\\n  --priority 100 --source-address-prefixes AzureLoadBalancer --destination-port-ranges '*'"),
        new Section.Command(null, "")))));
    m.put("how-to", Message.of(null, new Section.Heading("Do the backends listen on port 80?"), new Section.HowTo(List.of(
        new Section.Way(Section.Platform.WINDOWS, List.of("Get-NetTCPConnection -LocalPort 80 -State Listen")),
        new Section.Way(Section.Platform.LINUX, List.of("ss -ltnp 'sport = :80'")),
        new Section.Way(Section.Platform.AZURE, List.of("Run command > RunShellScript: ss -ltn"))))));
    m.put("findings", Message.of("Findings", new Section.Findings("Causes", List.of(
        new Section.Finding("nsg-blocks-probe", "An NSG blocks the health probe", Section.Status.CONFIRMED, List.of("nsg-api denies 168.63.129.16 on 80")),
        new Section.Finding("probe-path-404", "The probe path answers 404", Section.Status.SUSPECTED, List.of()),
        new Section.Finding("vm-deallocated", "A backend VM is deallocated", Section.Status.RULED_OUT, List.of("all 3 VMs run", "power state read from ARM"))))));
    m.put("question-buttons", Message.of(null, new Section.Heading("Does Health Probe Status show the backends healthy?"),
        new Section.Context("Why: the checks differ."), new Section.Buttons("probe-healthy", List.of(
            new Section.Button("Yes", "yes"), new Section.Button("No: some backends fail the health probe", "no")))));
    m.put("notices", Message.of(null, new Section.Notice(Section.Level.INFO, "Read from the snapshot"),
        new Section.Notice(Section.Level.WARNING, "No metrics in the snapshot"), new Section.Notice(Section.Level.ERROR, "ARM answered 403")));
    return m;
  }

  static List<String> names() {
    return new ArrayList<>(messages().keySet());
  }

  @ParameterizedTest
  @MethodSource("names")
  void the_card_matches_its_golden_file(String name) throws Exception {
    List<ObjectNode> activities = new CardPacker().pack(new CardRenderer().body(messages().get(name)));
    assertThat(activities).hasSize(1);
    String actual = JSON.writeValueAsString(Cards.cardOf(activities.get(0))) + "\n";
    Path file = GOLDEN.resolve(name + ".json");
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(GOLDEN);
      Files.writeString(file, actual, StandardCharsets.UTF_8);
    }
    assertThat(file).as("golden file (make it with -Dgolden.update=true, then review it)").exists();
    assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
  }

  @Test
  void every_card_is_version_1_5_and_every_execute_button_falls_back_to_a_submit_with_the_same_data() throws Exception {
    for (Map.Entry<String, Message> e : messages().entrySet()) {
      for (ObjectNode activity : new CardPacker().pack(new CardRenderer().body(e.getValue()))) {
        JsonNode card = Cards.cardOf(activity);
        assertThat(card.path("version").asText()).as(e.getKey()).isEqualTo("1.5");
        assertThat(activity.path("attachments").path(0).path("contentType").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
        for (JsonNode action : card.findValues("actions")) {
          action.forEach(a -> {
            assertThat(a.path("type").asText()).isEqualTo("Action.Execute");
            assertThat(a.path("verb").asText()).isEqualTo(CardRenderer.ANSWER_VERB);
            assertThat(a.path("fallback").path("type").asText()).isEqualTo("Action.Submit");
            assertThat(a.path("fallback").path("data")).isEqualTo(a.path("data"));
            assertThat(a.path("data").path("value").asText()).isNotBlank();
          });
        }
      }
    }
  }

  @Test
  void every_section_type_has_a_golden_card() {
    // the Visitor makes the compiler check the renderer; this checks the goldens cover every type too
    List<Class<?>> covered = new ArrayList<>();
    messages().values().forEach(m -> m.sections().forEach(s -> covered.add(s.getClass())));
    assertThat(covered).containsAll(List.of(Section.class.getPermittedSubclasses()));
  }

  @Test
  void an_answered_card_keeps_the_question_and_loses_its_buttons() {
    ObjectNode card = Cards.cardOf(new CardPacker().pack(new CardRenderer().body(messages().get("question-buttons"))).get(0));
    ObjectNode answered = Cards.answered(card, "ignored when the card is known", "Jane Smith", "Yes");
    assertThat(answered.toString()).contains("Does Health Probe Status show the backends healthy?").contains("Jane Smith answered **Yes**")
        .doesNotContain("ActionSet").doesNotContain("ignored when");
    ObjectNode fromData = Cards.answered(null, "Does Health Probe Status show the backends healthy?", "Jane Smith", "Yes");
    assertThat(fromData.toString()).contains("Does Health Probe Status show the backends healthy?").contains("answered");
  }
}
