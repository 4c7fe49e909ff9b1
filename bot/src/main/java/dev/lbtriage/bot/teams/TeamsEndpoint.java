package dev.lbtriage.bot.teams;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running Teams face: the token check, the bot, the Bot Connector client, the file upload and the HTTP server,
 * put together and closed together; and, when asked, a sweep every {@code resumeEvery} that finishes the work a
 * stopped bot left ({@link TeamsBot#resumeStalled}, proactive posts). Development mode (no app id) has no token
 * check and no outbound token, and refuses to listen anywhere but loopback.
 */
final class TeamsEndpoint implements AutoCloseable {
  static final Duration RESUME_EVERY = Duration.ofMinutes(1);
  private static final Logger LOG = LoggerFactory.getLogger(TeamsEndpoint.class);

  private final TeamsBot bot;
  private final TeamsServer server;
  private final Duration resumeEvery;
  private ScheduledExecutorService sweeper;

  TeamsEndpoint(BotTokenCheck check, TeamsConversations conversations, ConnectorClient client, String bind, int port, int workers) {
    this(check, conversations, client, new FileUpload(HttpClient.newHttpClient(), FileUpload.CHUNK, Sleeper.REAL), bind, port, workers,
        Duration.ZERO);
  }

  /** @param resumeEvery how often to finish work a stopped bot left; zero for never (tests call {@link #resumeStalled}) */
  TeamsEndpoint(BotTokenCheck check, TeamsConversations conversations, ConnectorClient client, FileUpload upload, String bind, int port,
      int workers, Duration resumeEvery) {
    if (check == null && !Loopback.isLoopbackHost(bind)) {
      throw new IllegalArgumentException("development mode (no " + TeamsSettings.APP_ID + ") listens on loopback only, not on " + bind);
    }
    this.bot = new TeamsBot(conversations, client, upload, workers);
    this.server = new TeamsServer(new MessagesServlet(check, bot), bind, port);
    this.resumeEvery = resumeEvery;
  }

  /** The endpoint for these settings: Bot Framework token checks and azure-identity tokens, or development mode. */
  static TeamsEndpoint of(TeamsSettings settings, TeamsConversations conversations, String bind, int port) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    BotTokenCheck check = null;
    ConnectorToken token = null;
    if (!settings.developmentMode()) {
      check = new BotTokenCheck(OpenIdKeys.of(settings.openIdMetadata()), settings.appId(), Clock.systemUTC());
      token = new ConnectorToken(BotCredentials.of(settings), Clock.systemUTC());
    }
    ConnectorClient client = new ConnectorClient(http, token, ConversationPacing.teams(), Sleeper.REAL);
    return new TeamsEndpoint(check, conversations, client, new FileUpload(http, FileUpload.CHUNK, Sleeper.REAL), bind, port, 4,
        RESUME_EVERY);
  }

  TeamsEndpoint start() throws Exception {
    server.start();
    if (!resumeEvery.isZero()) {
      sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "teams-resume");
        t.setDaemon(true);
        return t;
      });
      sweeper.scheduleWithFixedDelay(this::sweep, resumeEvery.toMillis(), resumeEvery.toMillis(), TimeUnit.MILLISECONDS);
    }
    return this;
  }

  /** Finishes the work stopped bots left, posting into their threads; returns how many threads. */
  int resumeStalled() {
    return bot.resumeStalled();
  }

  /** Posts a message into a thread through its stored reference (false when none is stored). */
  boolean post(String key, dev.lbtriage.engine.message.Message message) {
    return bot.post(key, message);
  }

  private void sweep() {
    try {
      bot.resumeStalled();
    } catch (RuntimeException e) {
      LOG.warn("Finishing the work stopped bots left failed: {}", e.getMessage());
    }
  }

  URI messagesUri() {
    return server.messagesUri();
  }

  void join() throws InterruptedException {
    server.join();
  }

  @Override
  public void close() throws Exception {
    if (sweeper != null) {
      sweeper.shutdownNow();
    }
    try {
      server.close();
    } finally {
      bot.close();
    }
  }
}
