package dev.lbtriage.engine.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbtriage.engine.gather.snapshot.SnapshotReader;
import dev.lbtriage.engine.scenario.Scenario;
import dev.lbtriage.engine.scenario.ScenarioReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How many questions each bundled example asks from its report to its conclusion, answering from
 * the scenario's {@code answers} ("I don't know" otherwise), picking its symptom and load balancer
 * when asked and saying "yes" to any confirmation. Writes the table to {@code
 * target/questions-per-example.md} (BENCHMARKS.md, "Questions per example").
 */
class QuestionsPerExampleTest {
  static final int MAX_TURNS = 30;

  /** One example's count. */
  record Row(String name, int questions, int choices, int confirmations, List<String> asked) {}

  static Row run(Scenario s) {
    Chat chat = new Chat(new SnapshotReader(s.folder()));
    chat.say(s.report());
    int questions = 0;
    int choices = 0;
    int confirmations = 0;
    List<String> asked = new ArrayList<>();
    for (int i = 0; i < MAX_TURNS && chat.state.stage() != Stage.CONCLUDED; i++) {
      String id = chat.promptId();
      assertThat(id).as("%s: no prompt after %s", s.name(), chat.text()).isNotNull();
      String line;
      if (Chat.KB.question(id).isPresent()) {
        questions++;
        asked.add(id);
        line = s.answers().getOrDefault(id, "I don't know");
      } else if (id.equals(Prompts.SYMPTOM)) {
        choices++;
        line = s.symptom();
      } else if (id.equals(Prompts.LOAD_BALANCER)) {
        choices++;
        line = s.loadBalancer();
      } else {
        confirmations++;
        asked.add(id);
        line = "yes";
      }
      chat.say(line);
    }
    assertThat(chat.state.stage()).as(s.name()).isEqualTo(Stage.CONCLUDED);
    return new Row(s.name(), questions, choices, confirmations, asked);
  }

  @Test
  void every_example_concludes_and_the_questions_it_asked_are_counted() throws IOException {
    List<Scenario> all = ScenarioReader.readAll(Path.of("..", "examples"));
    assertThat(all).hasSizeGreaterThanOrEqualTo(8);
    StringBuilder b = new StringBuilder("| example | questions | choices | confirmations | asked, in order |\n|---|---|---|---|---|\n");
    int total = 0;
    for (Scenario s : all) {
      Row r = run(s);
      total += r.questions();
      b.append("| ").append(r.name()).append(" | ").append(r.questions()).append(" | ").append(r.choices()).append(" | ")
          .append(r.confirmations()).append(" | ").append(String.join(", ", r.asked())).append(" |\n");
    }
    b.append("| total | ").append(total).append(" | | | |\n");
    Path out = Path.of("target", "questions-per-example.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, b.toString());
    System.out.println(b);
  }
}
