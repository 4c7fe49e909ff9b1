package dev.lbtriage.engine.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lbtriage.engine.conversation.ConversationState;
import org.junit.jupiter.api.Test;

/** The saved JSON is read as untrusted input. */
class StateJsonTest {

  @Test
  void a_state_survives_a_round_trip_with_iso_times() {
    ConversationState s = States.at("a", "k", 5);
    String json = StateJson.write(s);
    assertThat(json).contains("\"created\":\"2026-11-25T10:00:00Z\"").doesNotContain("@class");
    assertThat(StateJson.read(json)).isEqualTo(s);
  }

  @Test
  void unknown_fields_from_a_newer_version_are_ignored() {
    String json = StateJson.write(States.at("a", "k", 1)).replaceFirst("\\{", "{\"fromTheFuture\":[1,2,3],");
    assertThat(StateJson.read(json).id()).isEqualTo("a");
  }

  @Test
  void type_hints_deep_nesting_trailing_tokens_and_garbage_are_refused() {
    String good = StateJson.write(States.at("a", "k", 1));
    assertThatThrownBy(() -> StateJson.read("[\"java.lang.ProcessBuilder\",{\"command\":[\"sh\"]}]"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> StateJson.read("{\"id\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> StateJson.read(good + " {}")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> StateJson.read("\u0000\u0001")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> StateJson.read("{}")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> StateJson.read(good.replace("2026-11-25T10:00:00Z", "yesterday")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
