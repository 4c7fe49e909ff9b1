package dev.lbtriage.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** The user's words from a Teams message, on the mention payload of the Teams docs. */
class MentionTextTest {

  @Test
  void the_docs_message_keeps_the_words_and_the_other_persons_name() {
    // the doc's mention is of a user, not the bot: the name stays as words, the tag goes
    ObjectNode a = Activities.load("message_channel_mention.json");
    assertThat(MentionText.of(new Activity(a))).isEqualTo("Hey Pranav Smith check out this message");
  }

  @Test
  void the_bots_own_mention_is_removed_in_both_spellings_the_docs_show() {
    ObjectNode a = Activities.load("message_channel_mention.json");
    ObjectNode mention = (ObjectNode) a.get("entities").get(0);
    a.put("text", "Hey <at>Pranav Smith</at> the probe on lb-api &amp; lb-web is down");
    ((ObjectNode) a.get("recipient")).put("id", mention.path("mentioned").path("id").asText());
    assertThat(MentionText.of(new Activity(a))).isEqualTo("Hey the probe on lb-api & lb-web is down");
  }
}
