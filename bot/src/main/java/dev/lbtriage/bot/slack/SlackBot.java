package dev.lbtriage.bot.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.interactive_components.payload.MessageShortcutPayload;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.model.Message;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.MessageEvent;
import java.util.List;
import java.util.regex.Pattern;
import dev.lbtriage.bot.logging.LogRedaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Slack face: a Bolt {@link App} whose handlers turn Slack traffic into conversation turns. One thread is one
 * conversation ({@link ThreadKey}). Every handler acks at once and leaves the work to {@link Turns}; an event
 * Slack redelivers (same {@code event_id}, {@code X-Slack-Retry-Num}) is acked and not answered again.
 *
 * <ul>
 *   <li>{@code app_mention}: starts a conversation in the mention's thread (or continues one the bot owns);
 *   <li>{@code message} in a thread the bot owns, or any direct message, not from a bot, not a mention: the next
 *       line of that conversation (a top-level direct message starts one in its thread);
 *   <li>{@code /lb-triage <description>}: an ephemeral "starting", then a new channel message whose thread is the conversation;
 *   <li>message shortcut {@value #SHORTCUT}: starts a conversation in the thread of the chosen (alert) message;
 *   <li>buttons: the choice's value (or {@code why?}) as the clicking user's line; an answered prompt loses its
 *       buttons and shows who answered what.
 * </ul>
 */
public final class SlackBot implements AutoCloseable {

  public static final String COMMAND = "/lb-triage";
  public static final String SHORTCUT = "lb_triage_shortcut";

  static final String NO_CHANNEL = "I cannot tell which channel this command came from, so no triage was started. "
      + "Please run " + COMMAND + " again from a channel or a direct message with me.";

  private static final Logger LOG = LoggerFactory.getLogger(SlackBot.class);
  private static final Pattern MENTION = Pattern.compile("<@[A-Z0-9]+(\\|[^>]*)?>");
  private static final Pattern BUTTONS =
      Pattern.compile("^(" + Pattern.quote(SlackRenderer.ANSWER_ACTION_PREFIX) + "\\d+|" + Pattern.quote(SlackRenderer.WHY_ACTION) + ")$");

  private final App app;
  private final Turns turns;
  private final boolean storeClaimsInputs;
  private final RecentIds seenEvents = new RecentIds(10_000);

  public SlackBot(SlackSettings settings, TriageConversations conversations) {
    this(settings, conversations, Sleeper.REAL);
  }

  /** With an injected sleeper for rate-limit waits and 429 back-off (tests). */
  public SlackBot(SlackSettings settings, TriageConversations conversations, Sleeper sleeper) {
    LogRedaction.register(settings.botToken());
    LogRedaction.register(settings.signingSecret());
    LogRedaction.register(settings.appToken());
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(settings.apiUrl());
    Slack slack = Slack.getInstance(config);
    AppConfig appConfig =
        AppConfig.builder()
            .slack(slack)
            .singleTeamBotToken(settings.botToken())
            .signingSecret(settings.signingSecret())
            .allEventsApiAutoAckEnabled(true)
            .build();
    ChannelRateLimiter limiter = new ChannelRateLimiter(settings.channelInterval(), System::nanoTime, sleeper);
    SlackPoster poster = new SlackPoster(new SharedGsonMethodsClient(slack, settings.botToken()), limiter, sleeper);
    this.turns = new Turns(conversations, poster, settings.workers(), settings.maxPendingTurns());
    this.storeClaimsInputs = conversations.claimsInputs();
    this.app = new App(appConfig);
    register();
  }

  /** The Bolt app, for {@link SlackServer} (HTTP) or {@link SocketModeRunner}. */
  public App app() {
    return app;
  }

  private void register() {
    app.event(AppMentionEvent.class, (payload, ctx) -> {
      AppMentionEvent e = payload.getEvent();
      if (!placed("app_mention", e.getChannel(), e.getTs())) {
        return ctx.ack();
      }
      if (firstSighting(payload.getEventId(), ctx.getRetryNum()) && e.getBotId() == null) {
        turns.submit(ThreadKey.of(e.getChannel(), e.getThreadTs(), e.getTs()), withoutMentions(e.getText()), e.getUser(), inputId(payload.getEventId()));
      }
      return ctx.ack();
    });
    app.event(MessageEvent.class, (payload, ctx) -> {
      MessageEvent e = payload.getEvent();
      if (!placed("message", e.getChannel(), e.getTs())) {
        return ctx.ack();
      }
      boolean human = e.getBotId() == null && e.getUser() != null && !e.getUser().equals(ctx.getBotUserId());
      boolean mention = e.getText() != null && ctx.getBotUserId() != null && e.getText().contains("<@" + ctx.getBotUserId());
      ThreadKey thread = ThreadKey.of(e.getChannel(), e.getThreadTs(), e.getTs());
      boolean ours = "im".equals(e.getChannelType()) || (e.getThreadTs() != null && turns.owns(thread));
      if (human && !mention && ours && firstSighting(payload.getEventId(), ctx.getRetryNum())) {
        turns.submit(thread, e.getText() == null ? "" : e.getText(), e.getUser(), inputId(payload.getEventId()));
      }
      return ctx.ack();
    });
    app.command(COMMAND, (req, ctx) -> {
      SlashCommandPayload p = req.getPayload();
      String text = p.getText() == null ? "" : p.getText().trim();
      if (p.getChannelId() == null || p.getChannelId().isBlank()) {
        LOG.info("Slash command without channel_id from {}: no triage started", p.getUserId());
        return ctx.ack(r -> r.responseType("ephemeral").text(NO_CHANNEL));
      }
      if (text.isEmpty()) {
        return ctx.ack("Usage: `" + COMMAND + " <what is wrong>`, e.g. `" + COMMAND + " health probes fail on lb-web since 09:40`");
      }
      turns.background("command:" + p.getChannelId(), () -> startFromCommand(p.getChannelId(), p.getUserId(), text));
      return ctx.ack(r -> r.responseType("ephemeral").text(":mag: Starting a triage…"));
    });
    app.messageShortcut(SHORTCUT, (req, ctx) -> {
      MessageShortcutPayload p = req.getPayload();
      Message m = p.getMessage();
      if (p.getUser() == null || !placed("message shortcut", p.getChannel() == null ? null : p.getChannel().getId(), m == null ? null : m.getTs())) {
        return badRequest(ctx, "message shortcut without a channel or message");
      }
      turns.submit(ThreadKey.of(p.getChannel().getId(), m.getThreadTs(), m.getTs()), messageText(m), p.getUser().getId());
      return ctx.ack();
    });
    app.blockAction(BUTTONS, (req, ctx) -> {
      BlockActionPayload p = req.getPayload();
      if (p.getActions() == null || p.getActions().isEmpty() || p.getUser() == null) {
        return badRequest(ctx, "block_actions without an action or a user");
      }
      BlockActionPayload.Action action = p.getActions().get(0);
      BlockActionPayload.Container container = p.getContainer();
      String channel = p.getChannel() != null ? p.getChannel().getId() : container != null ? container.getChannelId() : null;
      String threadTs = p.getMessage() != null ? p.getMessage().getThreadTs() : container != null ? container.getThreadTs() : null;
      String ts = p.getMessage() != null ? p.getMessage().getTs() : container != null ? container.getMessageTs() : null;
      if (!placed("block_actions", channel, ts)) {
        return badRequest(ctx, "block_actions without a channel or message");
      }
      boolean why = SlackRenderer.WHY_ACTION.equals(action.getActionId());
      ThreadKey thread = ThreadKey.of(channel, threadTs, ts);
      if (!why && p.getMessage() != null && p.getMessage().getBlocks() != null) {
        String label = action.getText() != null ? action.getText().getText() : action.getValue();
        List<LayoutBlock> answered = AnsweredPrompt.blocks(p.getMessage().getBlocks(), p.getUser().getId(), label);
        String text = p.getMessage().getText();
        turns.background(thread.conversationKey(), () -> markAnswered(channel, ts, text, answered));
      }
      turns.submit(thread, why ? SlackRenderer.WHY_TEXT : action.getValue(), p.getUser().getId());
      return ctx.ack();
    });
  }

  /** Whether a request says where it happened; one that does not is logged and left unanswered. */
  private static boolean placed(String what, String channel, String ts) {
    if (channel == null || channel.isBlank() || ts == null || ts.isBlank()) {
      LOG.info("Ignored a {} without {}", what, channel == null || channel.isBlank() ? "a channel" : "a message ts");
      return false;
    }
    return true;
  }

  private static com.slack.api.bolt.response.Response badRequest(com.slack.api.bolt.context.Context ctx, String why) {
    return com.slack.api.bolt.response.Response.builder().statusCode(400).contentType("application/json")
        .body("{\"error\":\"" + why + "\"}").build();
  }

  private void markAnswered(String channel, String ts, String text, List<LayoutBlock> blocks) {
    try {
      turns.poster().update(channel, ts, text, blocks);
    } catch (SlackCallException e) {
      LOG.warn("Could not mark the prompt {} answered: {}", ts, e.getMessage());
    }
  }

  private void startFromCommand(String channel, String userId, String text) {
    try {
      String intro = ":mag: Triage started by <@" + userId + ">: " + Mrkdwn.escape(Mrkdwn.truncate(text, 2500));
      String ts = turns.poster().post(channel, null, intro, null);
      turns.submit(new ThreadKey(channel, ts), text, userId);
    } catch (SlackCallException e) {
      LOG.warn("Could not start a triage in {}: {}", channel, e.getMessage());
    }
  }

  /** The id a shared store claims an event by (issue 21), null without one. */
  private static String inputId(String eventId) {
    return eventId == null ? null : "event:" + eventId;
  }

  private boolean firstSighting(String eventId, Integer retryNum) {
    if (storeClaimsInputs) {
      return true; // the store decides, across replicas: a redelivery may be one that a replica which died had claimed
    }
    if (eventId == null || seenEvents.add(eventId)) {
      return true;
    }
    LOG.info("Event {} delivered again (retry {}); already handled", eventId, retryNum);
    return false;
  }

  static String withoutMentions(String text) {
    return text == null ? "" : MENTION.matcher(text).replaceAll("").trim();
  }

  private static String messageText(Message m) {
    StringBuilder text = new StringBuilder(m.getText() == null ? "" : m.getText());
    if (m.getAttachments() != null) {
      m.getAttachments().forEach(a -> text.append('\n').append(a.getText() != null ? a.getText() : a.getFallback() != null ? a.getFallback() : ""));
    }
    return text.toString().trim();
  }

  @Override
  public void close() {
    turns.close();
    app.stop();
  }
}
