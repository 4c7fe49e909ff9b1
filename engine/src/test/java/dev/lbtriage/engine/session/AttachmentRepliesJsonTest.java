package dev.lbtriage.engine.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbtriage.engine.conversation.Reply;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A turn's attachment (the chat's support-case bundle) is kept with its replies until sent: its bytes as base64. */
class AttachmentRepliesJsonTest {
  @Test
  void an_attachment_is_written_as_base64_and_read_back_byte_for_byte() {
    byte[] zip = {'P', 'K', 3, 4, 0, (byte) 0xff, (byte) 0x80, 10};
    List<Reply> replies = List.of(Reply.Say.text("here"), new Reply.Attachment("lb-triage-bundle-lb-web.zip", "application/zip", zip, "the bundle"));

    String json = RepliesJson.write(replies);

    assertThat(json).contains("\"kind\":\"Attachment\"", Base64.getEncoder().encodeToString(zip)).doesNotContain("Reply$");
    assertThat(RepliesJson.read(json)).isEqualTo(replies);
  }
}
