package dev.lbtriage.bot.cli;

import dev.lbtriage.bot.app.Engines;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lbtriage.bot.slack.SlackRenderer;
import dev.lbtriage.bot.terminal.BundledExamples;
import dev.lbtriage.bot.terminal.TerminalRenderer;
import dev.lbtriage.engine.conversation.ConversationEngine;
import dev.lbtriage.engine.conversation.ConversationState;
import dev.lbtriage.engine.conversation.Reply;
import dev.lbtriage.engine.conversation.Stage;
import dev.lbtriage.engine.conversation.Turn;
import dev.lbtriage.engine.diagnosis.AnswerParser;
import dev.lbtriage.engine.diagnosis.Diagnoser;
import dev.lbtriage.engine.diagnosis.Diagnosis;
import dev.lbtriage.engine.gather.Progress;
import dev.lbtriage.engine.gather.snapshot.SnapshotReader;
import dev.lbtriage.engine.scenario.Scenario;
import dev.lbtriage.kb.load.KnowledgeBaseLoader;
import dev.lbtriage.kb.model.KnowledgeBase;
import dev.lbtriage.kb.model.Symptom;
import dev.lbtriage.rules.diagnosis.Answer;
import dev.lbtriage.rules.diagnosis.RuleEngine;
import dev.lbtriage.rules.facts.AzureFacts;
import dev.lbtriage.rules.facts.LoadBalancer;
import dev.lbtriage.rules.facts.NetworkSecurityGroup;
import dev.lbtriage.rules.facts.ProbeProtocol;
import dev.lbtriage.rules.facts.SecurityRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Over every bundled example: every text of every symptom of the KB filled for its load balancer as
 * if every cause were confirmed and every question asked ({@link Diagnoser#everyText}), and the whole
 * conversation to the conclusion and on through {@code details}, {@code support}, {@code why} and
 * {@code help}, rendered for the terminal and for Slack. None may hold an unfilled placeholder or a
 * change to Azure's default rules ({@link Holes}); an NSG rule created takes a priority no other rule
 * of that NSG has; a load balancer without a probe gets no probe commands, a TCP probe no HTTP path.
 * (The {@code diagnose} text and JSON faces are scanned in {@link ExampleGoldenTest}.)
 */
class NoHolesAnywhereTest {
  private static final KnowledgeBase KB = KnowledgeBaseLoader.loadBundled();
  private static final Diagnoser DIAGNOSER = new Diagnoser(KB, RuleEngine.fromClasspath());
  private static final Pattern CREATE = Pattern.compile("az network nsg rule create --resource-group (\\S+) --nsg-name (\\S+) .*--priority (\\d+)");
  private static final Pattern MOVE = Pattern.compile("az network nsg rule update --resource-group \\S+ --nsg-name (\\S+) --name (\\S+) --priority (\\d+)");

  static List<String> examples() {
    return BundledExamples.list().stream().map(Scenario::name).toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void every_text_of_every_symptom_is_complete_and_correct_for_the_example(String name) {
    Scenario s = BundledExamples.find(name).orElseThrow();
    SnapshotReader reader = new SnapshotReader(s.folder());
    AzureFacts facts = reader.gather(s.loadBalancer(), Progress.none());
    LoadBalancer lb = facts.loadBalancer(s.loadBalancer()).orElseThrow();
    for (Symptom symptom : KB.symptoms()) {
      Diagnosis d = DIAGNOSER.everyText(facts, s.loadBalancer(), symptom.id(), answers(s, symptom));
      assertThat(d.remediation()).as("%s/%s: a remediation per cause", name, symptom.id()).hasSize(symptom.causes().size());
      assertThat(d.questions()).as("%s/%s: every question", name, symptom.id()).hasSize(symptom.questions().size());
      List<String> texts = texts(d);
      String all = String.join("\n", texts);
      assertThat(Holes.in(all)).as("%s/%s", name, symptom.id()).isEmpty();
      for (Diagnosis.Remediation r : d.remediation()) {
        assertThat(freshPriorities(facts, r.commands().stream().map(Diagnosis.Command::command).toList())).as("%s/%s/%s: priorities taken", name, symptom.id(), r.cause()).isEmpty();
      }
      if (lb.probes().isEmpty()) {
        assertThat(all).as("%s/%s: no probe, no probe advice", name, symptom.id())
            .doesNotContain("--probe-name", "lb probe update", "lb probe show");
      }
      if (!lb.probes().isEmpty() && lb.probes().stream().allMatch(p -> p.protocol() == ProbeProtocol.TCP)) {
        assertThat(all).as("%s/%s: TCP probe, no HTTP path advice", name, symptom.id())
            .doesNotContain("--path", "HTTP probes need", "Switch the probe from HTTP");
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void the_conversation_and_what_it_shows_on_request_have_no_hole_in_any_face(String name) {
    Scenario s = BundledExamples.find(name).orElseThrow();
    ConversationEngine engine = Engines.over(new SnapshotReader(s.folder()));
    List<Reply> replies = new ArrayList<>();
    Turn t = engine.start("scan-" + name, "test:" + name, s.report(), "alice", replies::add);
    replies.addAll(t.replies());
    ConversationState state = t.next();
    for (int i = 0; i < 40 && state.stage() != Stage.CONCLUDED; i++) {
      String line = switch (state.stage()) {
        case CONFIRMING_SYMPTOM -> s.symptom();
        case CHOOSING_LOAD_BALANCER -> s.loadBalancer();
        case ASKING -> ConversationEngine.CONFIRM.equals(state.asking()) ? "yes"
            : ConversationEngine.INSIDE.equals(state.asking()) ? "no"
            : s.answers().getOrDefault(state.asking(), "I don't know");
        default -> "quit";
      };
      t = engine.handle(state, line, "alice", replies::add);
      replies.addAll(t.replies());
      state = t.next();
    }
    assertThat(state.stage()).as(name).isEqualTo(Stage.CONCLUDED);
    for (String more : List.of("details", "support", "why", "help")) {
      t = engine.handle(state, more, "alice", replies::add);
      replies.addAll(t.replies());
      state = t.next();
    }
    TerminalRenderer terminal = TerminalRenderer.plain();
    SlackRenderer slack = new SlackRenderer();
    StringBuilder faces = new StringBuilder();
    for (Reply r : replies) {
      faces.append(terminal.render(r)).append('\n');
      faces.append(slack.render(r)).append('\n').append(slack.fallbackText(r)).append('\n');
    }
    assertThat(Holes.in(faces.toString())).as(name).isEmpty();
    assertThat(faces.toString()).as(name).contains("Findings", "What to collect for a support case");
  }

  private static List<Answer> answers(Scenario s, Symptom symptom) {
    List<Answer> out = new ArrayList<>();
    symptom.questions().forEach(q -> {
      String v = s.answers().get(q.id());
      if (v != null && AnswerParser.parse(q, v) instanceof AnswerParser.Accepted a) {
        out.add(a.answer());
      }
    });
    return out;
  }

  private static List<String> texts(Diagnosis d) {
    List<String> all = new ArrayList<>();
    for (Diagnosis.Remediation r : d.remediation()) {
      all.addAll(r.steps());
      r.commands().forEach(c -> all.addAll(List.of(c.description(), c.command())));
      all.addAll(r.notes());
    }
    for (Diagnosis.OpenQuestion q : d.questions()) {
      all.add(q.text());
      all.add(q.why());
      if (q.how() != null) {
        q.how().ways().forEach(w -> all.addAll(w.lines()));
      }
    }
    for (Diagnosis.SupportStep st : d.supportCase()) {
      all.add(st.title());
      all.addAll(st.steps());
      if (st.how() != null) {
        st.how().ways().forEach(w -> all.addAll(w.lines()));
      }
    }
    return all;
  }

  /** Each {@code nsg rule create} whose priority another rule of that NSG holds (a rule moved away by the same fix frees its own). */
  private static List<String> freshPriorities(AzureFacts facts, List<String> commands) {
    List<String> clashes = new ArrayList<>();
    Set<String> moved = new java.util.HashSet<>();
    for (String c : commands) {
      Matcher m = MOVE.matcher(c);
      if (m.find()) {
        moved.add(m.group(1) + "/" + m.group(2));
      }
    }
    for (String c : commands) {
      Matcher m = CREATE.matcher(c);
      if (!m.find()) {
        continue;
      }
      String nsgName = m.group(2);
      int priority = Integer.parseInt(m.group(3));
      if (commands.stream().anyMatch(x -> x.contains("az network nsg create ") && x.contains("--name " + nsgName + " "))) {
        continue; // an NSG the same fix creates (no NSG at all on the backend): it has no rule to collide with
      }
      List<SecurityRule> rules = facts.networkSecurityGroups().stream().filter(n -> n.name().equals(nsgName))
          .flatMap(n -> n.rules().stream()).collect(Collectors.toList());
      assertThat(facts.networkSecurityGroups().stream().map(NetworkSecurityGroup::name)).as("NSG %s is in the facts", nsgName).contains(nsgName);
      rules.stream().filter(r -> r.priority() == priority && r.direction() == dev.lbtriage.rules.facts.Direction.INBOUND)
          .filter(r -> !moved.contains(nsgName + "/" + r.name()))
          .forEach(r -> clashes.add(c + "  collides with " + r.label()));
    }
    return clashes;
  }
}
