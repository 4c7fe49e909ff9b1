package dev.lbtriage.engine.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbtriage.engine.gather.LoadBalancerSummary;
import dev.lbtriage.engine.gather.Progress;
import dev.lbtriage.engine.gather.snapshot.SnapshotReader;
import dev.lbtriage.kb.model.Symptom;
import dev.lbtriage.rules.facts.AzureFacts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Beyond the bundled examples: every load balancer of every recorded snapshot (real ARM payloads),
 * every symptom, every cause as if confirmed and every question asked. No text holds an unfilled
 * placeholder, and none deletes or re-prioritises one of Azure's default NSG rules.
 */
class EveryTextCompleteTest {
  private static final Pattern HOLE = Pattern.compile("<[A-Za-z][A-Za-z0-9 _.-]*>|\\{[A-Za-z][A-Za-z0-9]*}");
  private static final Pattern DEFAULT_RULE_CHANGE = Pattern.compile("az network nsg rule (delete|update)\\b.*(-n|--name) "
      + "(AllowVnetInBound|AllowAzureLoadBalancerInBound|DenyAllInBound|AllowVnetOutBound|AllowInternetOutBound|DenyAllOutBound)\\b");

  static Stream<Path> snapshots() throws IOException {
    List<Path> all = new ArrayList<>();
    for (Path root : List.of(Path.of("src", "test", "resources", "snapshots"), Path.of("..", "examples"))) {
      try (Stream<Path> s = Files.list(root)) {
        s.filter(Files::isDirectory).sorted().forEach(all::add);
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("snapshots")
  void every_text_for_every_load_balancer_is_complete(Path folder) {
    SnapshotReader reader = new SnapshotReader(folder);
    int scanned = 0;
    for (LoadBalancerSummary lb : reader.loadBalancers()) {
      AzureFacts facts = reader.gather(lb.id(), Progress.none());
      for (Symptom symptom : FixAdviceTest.DIAGNOSER.knowledgeBase().symptoms()) {
        Diagnosis d = FixAdviceTest.DIAGNOSER.everyText(facts, lb.id(), symptom.id(), List.of());
        for (String text : texts(d)) {
          assertThat(HOLE.matcher(text).find()).as("%s %s %s: %s", folder.getFileName(), lb.name(), symptom.id(), text).isFalse();
          assertThat(DEFAULT_RULE_CHANGE.matcher(text).find()).as("%s: %s", folder.getFileName(), text).isFalse();
          scanned++;
        }
      }
    }
    assertThat(scanned).as("texts scanned in %s", folder).isPositive();
  }

  private static List<String> texts(Diagnosis d) {
    List<String> all = new ArrayList<>();
    d.remediation().forEach(r -> {
      all.addAll(r.steps());
      r.commands().forEach(c -> all.addAll(List.of(c.description(), c.command())));
      all.addAll(r.notes());
    });
    d.questions().forEach(q -> {
      Stream.of(q.text(), q.why()).filter(x -> x != null).forEach(all::add);
      if (q.how() != null) {
        q.how().ways().forEach(w -> all.addAll(w.lines()));
      }
    });
    d.supportCase().forEach(s -> {
      all.add(s.title());
      all.addAll(s.steps());
      if (s.how() != null) {
        s.how().ways().forEach(w -> all.addAll(w.lines()));
      }
    });
    return all;
  }
}
