package dev.lbtriage.engine.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbtriage.engine.conversation.ConversationState;
import dev.lbtriage.engine.conversation.RemediationTried;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Remediation already tried is saved and resumed with the conversation; states saved before it existed load with none. */
class TriedStateJsonTest {
  @Test
  void what_was_tried_survives_a_save_and_a_load_with_who_and_when() {
    ConversationState s = States.at("a", "k", 3).withTried(List.of(
        new RemediationTried("opened port 80 in nsg-web", "alice", States.T0.plusSeconds(60), RemediationTried.COMMAND, true),
        new RemediationTried("restarted vm-web-1", "bob", States.T0.plusSeconds(120), RemediationTried.STATEMENT, false)));

    ConversationState back = StateJson.read(StateJson.write(s));

    assertThat(back).isEqualTo(s);
    assertThat(back.tried()).extracting(RemediationTried::by).containsExactly("alice", "bob");
    assertThat(back.nextTurn(States.T0).tried()).isEqualTo(s.tried());
  }

  @Test
  void a_state_saved_before_tried_existed_loads_with_none() {
    String old = StateJson.write(States.at("a", "k", 1)).replace(",\"tried\":[]", "");
    assertThat(old).doesNotContain("tried");
    assertThat(StateJson.read(old).tried()).isEmpty();
  }
}
