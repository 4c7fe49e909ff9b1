package dev.lbtriage.engine.issue13;

import dev.lbtriage.engine.diagnosis.Diagnoser;
import dev.lbtriage.engine.diagnosis.Diagnosis;
import dev.lbtriage.engine.gather.Progress;
import dev.lbtriage.engine.gather.snapshot.SnapshotReader;
import dev.lbtriage.kb.load.KnowledgeBaseLoader;
import dev.lbtriage.rules.diagnosis.Answer;
import dev.lbtriage.rules.diagnosis.LiveCheck;
import dev.lbtriage.rules.diagnosis.RuleEngine;
import dev.lbtriage.rules.facts.AzureFacts;
import java.nio.file.Path;
import java.util.List;

/** The snapshot folders of issue 13 (built from the real payloads, see each NOTES.md) and a diagnoser over them. */
final class Issue13Snapshots {
  static final Diagnoser DIAGNOSER = new Diagnoser(KnowledgeBaseLoader.loadBundled(), RuleEngine.fromClasspath());

  private Issue13Snapshots() {}

  static Path example(String name) {
    return Path.of("..", "examples", name);
  }

  static Path issue13(String name) {
    return Path.of("src/test/resources/snapshots/issue13", name);
  }

  static AzureFacts facts(Path folder) {
    SnapshotReader reader = new SnapshotReader(folder);
    return reader.gather(reader.loadBalancers().get(0).name(), Progress.none());
  }

  static Diagnosis diagnose(Path folder, String symptom, List<Answer> answers, List<LiveCheck> checks) {
    AzureFacts facts = facts(folder);
    return DIAGNOSER.diagnose(facts, facts.loadBalancers().get(0).name(), symptom, null, answers, checks);
  }

  static Diagnosis.CauseFinding finding(Diagnosis d, String cause) {
    return d.findings().stream().filter(f -> f.cause().equals(cause)).findFirst().orElseThrow();
  }
}
