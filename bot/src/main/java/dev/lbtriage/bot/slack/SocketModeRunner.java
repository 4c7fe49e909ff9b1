package dev.lbtriage.bot.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;

/**
 * Socket Mode, the default: the bot opens a WebSocket to Slack with the app-level token ({@code xapp-...}, scope
 * {@code connections:write}), so it needs no public URL. Slack's envelopes are acked by Bolt as soon as a handler
 * returns, and the handlers return at once.
 */
public final class SocketModeRunner implements AutoCloseable {

  private final SocketModeApp socketModeApp;

  public SocketModeRunner(App app, String appToken) throws java.io.IOException {
    if (appToken == null || appToken.isBlank()) {
      throw new IllegalArgumentException("Socket Mode needs SLACK_APP_TOKEN (an xapp-... app-level token)");
    }
    this.socketModeApp = new SocketModeApp(appToken, app);
  }

  /** Connects and blocks until stopped. */
  public void run() throws Exception {
    socketModeApp.start();
  }

  @Override
  public void close() throws Exception {
    socketModeApp.close();
  }
}
