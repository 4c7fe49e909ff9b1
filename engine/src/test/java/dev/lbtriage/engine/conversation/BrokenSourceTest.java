package dev.lbtriage.engine.conversation;

import dev.lbtriage.engine.message.Section;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lbtriage.engine.gather.FactSource;
import dev.lbtriage.engine.gather.LoadBalancerSummary;
import dev.lbtriage.engine.gather.Progress;
import dev.lbtriage.rules.facts.AzureFacts;
import dev.lbtriage.rules.facts.LbSku;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A fact source that fails, or has nothing, gives a notice, never an exception, and loses nothing. */
class BrokenSourceTest {
  static final String REPORT = "my health probe shows all backends down";

  record Source(List<LoadBalancerSummary> lbs) implements FactSource {
    @Override
    public List<LoadBalancerSummary> loadBalancers() {
      return lbs;
    }

    @Override
    public AzureFacts gather(String lbIdOrName, Progress progress) {
      throw new IllegalStateException("the subscription is not reachable");
    }

    @Override
    public String describe() {
      return "a broken source";
    }
  }

  @Test
  void a_gather_that_throws_gives_an_error_notice_and_keeps_the_previous_state() {
    LoadBalancerSummary lb = new LoadBalancerSummary("/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/loadBalancers/lb",
        "lb", "rg", "westeurope", LbSku.STANDARD, true, "test");
    Chat chat = new Chat(new Source(List.of(lb)));
    ConversationState before = chat.state;

    chat.say(REPORT);

    assertThat(chat.sectionsOf(Section.Notice.class)).singleElement().satisfies(n -> {
      assertThat(n.level()).isEqualTo(Section.Level.ERROR);
      assertThat(n.text()).contains("not reachable");
    });
    assertThat(chat.state.stage()).isEqualTo(before.stage());
    assertThat(chat.state.turn()).isEqualTo(before.turn() + 1);
  }

  @Test
  void a_source_without_load_balancers_says_so() {
    Chat chat = new Chat(new Source(List.of()));

    chat.say(REPORT);

    assertThat(chat.sectionsOf(Section.Notice.class)).singleElement().satisfies(n -> assertThat(n.text()).contains("has no load balancer"));
    assertThat(chat.state.stage()).isEqualTo(Stage.CHOOSING_LOAD_BALANCER);
  }
}
