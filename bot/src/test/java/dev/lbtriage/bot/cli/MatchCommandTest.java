package dev.lbtriage.bot.cli;

import static dev.lbtriage.bot.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lbtriage.bot.cli.Cli.Result;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MatchCommandTest {

  private static final String EXAMPLE = "the backend VMs show unhealthy in the health probe status";

  @Test
  void the_help_example_ranks_probe_down_first() {
    Result r = run("match", EXAMPLE);

    assertThat(r.exit()).isZero();
    assertThat(r.err()).isEmpty();
    // a short sentence of our own is below the calibrated "confident" score (0.90, where real reports are >= 97 %
    // precise): it is offered as the closest match, never called the best one
    assertThat(r.out()).startsWith("Not sure; the closest matches:");
    assertThat(r.out().lines().skip(1).findFirst().orElseThrow()).contains("probe-down");
  }

  @Test
  void debug_says_which_words_examples_and_second_stage_features_drove_the_choice() {
    Result r = run("match", "--debug", "clients time out on the frontend IP of the load balancer, health probe is green");

    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("Why: Driven by").contains("Words (share of the best symptom's word score):")
        .contains("Nearest known reports (share of the vote):").contains("Second stage (push on the log-odds of the answer):");
    String stage = r.out().substring(r.out().indexOf("Second stage"));
    assertThat(stage.lines().skip(1).findFirst().orElseThrow()).matches("\\s+[+-]\\d\\.\\d\\d\\s+\\S+\\s+\\S+");
  }

  @Test
  void json_explanation_carries_the_second_stage_signals() {
    JsonNode why = run("match", "--format", "json", EXAMPLE).json().path("explanation");

    assertThat(why.path("signals")).isNotEmpty();
    assertThat(why.path("signals").get(0).path("feature").asText()).isNotBlank();
    assertThat(why.path("words")).isNotEmpty();
    assertThat(why.path("examples")).isNotEmpty();
  }

  @Test
  void several_words_are_one_report() {
    Result r = run(("match " + EXAMPLE).split(" "));

    assertThat(r.exit()).isZero();
    assertThat(r.out().lines().skip(1).findFirst().orElseThrow()).contains("probe-down");
  }

  @Test
  void json_is_the_matches_best_first_with_scores_in_0_1() {
    Result r = run("match", "--format", "json", EXAMPLE);

    assertThat(r.exit()).isZero();
    JsonNode j = r.json();
    List<String> fields = new ArrayList<>();
    j.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).startsWith("matches");
    JsonNode matches = j.path("matches");
    assertThat(matches).isNotEmpty();
    assertThat(matches.get(0).path("symptom").asText()).isEqualTo("probe-down");
    double previous = Double.MAX_VALUE;
    for (JsonNode m : matches) {
      List<String> keys = new ArrayList<>();
      for (Iterator<String> it = m.fieldNames(); it.hasNext();) {
        keys.add(it.next());
      }
      assertThat(keys).containsExactly("symptom", "score", "title");
      assertThat(m.path("score").isNumber()).isTrue();
      double score = m.path("score").asDouble();
      assertThat(score).isBetween(0.0, 1.0).isLessThanOrEqualTo(previous);
      assertThat(m.path("title").asText()).isNotBlank();
      previous = score;
    }
    assertThat(j.path("verdict").asText()).isIn("confident", "ambiguous");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {
      "probe AND (health OR \"backend port\")~2 title:unhealthy^5 +nsg -vm *wild? [a TO z] {x TO y} /re.*gex/ \\ ! && ||",
      "\"unbalanced quote ( [ {",
      "AND OR NOT",
      "*",
      "?",
      " ",
      "-",
      "the a an of",
      "\u0000\u0001\u0007\u001b[31mred\u001b[0m\r\n\t\u007f\u200b\ufeff",
      "ǅ 🧨 ñ 中文 العربية",
  })
  void odd_text_never_throws_and_exits_0(String text) {
    Result text1 = run("match", text);
    Result json = run("match", "--format", "json", text);

    assertThat(text1.exit()).as(text1.err()).isZero();
    assertThat(json.exit()).as(json.err()).isZero();
    assertThat(json.json().path("matches").isArray()).isTrue();
    assertThat(text1.err()).isEmpty();
  }

  @Test
  void a_100_kb_report_never_throws_and_exits_0() {
    StringBuilder b = new StringBuilder();
    while (b.length() < 100_000) {
      b.append("health probe down on backend vm port 80 nsg AND OR ( ] \" ~ ^ ");
    }

    Result r = run("match", "--format", "json", b.toString());

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.json().path("matches").isArray()).isTrue();
  }

  @Test
  void an_out_of_scope_report_says_nothing_matched() {
    Result r = run("match", "--format", "json", "my kubernetes pod cannot pull images from the registry");

    assertThat(r.exit()).isZero();
    assertThat(r.json().path("verdict").asText()).isIn("nothing-matched", "ambiguous");
  }

  @Test
  void without_text_it_is_bad_input() {
    Result r = run("match");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("TEXT");
  }
}
