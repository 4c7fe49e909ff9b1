package dev.lbtriage.engine.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbtriage.engine.gather.Progress;
import dev.lbtriage.engine.gather.snapshot.SnapshotReader;
import dev.lbtriage.kb.load.KnowledgeBaseLoader;
import dev.lbtriage.kb.model.KnowledgeBase;
import dev.lbtriage.kb.model.Question;
import dev.lbtriage.kb.model.Symptom;
import dev.lbtriage.rules.diagnosis.Answer;
import dev.lbtriage.rules.diagnosis.LiveCheck;
import dev.lbtriage.rules.diagnosis.RuleEngine;
import dev.lbtriage.rules.facts.AzureFacts;
import dev.lbtriage.rules.facts.LoadBalancer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A session kept between turns ({@link RuleEngine#resume}) and given only what changed concludes exactly what a
 * new session given all the answers concludes (issue 18): for every example and every symptom, conversations of
 * answers given, changed and withdrawn at random (seeded), and live checks, each turn diagnosed both ways.
 */
class ResumedSessionTest {
  static final KnowledgeBase KB = KnowledgeBaseLoader.loadBundled();
  static final Diagnoser RESUMING = new Diagnoser(KB, RuleEngine.fromClasspath());
  static final Diagnoser AFRESH = new Diagnoser(KB, new RuleEngine(RuleEngine.fromClasspath().kieBase(), 0));

  static Stream<Path> examples() throws IOException {
    try (Stream<Path> dirs = Files.list(Path.of("..", "examples"))) {
      List<Path> all = dirs.filter(d -> Files.isRegularFile(d.resolve("scenario.yaml"))).sorted().toList();
      assertThat(all).hasSizeGreaterThanOrEqualTo(8);
      return all.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void every_turn_of_a_resumed_session_concludes_what_a_new_session_concludes(Path example) {
    SnapshotReader reader = new SnapshotReader(example);
    String id = reader.loadBalancers().get(0).id();
    AzureFacts facts = reader.gather(id, Progress.none());
    LoadBalancer lb = facts.loadBalancer(id).orElseThrow();
    List<String> ips = facts.networkInterfaces().stream().flatMap(n -> n.ipConfigurations().stream()).map(c -> c.privateIp())
        .filter(ip -> ip != null).toList();
    Random random = new Random(example.getFileName().toString().hashCode());
    int turns = 0;
    int changed = 0;
    for (Symptom symptom : KB.symptoms()) {
      Map<String, Answer> answers = new LinkedHashMap<>();
      Map<String, LiveCheck> checks = new LinkedHashMap<>();
      Diagnosis before = null;
      for (int turn = 0; turn < 10; turn++) {
        if (turn > 0) {
          change(symptom, answers, checks, ips, random);
        }
        List<Answer> given = List.copyOf(answers.values());
        List<LiveCheck> checked = List.copyOf(checks.values());
        Diagnosis resumed = RESUMING.diagnose(facts, lb.id(), symptom.id(), null, given, checked);
        Diagnosis fresh = AFRESH.diagnose(facts, lb.id(), symptom.id(), null, given, checked);
        assertThat(resumed).as("%s, %s, turn %d: answers %s, checks %s", example.getFileName(), symptom.id(), turn, given, checked)
            .isEqualTo(fresh);
        if (before != null && !fresh.equals(before)) {
          changed++;
        }
        before = fresh;
        turns++;
      }
    }
    assertThat(turns).isGreaterThan(20);
    assertThat(changed).as("turns whose diagnosis differs from the turn before").isGreaterThan(5);
  }

  /** One turn: a question answered, an answer changed or withdrawn, or a live check added or replaced. */
  private static void change(Symptom symptom, Map<String, Answer> answers, Map<String, LiveCheck> checks, List<String> ips,
      Random random) {
    List<Question> questions = symptom.questions();
    int what = random.nextInt(10);
    if (what < 2 && !answers.isEmpty()) {
      List<String> keys = new ArrayList<>(answers.keySet());
      answers.remove(keys.get(random.nextInt(keys.size())));
    } else if (what < 3 && !ips.isEmpty()) {
      String ip = ips.get(random.nextInt(ips.size()));
      int port = random.nextBoolean() ? 80 : 443;
      boolean http = random.nextBoolean();
      int received = random.nextInt(2) * 3;
      Integer status = http && random.nextBoolean() ? (random.nextBoolean() ? 200 : 404) : null;
      LiveCheck c = new LiveCheck(ip, port, http ? LiveCheck.HTTP : LiveCheck.TCP, 3, received,
          (http ? "GET" : "TCP connect") + " to " + ip + ":" + port + ": received " + received, http ? "/" : null, status);
      checks.put(c.key(), c);
    } else if (!questions.isEmpty()) {
      Question q = questions.get(random.nextInt(questions.size()));
      answers.put(q.id(), new Answer(q.id(), value(q, ips, random)));
    }
  }

  private static String value(Question q, List<String> ips, Random random) {
    if (random.nextInt(6) == 0) {
      return Answer.UNKNOWN;
    }
    return switch (q.answer()) {
      case YES_NO -> random.nextBoolean() ? Answer.YES : Answer.NO;
      case IP_ADDRESS -> random.nextBoolean() && !ips.isEmpty() ? ips.get(random.nextInt(ips.size())) : "203.0.113." + (1 + random.nextInt(200));
      case PORT -> String.valueOf(random.nextBoolean() ? 80 : 8080);
      case TEXT -> q.id().equals("probe-path-status") ? (random.nextBoolean() ? "200" : "503") : "seen";
    };
  }
}
