package dev.lbtriage.bot.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.element.ButtonElement;
import dev.lbtriage.bot.slack.SlackRenderer;
import dev.lbtriage.engine.message.Message;
import dev.lbtriage.engine.message.MarkdownRenderer;
import dev.lbtriage.engine.message.Section;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The conclusion's bundle offer (a {@code Buttons.offer} section) as each face shows it: one line in the terminal
 * and in Markdown, a button in Slack whose click sends "bundle" back as the line (Teams: TeamsBundleOfferTest).
 */
class BundleOfferRenderTest {
  static final String LABEL = "No confirmed cause: make a support-case bundle";
  static final Message CONCLUSION = Message.of("Conclusion: VMs behind the load balancer are not responding to health probes on lb-shop",
      new Section.Text("Nothing is confirmed.\nStill suspected: The backend VM is stopped or unhealthy."), Section.Buttons.offer(LABEL, "bundle"));

  @Test
  void the_terminal_shows_the_offer_as_one_line_after_the_headline() {
    String out = TerminalRenderer.plain().render(CONCLUSION);
    List<String> lines = out.lines().filter(l -> l.contains("bundle")).toList();
    assertThat(lines).singleElement().satisfies(l -> assertThat(l.strip()).isEqualTo("→ " + LABEL + ": say \"bundle\""));
    assertThat(out.indexOf("Nothing is confirmed")).isLessThan(out.indexOf(LABEL));
  }

  @Test
  void markdown_shows_it_as_one_line() {
    assertThat(MarkdownRenderer.render(CONCLUSION).lines().filter(l -> l.contains("bundle")).toList())
        .containsExactly(LABEL + ": say `bundle`");
  }

  @Test
  void slack_shows_a_button_whose_click_sends_bundle() {
    List<ButtonElement> buttons = new SlackRenderer().render(CONCLUSION).stream().filter(ActionsBlock.class::isInstance)
        .flatMap(b -> ((ActionsBlock) b).getElements().stream()).filter(ButtonElement.class::isInstance).map(ButtonElement.class::cast).toList();
    assertThat(buttons).singleElement().satisfies(b -> {
      assertThat(b.getValue()).isEqualTo("bundle");
      assertThat(b.getText().getText()).isEqualTo(LABEL);
      assertThat(b.getActionId()).startsWith(SlackRenderer.ANSWER_ACTION_PREFIX);
    });
  }
}
