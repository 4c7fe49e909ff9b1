package dev.lbtriage.bot.teams;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbtriage.engine.message.Message;
import java.util.ArrayList;
import java.util.List;

/**
 * The output of one turn in one Teams thread. Progress is one message: the first update is posted, later ones
 * edit it in place (an update that would wait for the pacing is held back, only the latest shown). The turn's
 * messages are gathered and posted when the turn ends, as few cards as fit under the size limit (a conclusion is
 * one card, headline first); a card with answer buttons is remembered so a click can replace it.
 */
final class TeamsReplies implements TeamsOutput {
  private final ConnectorClient client;
  private final String serviceUrl;
  private final String conversationId;
  private final CardRenderer renderer;
  private final CardPacker packer;
  private final SentCards sent;
  private final List<ObjectNode> body = new ArrayList<>();
  private String progressId;
  private ObjectNode heldBack;

  TeamsReplies(ConnectorClient client, String serviceUrl, String conversationId, CardRenderer renderer, CardPacker packer, SentCards sent) {
    this.client = client;
    this.serviceUrl = serviceUrl;
    this.conversationId = conversationId;
    this.renderer = renderer;
    this.packer = packer;
    this.sent = sent;
  }

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
    if (progressId != null && !last && client.wouldWait(conversationId)) {
      heldBack = card;
      return;
    }
    showProgress(card);
  }

  /** Posts what the turn said; called once when the turn ends. */
  void finish() {
    if (heldBack != null) {
      showProgress(heldBack);
    }
    if (body.isEmpty()) {
      return;
    }
    for (ObjectNode activity : packer.pack(body)) {
      String id = client.send(serviceUrl, conversationId, activity);
      ObjectNode card = Cards.cardOf(activity);
      if (card.toString().contains("\"ActionSet\"")) {
        sent.put(id, card);
      }
    }
    body.clear();
  }

  private void showProgress(ObjectNode card) {
    heldBack = null;
    if (progressId == null) {
      progressId = client.send(serviceUrl, conversationId, Cards.activity(card));
    } else {
      client.update(serviceUrl, conversationId, progressId, Cards.activity(card));
    }
  }
}
