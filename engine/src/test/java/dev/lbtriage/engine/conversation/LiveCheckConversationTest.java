package dev.lbtriage.engine.conversation;

import dev.lbtriage.engine.message.Section;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbtriage.engine.gather.snapshot.SnapshotReader;
import dev.lbtriage.engine.session.StateJson;
import dev.lbtriage.rules.diagnosis.LiveCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** "Check from here" with a fake {@link LiveCheckRunner}: no network. */
class LiveCheckConversationTest {

  /** Answers (or not) every check, and remembers what it was asked to contact. */
  static final class FakeRunner implements LiveCheckRunner {
    final boolean answers;
    final List<String> contacted = new ArrayList<>();

    FakeRunner(boolean answers) {
      this.answers = answers;
    }

    @Override
    public Optional<LiveCheck> tcp(String host, int port) {
      contacted.add(host + ":" + port);
      int received = answers ? 3 : 0;
      return Optional.of(new LiveCheck(host, port, LiveCheck.TCP, 3, received,
          "TCP connect to " + host + ":" + port + ": Sent = 3, Received = " + received));
    }
  }

  private static Chat atProbePortQuestion(LiveCheckRunner runner) {
    Chat chat = new Chat(new SnapshotReader(Chat.snapshot("internal-basic")), runner)
        .say("my health probe shows all backends down").say("I don't know");
    assertThat(chat.promptId()).isEqualTo("probe-port-listening");
    return chat;
  }

  private static List<String> choiceValues(Chat chat) {
    return chat.prompt().orElseThrow().choices().stream().map(Reply.Choice::value).toList();
  }

  @Test
  void theChoiceIsOfferedOnlyWithARunner() {
    assertThat(choiceValues(atProbePortQuestion(null))).doesNotContain("check");
    assertThat(choiceValues(atProbePortQuestion(LiveCheckRunner.none()))).doesNotContain("check");
    assertThat(choiceValues(atProbePortQuestion(new FakeRunner(true)))).contains("yes", "no", "check");
  }

  @Test
  void withoutARunnerCheckIsNotRunAsACommand() {
    Chat chat = atProbePortQuestion(null).say("check");
    assertThat(chat.state.checks()).isEmpty();
    assertThat(chat.promptId()).isEqualTo("probe-port-listening");
  }

  @Test
  void anAnsweredCheckIsRecordedAndRulesOutNotListening() {
    FakeRunner runner = new FakeRunner(true);
    Chat chat = atProbePortQuestion(runner).say("check");
    assertThat(runner.contacted).isNotEmpty();
    assertThat(chat.state.checks()).hasSize(runner.contacted.size())
        .allSatisfy(c -> {
          assertThat(c.question()).isEqualTo("probe-port-listening");
          assertThat(c.received()).isEqualTo(3);
          assertThat(c.by()).isEqualTo("alice");
        });
    assertThat(chat.sectionsOf(Section.Text.class)).anySatisfy(t -> assertThat(t.text()).contains("Live check from here", "Received = 3"));
    assertThat(chat.promptId()).isNotEqualTo("probe-port-listening");
    for (int i = 0; i < 10 && chat.state.stage() == Stage.ASKING; i++) {
      chat.say("I don't know");
    }
    assertThat(chat.state.stage()).isEqualTo(Stage.CONCLUDED);
    assertThat(chat.status("probe-port-not-listening")).isEqualTo("ruled-out");
    assertThat(Questioning.answered(chat.state, "probe-port-listening")).isFalse();
  }

  @Test
  void onlyBackendsOfTheLoadBalancerAreContacted() {
    FakeRunner runner = new FakeRunner(false);
    Chat chat = atProbePortQuestion(runner).say("check");
    String lb = chat.state.loadBalancer();
    var facts = new FactCache(new SnapshotReader(Chat.snapshot("internal-basic"))).get(lb, r -> {});
    List<String> ips = facts.loadBalancer(lb).orElseThrow().pools().stream().flatMap(p -> p.members().stream())
        .map(m -> m.ipAddress()).toList();
    assertThat(runner.contacted).isNotEmpty().allSatisfy(t -> assertThat(ips).contains(t.substring(0, t.lastIndexOf(':'))));
    // a silent check does not settle the question: it is asked again
    assertThat(chat.promptId()).isEqualTo("probe-port-listening");
    assertThat(chat.state.checks()).allSatisfy(c -> assertThat(c.received()).isZero());
  }

  @Test
  void checksSurviveTheJsonRoundTrip() {
    Chat chat = atProbePortQuestion(new FakeRunner(true)).say("check");
    ConversationState back = StateJson.read(StateJson.write(chat.state));
    assertThat(back).isEqualTo(chat.state);
    assertThat(back.checks()).isNotEmpty();
  }

  @Test
  void oldJsonWithoutChecksLoads() throws Exception {
    Chat chat = atProbePortQuestion(null);
    ObjectMapper m = new ObjectMapper();
    ObjectNode node = (ObjectNode) m.readTree(StateJson.write(chat.state));
    node.remove("checks");
    assertThat(node.has("checks")).isFalse();
    ConversationState old = StateJson.read(m.writeValueAsString(node));
    assertThat(old.checks()).isEmpty();
    assertThat(old).isEqualTo(chat.state);
  }
}
