package dev.lbtriage.bot.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbtriage.engine.message.Message;
import dev.lbtriage.engine.message.Section;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the bot does with an authenticated activity (shapes: research/teams/, PROTOCOL.md §6):
 *
 * <ul>
 *   <li>{@code message}: the text without the @mention is the user's line in the thread's conversation; a message
 *       whose {@code value} is an answer button's data (the {@code Action.Submit} fallback) is that answer, and its
 *       card is updated to show who answered what.
 *   <li>{@code invoke} {@code adaptiveCard/action} (an {@code Action.Execute} click): answered in the same HTTP
 *       response with the updated card; the answer then runs as the user's line.
 *   <li>{@code conversationUpdate} adding the bot (an install): a greeting saying how to start.
 * </ul>
 *
 * Turns run off the request thread, in order per thread; the HTTP answer never waits for a triage.
 */
final class TeamsBot implements AutoCloseable {
  /** What the endpoint answers: an HTTP status and a JSON body (null for none). */
  record Answer(int status, ObjectNode body) {
    static final Answer OK = new Answer(200, null);
  }

  static final String GREETING = "Hi, I'm lb-triage. Tell me what is wrong with your Azure load balancer and I'll work out why, "
      + "step by step, with the evidence and the fix.";
  static final String HOW = "In a channel, @mention me with the symptom: each thread is one triage. In a chat, just type it. "
      + "Answer my questions with the buttons or by typing.";

  private static final Logger LOG = LoggerFactory.getLogger(TeamsBot.class);

  private final TeamsConversations conversations;
  private final ConnectorClient client;
  private final SerialTurns turns;
  private final CardRenderer renderer = new CardRenderer();
  private final CardPacker packer = new CardPacker();
  private final SentCards sent = new SentCards(2_000);

  TeamsBot(TeamsConversations conversations, ConnectorClient client, int workers) {
    this.conversations = conversations;
    this.client = client;
    this.turns = new SerialTurns(workers, 1_000);
  }

  Answer onActivity(Activity a) {
    return switch (a.type()) {
      case "message" -> message(a);
      case "invoke" -> invoke(a);
      case "conversationUpdate" -> conversationUpdate(a);
      default -> Answer.OK;
    };
  }

  private Answer message(Activity a) {
    TeamsThread thread = TeamsThread.of(a);
    JsonNode value = a.value();
    if ("answer".equals(value.path("lbt").asText())) {
      String label = value.path("label").asText(value.path("value").asText());
      String cardId = a.replyToId();
      submit(thread, () -> {
        if (!cardId.isBlank()) {
          ObjectNode card = Cards.answered(sent.get(cardId), value.path("q").asText(""), a.fromName(), label);
          client.update(a.serviceUrl(), thread.replyTo(), cardId, Cards.activity(card));
        }
        turn(a, thread, value.path("value").asText(""));
      });
      return Answer.OK;
    }
    String text = MentionText.of(a);
    if (text.isEmpty()) {
      submit(thread, () -> greet(a, thread));
      return Answer.OK;
    }
    submit(thread, () -> turn(a, thread, text));
    return Answer.OK;
  }

  private Answer invoke(Activity a) {
    if (!"adaptiveCard/action".equals(a.name())) {
      return new Answer(501, null);
    }
    JsonNode action = a.value().path("action");
    if (!"Action.Execute".equals(action.path("type").asText())) {
      return new Answer(200, Cards.invokeError(400, "NotSupported", "only Action.Execute is handled"));
    }
    JsonNode data = action.path("data");
    if (!CardRenderer.ANSWER_VERB.equals(action.path("verb").asText()) || !"answer".equals(data.path("lbt").asText())) {
      return new Answer(200, Cards.invokeError(400, "BadRequest", "not an lb-triage answer"));
    }
    TeamsThread thread = TeamsThread.of(a);
    String label = data.path("label").asText(data.path("value").asText());
    ObjectNode card = Cards.answered(sent.get(a.replyToId()), data.path("q").asText(""), a.fromName(), label);
    submit(thread, () -> turn(a, thread, data.path("value").asText("")));
    return new Answer(200, Cards.invokeCard(card));
  }

  private Answer conversationUpdate(Activity a) {
    if (a.addsTheBot()) {
      TeamsThread thread = TeamsThread.of(a);
      // a team install lands in the team's General channel: greet there, not in a thread
      submit(thread, () -> greet(a, new TeamsThread(thread.base(), "", a.conversationId())));
    }
    return Answer.OK;
  }

  private void submit(TeamsThread thread, Runnable work) {
    try {
      turns.submit(thread.key(), work);
    } catch (RejectedExecutionException e) {
      LOG.warn("Turn refused for {}: {}", thread, e.getMessage());
    }
  }

  private void greet(Activity a, TeamsThread thread) {
    TeamsReplies out = replies(a, thread);
    out.message(Message.builder(null).heading(GREETING).context(HOW).build());
    out.finish();
  }

  private void turn(Activity a, TeamsThread thread, String text) {
    TeamsReplies out = replies(a, thread);
    try {
      conversations.handle(a.id(), thread.key(), text, a.fromName(), out);
      out.finish();
    } catch (ConnectorException e) {
      LOG.warn("Could not answer in {}: {}", thread, e.getMessage());
    } catch (RuntimeException e) {
      LOG.error("The conversation failed in {}", thread, e);
      try {
        TeamsReplies error = replies(a, thread);
        error.message(Message.of(null, new Section.Notice(Section.Level.ERROR, "Something went wrong on my side ("
            + e.getClass().getSimpleName() + "); the details are in the bot's log. Say it again, or start a new thread.")));
        error.finish();
      } catch (RuntimeException again) {
        LOG.warn("Could not report the failure in {}: {}", thread, again.getMessage());
      }
    }
  }

  private TeamsReplies replies(Activity a, TeamsThread thread) {
    return new TeamsReplies(client, a.serviceUrl(), thread.replyTo(), renderer, packer, sent);
  }

  @Override
  public void close() {
    turns.close();
  }
}
