package dev.lbtriage.bot.teams;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbtriage.engine.message.Message;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The output of one turn in one Teams thread, sent through the thread's {@link ConversationReference} (so the same
 * code answers an inbound activity and posts proactively: a resumed turn, a late result). Progress is one message:
 * the first update is posted, later ones edit it in place (an update that would wait for the pacing is held back,
 * only the latest shown; a progress update that fails is logged, not fatal). The turn's messages are gathered and
 * posted when the turn ends, as few cards as fit under the size limit (a conclusion is one card, headline first); a
 * card with answer buttons is remembered so a click can replace it. A file goes by the Teams file flow in a 1:1
 * chat (a file consent card, in its place among the messages) and is offered in a 1:1 chat from a channel or group
 * chat, where bots cannot upload files (a summary card with a button).
 */
final class TeamsReplies implements TeamsOutput {
  private static final Logger LOG = LoggerFactory.getLogger(TeamsReplies.class);

  private final ConnectorClient client;
  private final ConversationReference to;
  private final CardRenderer renderer;
  private final CardPacker packer;
  private final SentCards sent;
  private final PendingFiles files;
  private final List<ObjectNode> body = new ArrayList<>();
  /** Activities ready to send, in order (cards packed so far, file consent cards). */
  private final List<ObjectNode> ready = new ArrayList<>();
  private String progressId;
  private ObjectNode heldBack;

  TeamsReplies(ClientAndCards parts, ConversationReference to) {
    this.client = parts.client();
    this.renderer = parts.renderer();
    this.packer = parts.packer();
    this.sent = parts.sent();
    this.files = parts.files();
    this.to = to;
  }

  /** What every turn's replies share. */
  record ClientAndCards(ConnectorClient client, CardRenderer renderer, CardPacker packer, SentCards sent, PendingFiles files) {}

  @Override
  public void message(Message message) {
    List<ObjectNode> elements = renderer.body(message);
    if (!body.isEmpty() && !elements.isEmpty()) {
      elements.get(0).put("separator", true).put("spacing", "Medium");
    }
    body.addAll(elements);
  }

  @Override
  public void progress(String step, int done, int total) {
    ObjectNode card = Cards.progress(step, done, total);
    boolean last = total > 0 && done >= total;
    if (progressId != null && !last && client.wouldWait(to.replyTo())) {
      heldBack = card;
      return;
    }
    showProgress(card);
  }

  @Override
  public void file(String name, String mediaType, byte[] bytes, String caption, String command) {
    PendingFiles.PendingFile f = files.add(name, mediaType, bytes, caption, command);
    if (to.personal()) {
      packBody();
      ready.add(FileCards.consent(f));
    } else {
      List<ObjectNode> offer = FileCards.offer(f, BundleSummary.of(bytes));
      if (!body.isEmpty()) {
        offer.get(0).put("separator", true).put("spacing", "Medium");
      }
      body.addAll(offer);
    }
  }

  @Override
  public void flush() {
    finish();
  }

  /** Posts what the turn said so far; called when the turn ends (again harmlessly). What failed to go is dropped here. */
  void finish() {
    if (heldBack != null) {
      showProgress(heldBack);
    }
    packBody();
    List<ObjectNode> out = new ArrayList<>(ready);
    ready.clear();
    for (ObjectNode activity : out) {
      String id = client.send(to.serviceUrl(), to.replyTo(), activity);
      ObjectNode card = Cards.cardOf(activity);
      if (card.toString().contains("\"ActionSet\"")) {
        sent.put(id, card);
      }
    }
  }

  private void packBody() {
    if (!body.isEmpty()) {
      ready.addAll(packer.pack(body));
      body.clear();
    }
  }

  private void showProgress(ObjectNode card) {
    heldBack = null;
    try {
      if (progressId == null) {
        progressId = client.send(to.serviceUrl(), to.replyTo(), Cards.activity(card));
      } else {
        client.update(to.serviceUrl(), to.replyTo(), progressId, Cards.activity(card));
      }
    } catch (ConnectorException e) {
      LOG.warn("Progress in {} not shown: {}", to.replyTo(), e.getMessage());
    }
  }
}
