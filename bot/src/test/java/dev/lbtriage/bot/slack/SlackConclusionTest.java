package dev.lbtriage.bot.slack;

import dev.lbtriage.bot.app.Engines;
import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.ButtonElement;
import dev.lbtriage.bot.terminal.BundledExamples;
import dev.lbtriage.engine.conversation.ConversationEngine;
import dev.lbtriage.engine.conversation.Reply;
import dev.lbtriage.engine.conversation.Stage;
import dev.lbtriage.engine.conversation.Turn;
import dev.lbtriage.engine.gather.snapshot.SnapshotReader;
import dev.lbtriage.engine.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * In Slack the conclusion is its headline; everything else is below the fold, one button away:
 * Details, Why, Support (each sends the command the conversation understands).
 */
class SlackConclusionTest {
  @Test
  void the_conclusion_is_a_short_headline_with_buttons_for_the_rest() {
    Scenario s = BundledExamples.find("nsg-deny-all-nic").orElseThrow();
    ConversationEngine engine = Engines.over(new SnapshotReader(s.folder()));
    Turn t = engine.start("slack-1", "slack:1", s.report(), "alice", r -> {});
    for (int i = 0; i < 10 && t.next().stage() != Stage.CONCLUDED; i++) { // the symptom or a report statement may be confirmed first
      String line = t.next().stage() == Stage.CONFIRMING_SYMPTOM ? s.symptom()
          : ConversationEngine.CONFIRM.equals(t.next().asking()) ? "yes" : s.answers().getOrDefault(t.next().asking(), "I don't know");
      t = engine.handle(t.next(), line, "alice", r -> {});
    }
    assertThat(t.next().stage()).isEqualTo(Stage.CONCLUDED);
    SlackRenderer renderer = new SlackRenderer();
    List<LayoutBlock> blocks = new ArrayList<>();
    t.replies().forEach(r -> blocks.addAll(renderer.render(r)));
    String text = blocks.toString();
    assertThat(text).contains("Confirmed: A guest firewall or a network security group blocks the probe",
        "az network nsg rule create --resource-group rg-web --nsg-name nsg-web --name AllowAzureLoadBalancerProbe --priority 100");
    // below the fold: no findings table, no support captures in the first message
    assertThat(text).doesNotContain("What to collect for a support case", "SUSPECTED", "Nothing listens on the probe port");
    assertThat(SlackRenderer.messages(blocks)).hasSize(1);
    List<ButtonElement> buttons = blocks.stream().filter(ActionsBlock.class::isInstance).map(ActionsBlock.class::cast)
        .flatMap(a -> a.getElements().stream()).map(ButtonElement.class::cast).toList();
    assertThat(buttons).extracting(ButtonElement::getValue).containsExactly("details", "why", "support", "restart", "quit");

    Turn details = engine.handle(t.next(), "details", "alice", r -> {});
    String more = details.replies().stream().map(Reply::toString).reduce("", String::concat);
    assertThat(more).contains("Nothing listens on the probe port", "az network nsg rule delete");
    Turn support = engine.handle(t.next(), "support", "alice", r -> {});
    assertThat(support.replies().stream().map(Reply::toString).reduce("", String::concat))
        .contains("What to collect for a support case", "psping 10.0.0.4:25");
  }
}
