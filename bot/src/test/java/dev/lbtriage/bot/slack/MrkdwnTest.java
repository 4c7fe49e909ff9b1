package dev.lbtriage.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbtriage.bot.Replies;
import dev.lbtriage.engine.conversation.Reply;
import dev.lbtriage.engine.message.Section;
import java.util.List;
import org.junit.jupiter.api.Test;

class MrkdwnTest {

  @Test
  void escapesTheThreeReservedCharacters() {
    assertThat(Mrkdwn.escape("a & b <@U1> > c")).isEqualTo("a &amp; b &lt;@U1&gt; &gt; c");
  }

  @Test
  void splitsAtLinesAndNeverInsideAnEntity() {
    String raw = ("<tag> & more\n").repeat(500);
    List<String> pieces = Mrkdwn.splitEscaped(raw, 100);
    assertThat(pieces).allMatch(p -> p.length() <= 100);
    assertThat(String.join("\n", pieces)).isEqualTo(Mrkdwn.escape(raw));
    List<String> hard = Mrkdwn.splitEscaped("&".repeat(1000), 99);
    assertThat(hard).allMatch(p -> p.length() <= 99 && p.matches("(&amp;)+"));
  }

  @Test
  void aMessageHasAtMost50Blocks() {
    SlackRenderer renderer = new SlackRenderer();
    List<Section.Finding> rows = new java.util.ArrayList<>();
    for (int i = 0; i < 80; i++) {
      rows.add(Replies.row("c" + i, "Cause " + i, "suspected", List.of("e")));
    }
    var blocks = renderer.render(Replies.findings("Many", rows));
    assertThat(blocks.size()).isGreaterThan(SlackRenderer.MAX_BLOCKS);
    var messages = SlackRenderer.messages(blocks);
    assertThat(messages).allMatch(m -> m.size() <= SlackRenderer.MAX_BLOCKS);
    assertThat(messages.stream().mapToInt(List::size).sum()).isEqualTo(blocks.size());
  }

  @Test
  void onlyContentOverTheThresholdIsUploaded() {
    SlackRenderer renderer = new SlackRenderer();
    assertThat(renderer.asUpload(Replies.code(null, "powershell", "x".repeat(12_000)))).isEmpty();
    assertThat(renderer.asUpload(Replies.code(null, "powershell", "x".repeat(12_001)))).get().extracting(FileUpload::filename).isEqualTo("output.ps1");
    assertThat(renderer.asUpload(Replies.text("y".repeat(20_000)))).isPresent();
  }
}
