package dev.lbtriage.bot.slack;

import java.time.Duration;
import java.util.Objects;

/**
 * What the Slack bot needs to run. Tokens are never printed: {@link #toString()} hides them.
 *
 * @param botToken {@code xoxb-...}, for the Web API
 * @param signingSecret verifies HTTP-mode requests
 * @param appToken {@code xapp-...}, for Socket Mode only (may be null in HTTP mode)
 * @param apiUrl the Web API base URL ending in {@code /api/}; Slack's unless testing
 * @param channelInterval the least time between two messages to one channel
 * @param workers threads running conversation turns
 * @param maxPendingTurns turns allowed to wait before new ones are refused
 */
public record SlackSettings(
    String botToken, String signingSecret, String appToken, String apiUrl, Duration channelInterval, int workers, int maxPendingTurns) {

  public static final String SLACK_API_URL = "https://slack.com/api/";

  public SlackSettings {
    Objects.requireNonNull(botToken, "bot token");
    Objects.requireNonNull(signingSecret, "signing secret");
    apiUrl = apiUrl == null || apiUrl.isBlank() ? SLACK_API_URL : apiUrl.endsWith("/") ? apiUrl : apiUrl + "/";
  }

  /** Slack's API, one message per second per channel, 4 workers, 1,000 waiting turns. */
  public static SlackSettings of(String botToken, String signingSecret, String appToken) {
    return new SlackSettings(botToken, signingSecret, appToken, SLACK_API_URL, Duration.ofSeconds(1), 4, 1000);
  }

  public SlackSettings withApiUrl(String url) {
    return new SlackSettings(botToken, signingSecret, appToken, url, channelInterval, workers, maxPendingTurns);
  }

  public SlackSettings withChannelInterval(Duration interval) {
    return new SlackSettings(botToken, signingSecret, appToken, apiUrl, interval, workers, maxPendingTurns);
  }

  @Override
  public String toString() {
    return "SlackSettings[apiUrl=" + apiUrl + ", channelInterval=" + channelInterval + ", workers=" + workers
        + ", appToken=" + (appToken != null ? "set" : "unset") + "]";
  }
}
