package dev.lbtriage.bot.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbtriage.engine.message.Message;
import dev.lbtriage.engine.message.Section;
import java.util.List;
import java.util.Optional;
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
 *       response with the updated card; the answer then runs as the user's line. The "send it to me in a 1:1 chat"
 *       button of a file offered in a channel opens a 1:1 chat with whoever clicked and sends the file there.
 *   <li>{@code invoke} {@code fileConsent/invoke} (a file consent card accepted or declined): answered 200; on accept
 *       the file is put to the upload URL and a file info card is posted, on decline the command line that makes it.
 *   <li>{@code conversationUpdate} adding the bot (an install): a greeting saying how to start.
 * </ul>
 *
 * Every activity's conversation reference is stored ({@link ConversationReferences}), so the bot can post into a
 * thread with no activity at hand: {@link #resumeStalled} finishes what a stopped bot left, and {@link #post} sends
 * anything later. Turns run off the request thread, in order per thread; the HTTP answer never waits for a triage.
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
  private final FileUpload upload;
  private final ConversationReferences references;
  private final SerialTurns turns;
  private final TeamsReplies.ClientAndCards parts;

  TeamsBot(TeamsConversations conversations, ConnectorClient client, FileUpload upload, int workers) {
    this.conversations = conversations;
    this.client = client;
    this.upload = upload;
    this.references = conversations.references();
    this.turns = new SerialTurns(workers, 1_000);
    this.parts = new TeamsReplies.ClientAndCards(client, new CardRenderer(), new CardPacker(), new SentCards(2_000), new PendingFiles(32));
  }

  Answer onActivity(Activity a) {
    return switch (a.type()) {
      case "message" -> message(a);
      case "invoke" -> invoke(a);
      case "conversationUpdate" -> conversationUpdate(a);
      default -> Answer.OK;
    };
  }

  /**
   * Posts a message into a thread with no activity at hand, through its stored reference (a proactive message).
   *
   * @return false when no reference is stored for that thread
   */
  boolean post(String key, Message message) {
    Optional<ConversationReference> to = references.of(key);
    if (to.isEmpty()) {
      return false;
    }
    TeamsReplies out = new TeamsReplies(parts, to.get());
    out.message(message);
    out.finish();
    return true;
  }

  /**
   * Finishes, in each thread, what a stopped bot left (an activity claimed but not answered, or replies saved but not
   * sent), posting through the thread's stored reference; runs on the turn workers, in order with the thread's turns.
   *
   * @return how many threads were handed to the workers
   */
  int resumeStalled() {
    int n = 0;
    for (String key : conversations.stalled()) {
      Optional<ConversationReference> to = references.of(key);
      if (to.isEmpty()) {
        LOG.warn("Work left in {} cannot be finished: no conversation reference is stored for it", key);
        continue;
      }
      n++;
      turns.submit(key, () -> {
        TeamsReplies out = new TeamsReplies(parts, to.get());
        try {
          int done = conversations.resume(key, out);
          out.finish();
          if (done > 0) {
            LOG.info("Finished {} input(s) a stopped bot left in {}", done, key);
          }
        } catch (RuntimeException e) {
          LOG.warn("Could not finish the work left in {}: {}", key, e.getMessage());
        }
      });
    }
    return n;
  }

  private Answer message(Activity a) {
    TeamsThread thread = TeamsThread.of(a);
    ConversationReference here = remember(a, thread);
    JsonNode value = a.value();
    if ("answer".equals(value.path("lbt").asText())) {
      String label = value.path("label").asText(value.path("value").asText());
      String cardId = a.replyToId();
      submit(thread, () -> {
        if (!cardId.isBlank()) {
          ObjectNode card = Cards.answered(parts.sent().get(cardId), value.path("q").asText(""), a.fromName(), label);
          client.update(here.serviceUrl(), here.replyTo(), cardId, Cards.activity(card));
        }
        turn(a, thread, here, value.path("value").asText(""));
      });
      return Answer.OK;
    }
    if ("file".equals(value.path("lbt").asText())) {
      submit(thread, () -> sendInPersonalChat(a, here, value.path("id").asText("")));
      return Answer.OK;
    }
    String text = MentionText.of(a);
    if (text.isEmpty()) {
      submit(thread, () -> greet(here));
      return Answer.OK;
    }
    submit(thread, () -> turn(a, thread, here, text));
    return Answer.OK;
  }

  private Answer invoke(Activity a) {
    if (FileCards.INVOKE.equals(a.name())) {
      return fileConsent(a);
    }
    if (!"adaptiveCard/action".equals(a.name())) {
      return new Answer(501, null);
    }
    JsonNode action = a.value().path("action");
    if (!"Action.Execute".equals(action.path("type").asText())) {
      return new Answer(200, Cards.invokeError(400, "NotSupported", "only Action.Execute is handled"));
    }
    JsonNode data = action.path("data");
    TeamsThread thread = TeamsThread.of(a);
    if (FileCards.PERSONAL_VERB.equals(action.path("verb").asText()) && "file".equals(data.path("lbt").asText())) {
      ConversationReference here = remember(a, thread);
      submit(thread, () -> sendInPersonalChat(a, here, data.path("id").asText("")));
      // the card stays as it is, so others in the thread can ask for the file too
      return new Answer(200, Cards.invokeMessage("Look for the file in your 1:1 chat with lb-triage."));
    }
    if (!CardRenderer.ANSWER_VERB.equals(action.path("verb").asText()) || !"answer".equals(data.path("lbt").asText())) {
      return new Answer(200, Cards.invokeError(400, "BadRequest", "not an lb-triage answer"));
    }
    ConversationReference here = remember(a, thread);
    String label = data.path("label").asText(data.path("value").asText());
    ObjectNode card = Cards.answered(parts.sent().get(a.replyToId()), data.path("q").asText(""), a.fromName(), label);
    submit(thread, () -> turn(a, thread, here, data.path("value").asText("")));
    return new Answer(200, Cards.invokeCard(card));
  }

  /**
   * {@code fileConsent/invoke}: the user accepted or declined a file consent card. Answered 200 at once (Teams shows
   * an error on the card otherwise); the upload runs on the thread's worker.
   */
  private Answer fileConsent(Activity a) {
    TeamsThread thread = TeamsThread.of(a);
    ConversationReference here = remember(a, thread);
    JsonNode value = a.value();
    String action = value.path("action").asText("");
    String fileId = value.path("context").path("id").asText("");
    JsonNode uploadInfo = value.path("uploadInfo");
    String consentCardId = a.replyToId();
    submit(thread, () -> {
      PendingFiles.PendingFile f = parts.files().take(fileId);
      if (f == null) {
        say(here, Message.of(null, new Section.Notice(Section.Level.INFO, "That file is no longer at hand (the bot was restarted "
            + "since it offered it). Say \"bundle\" again in the triage's thread or chat for a new one.")));
        return;
      }
      if ("accept".equals(action)) {
        try {
          upload.put(uploadInfo.path("uploadUrl").asText(""), f.bytes());
        } catch (ConnectorException e) {
          LOG.warn("Upload of {} failed: {}", f.name(), e.getMessage());
          say(here, Message.of(null, new Section.Notice(Section.Level.WARNING, "The upload of " + f.name() + " to your OneDrive failed ("
              + e.getMessage() + "). Make the same bundle on the command line:"), commands(f.command())));
          return;
        }
        client.send(here.serviceUrl(), here.replyTo(), FileCards.info(uploadInfo, f.name()));
        replaceConsentCard(here, consentCardId, "✅ " + f.name() + " is in your OneDrive (" + f.bytes().length + " bytes).");
      } else {
        replaceConsentCard(here, consentCardId, "Declined: " + f.name() + " was not uploaded.");
        say(here, Message.of(null, new Section.Text("You declined " + f.name() + ", so it was not uploaded. Make the same bundle "
            + "on the command line, with the --snapshot or --azure options this bot runs with (and its --db):"), commands(f.command())));
      }
    });
    return Answer.OK;
  }

  /** Opens a 1:1 chat with the activity's user and sends the file's consent card there; says in the thread if it cannot. */
  private void sendInPersonalChat(Activity a, ConversationReference here, String fileId) {
    PendingFiles.PendingFile f = parts.files().get(fileId);
    if (f == null) {
      say(here, Message.of(null, new Section.Notice(Section.Level.INFO, "That bundle is no longer at hand (the bot was restarted "
          + "since it made it). Say \"bundle\" again for a new one.")));
      return;
    }
    ConnectorClient.Created chat;
    try {
      chat = client.createConversation(here.serviceUrl(), here.tenantId(), here.botId(), here.userId(), here.userAadObjectId());
    } catch (ConnectorException e) {
      LOG.warn("Could not open a 1:1 chat with {}: {}", here.userName(), e.getMessage());
      say(here, Message.of(null, new Section.Notice(Section.Level.WARNING, "I could not open a 1:1 chat with " + here.userName()
          + " (" + e.getMessage() + "). Teams lets a bot start a 1:1 chat only with someone who has the app: add lb-triage "
          + "for yourself (Apps, search lb-triage, Add) and click again, or make the bundle on the command line:"), commands(f.command())));
      return;
    }
    ConversationReference personal = here.personalChat(chat.id(), chat.serviceUrl());
    store(chat.id(), personal);
    // each consent card has a pending file of its own: the offer in the thread stays for others who click
    PendingFiles.PendingFile copy = parts.files().add(f.name(), f.mediaType(), f.bytes(), f.caption(), f.command());
    client.send(personal.serviceUrl(), personal.replyTo(), FileCards.consent(copy));
  }

  private void replaceConsentCard(ConversationReference here, String cardId, String line) {
    if (cardId == null || cardId.isBlank()) {
      return;
    }
    try {
      client.update(here.serviceUrl(), here.replyTo(), cardId, FileCards.answered(line));
    } catch (ConnectorException e) {
      LOG.info("The consent card {} was not replaced: {}", cardId, e.getMessage());
    }
  }

  private static Section.Commands commands(String command) {
    return new Section.Commands(null, Section.Shell.BASH, List.of(new Section.Command(null, command)));
  }

  private Answer conversationUpdate(Activity a) {
    if (a.addsTheBot()) {
      TeamsThread thread = TeamsThread.of(a);
      // a team install lands in the team's General channel: greet there, not in a thread
      ConversationReference here = ConversationReference.of(a, new TeamsThread(thread.base(), "", a.conversationId()));
      submit(thread, () -> greet(here));
    }
    return Answer.OK;
  }

  /** The thread's reference from this activity, stored for later proactive posts; returned for this turn. */
  private ConversationReference remember(Activity a, TeamsThread thread) {
    ConversationReference here = ConversationReference.of(a, thread);
    store(thread.key(), here);
    return here;
  }

  private void store(String key, ConversationReference reference) {
    try {
      references.remember(key, reference);
    } catch (RuntimeException e) {
      LOG.warn("The conversation reference of {} was not stored: {}", key, e.getMessage());
    }
  }

  private void submit(TeamsThread thread, Runnable work) {
    try {
      turns.submit(thread.key(), work);
    } catch (RejectedExecutionException e) {
      LOG.warn("Turn refused for {}: {}", thread, e.getMessage());
    }
  }

  private void greet(ConversationReference here) {
    say(here, Message.builder(null).heading(GREETING).context(HOW).build());
  }

  private void say(ConversationReference here, Message m) {
    try {
      TeamsReplies out = new TeamsReplies(parts, here);
      out.message(m);
      out.finish();
    } catch (ConnectorException e) {
      LOG.warn("Could not say it in {}: {}", here.replyTo(), e.getMessage());
    }
  }

  private void turn(Activity a, TeamsThread thread, ConversationReference here, String text) {
    TeamsReplies out = new TeamsReplies(parts, here);
    try {
      conversations.handle(a.id(), thread.key(), text, a.fromName(), out);
      out.finish();
    } catch (ConnectorException e) {
      LOG.warn("Could not answer in {}: {}", thread, e.getMessage());
      try {
        out.finish(); // what is left (an error notice), if the connector takes it now
      } catch (RuntimeException again) {
        LOG.debug("Nothing more sent in {}: {}", thread, again.getMessage());
      }
    } catch (RuntimeException e) {
      LOG.error("The conversation failed in {}", thread, e);
      say(here, Message.of(null, new Section.Notice(Section.Level.ERROR, "Something went wrong on my side ("
          + e.getClass().getSimpleName() + "); the details are in the bot's log. Say it again, or start a new thread.")));
    }
  }

  @Override
  public void close() {
    turns.close();
  }
}
