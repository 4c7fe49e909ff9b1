package dev.lbtriage.bot.teams;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;

/**
 * The running Teams face: the token check, the bot, the Bot Connector client and the HTTP server, put together
 * and closed together. Development mode (no app id) has no token check and no outbound token, and refuses to
 * listen anywhere but loopback.
 */
final class TeamsEndpoint implements AutoCloseable {
  private final TeamsBot bot;
  private final TeamsServer server;

  TeamsEndpoint(BotTokenCheck check, TeamsConversations conversations, ConnectorClient client, String bind, int port, int workers) {
    if (check == null && !Loopback.isLoopbackHost(bind)) {
      throw new IllegalArgumentException("development mode (no " + TeamsSettings.APP_ID + ") listens on loopback only, not on " + bind);
    }
    this.bot = new TeamsBot(conversations, client, workers);
    this.server = new TeamsServer(new MessagesServlet(check, bot), bind, port);
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
    return new TeamsEndpoint(check, conversations, client, bind, port, 4);
  }

  TeamsEndpoint start() throws Exception {
    server.start();
    return this;
  }

  URI messagesUri() {
    return server.messagesUri();
  }

  void join() throws InterruptedException {
    server.join();
  }

  @Override
  public void close() throws Exception {
    try {
      server.close();
    } finally {
      bot.close();
    }
  }
}
