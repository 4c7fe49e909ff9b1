package dev.lbtriage.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbtriage.engine.message.Message;
import dev.lbtriage.engine.message.Section;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Teams shows the conclusion's bundle offer as one Action.Execute whose data sends "bundle" back as the line. */
class TeamsBundleOfferTest {
  @Test
  void the_offer_is_one_button_that_sends_bundle() {
    String label = "No confirmed cause: make a support-case bundle";
    Message m = Message.of("Conclusion: probe-down on lb-shop", new Section.Text("Nothing is confirmed."), Section.Buttons.offer(label, "bundle"));
    List<ObjectNode> body = new CardRenderer().body(m);
    List<JsonNode> actions = body.stream().filter(b -> "ActionSet".equals(b.path("type").asText()))
        .flatMap(b -> java.util.stream.StreamSupport.stream(b.path("actions").spliterator(), false)).toList();
    assertThat(actions).singleElement().satisfies(a -> {
      assertThat(a.path("title").asText()).isEqualTo(label);
      assertThat(a.path("data").path("lbt").asText()).isEqualTo("answer");
      assertThat(a.path("data").path("value").asText()).isEqualTo("bundle");
    });
  }
}
