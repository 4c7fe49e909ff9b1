package dev.lbtriage.bot.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.auth.AuthTestResponse;
import dev.lbtriage.bot.cli.BadInputException;
import dev.lbtriage.bot.cli.LogSetup;
import dev.lbtriage.bot.cli.ReportedFailure;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the bot token with {@code auth.test} before Bolt starts, so a network problem (DNS, proxy,
 * firewall) is reported as one, not as Bolt's "The token is invalid", and a refused token names itself.
 */
final class SlackReach {
  private static final Logger LOG = LoggerFactory.getLogger(SlackReach.class);

  private SlackReach() {}

  static void check(SlackSettings settings) {
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(settings.apiUrl());
    AuthTestResponse r;
    try {
      r = Slack.getInstance(config).methods(settings.botToken()).authTest(req -> req);
    } catch (IOException e) {
      LOG.warn("auth.test at {} failed", settings.apiUrl(), e);
      throw new ReportedFailure("cannot reach Slack at " + settings.apiUrl() + ": " + networkReason(e)
          + "; a network problem (DNS, proxy or firewall), not the token" + LogSetup.detailsHint(), e);
    } catch (SlackApiException e) {
      LOG.warn("auth.test at {} answered HTTP {}", settings.apiUrl(), e.getResponse().code(), e);
      throw new ReportedFailure("Slack at " + settings.apiUrl() + " answered HTTP " + e.getResponse().code()
          + " to auth.test; is SLACK_API_URL right?" + LogSetup.detailsHint(), e);
    }
    if (!r.isOk()) {
      String error = r.getError();
      if ("invalid_auth".equals(error) || "not_authed".equals(error) || "account_inactive".equals(error)
          || "token_revoked".equals(error) || "token_expired".equals(error)) {
        throw new BadInputException("Slack refuses SLACK_BOT_TOKEN (" + error + "); copy the Bot User OAuth Token "
            + "(xoxb-...) from the app's OAuth & Permissions page");
      }
      throw new ReportedFailure("Slack's auth.test failed: " + error + LogSetup.detailsHint(), null);
    }
  }

  static String networkReason(IOException e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      if (t instanceof UnknownHostException || t instanceof ConnectException) {
        break;
      }
      t = t.getCause();
    }
    if (t instanceof UnknownHostException) {
      return "the host name does not resolve (" + t.getMessage() + ")";
    }
    if (t instanceof ConnectException) {
      return "the connection was refused (" + t.getMessage() + ")";
    }
    if (t instanceof HttpTimeoutException || t instanceof java.net.SocketTimeoutException) {
      return "no answer in time";
    }
    return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
  }
}
