package dev.lbtriage.bot.slack;

import static dev.lbtriage.bot.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lbtriage.bot.slack.FakeConversations.Turn;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The default mode: the real {@code SocketModeApp} (Tyrus client) connects to a fake Socket Mode server found
 * through a fake {@code apps.connections.open}; envelopes are acked and answered in the thread, a retried envelope
 * of the same event once.
 */
class SocketModeTest {

  static final String TS = "1700000000.000900";

  @Test
  void envelopesAreAckedAndAnsweredOnce() throws Exception {
    try (FakeSlackApi api = new FakeSlackApi(); FakeSocketMode socket = new FakeSocketMode()) {
      api.socketModeUrl(socket.url());
      FakeConversations conversations = new FakeConversations();
      SlackSettings settings = SlackSettings.of(FakeSlackApi.TOKEN, "unused-in-socket-mode", "xapp-test-not-real")
          .withApiUrl(api.apiUrl()).withChannelInterval(Duration.ofMillis(10));
      try (SlackBot bot = new SlackBot(settings, conversations); SocketModeRunner runner = new SocketModeRunner(bot.app(), settings.appToken())) {
        Thread thread = new Thread(() -> {
          try {
            runner.run();
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        }, "socket-mode-runner");
        thread.setDaemon(true);
        thread.start();
        eventually(() -> assertThat(socket.connected()).isTrue());
        assertThat(api.calls("apps.connections.open")).isNotEmpty();

        String event = SignedSlack.mention("EvS1", "C7", TS, null, "U1", "<@UBOT> over the socket");
        socket.send(envelope("env-1", event, 0));
        eventually(() -> assertThat(socket.received()).anyMatch(m -> m.contains("\"envelope_id\":\"env-1\"")));
        eventually(() -> assertThat(api.inThread("chat.postMessage", TS)).anyMatch(c -> c.param("text").contains("over the socket")));

        socket.send(envelope("env-2", event, 1));
        eventually(() -> assertThat(socket.received()).anyMatch(m -> m.contains("\"envelope_id\":\"env-2\"")));
        socket.send(envelope("env-3", SignedSlack.threadMessage("EvS2", "C7", "1700000000.000901", TS, "U1", "next"), 0));
        eventually(() -> assertThat(conversations.turns()).extracting(Turn::text).contains("next"));
        assertThat(conversations.turns()).extracting(Turn::text).containsExactly("over the socket", "next");
      }
    }
  }

  private static String envelope(String id, String payload, int retry) {
    return "{\"envelope_id\":\"" + id + "\",\"type\":\"events_api\",\"accepts_response_payload\":false,\"retry_attempt\":" + retry
        + ",\"retry_reason\":\"" + (retry > 0 ? "timeout" : "") + "\",\"payload\":" + payload + "}";
  }
}
