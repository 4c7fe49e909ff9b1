package dev.lbtriage.bot.slack;

import com.google.gson.Gson;
import com.slack.api.Slack;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.impl.MethodsClientImpl;
import com.slack.api.util.json.GsonFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.FormBody;
import okhttp3.Headers;
import okhttp3.Response;

/**
 * The SDK's Web API client with one Gson for every answer. The 1.51 SDK builds a new Gson (and so new reflective
 * adapters for the whole response type) to parse each answer; under a burst that was a third of the bot's CPU
 * samples and most of its garbage (issue 18). Here the answer is read as the SDK reads it (same request, same
 * Gson settings from the same {@code SlackConfig}, the response headers set on the response, the client's
 * response listeners run, a non-2xx status raised as {@link SlackApiException}), but with a Gson made once; Gson
 * is thread-safe and caches its adapters. The SDK's per-team call counters (its rate-limit metrics, not used by
 * the synchronous client) are not kept.
 */
final class SharedGsonMethodsClient extends MethodsClientImpl {

  private final Slack slack;
  private final Gson gson;

  SharedGsonMethodsClient(Slack slack, String token) {
    super(slack.getHttpClient(), token);
    this.slack = slack;
    this.gson = GsonFactory.createSnakeCase(slack.getConfig());
    setEndpointUrlPrefix(slack.getConfig().getMethodsEndpointUrlPrefix());
  }

  @Override
  protected <T extends SlackApiTextResponse> T postFormWithTokenAndParseResponse(FormBody.Builder form, String endpoint,
      String token, Class<T> type) throws IOException, SlackApiException {
    Response response = postFormWithToken(form, endpoint, token);
    String body = response.body().string();
    if (!response.isSuccessful()) {
      throw new SlackApiException(slack.getConfig(), response, body);
    }
    try {
      T parsed = gson.fromJson(body, type);
      parsed.setHttpResponseHeaders(lowerCased(response.headers()));
      return parsed;
    } finally {
      slack.getHttpClient().runHttpResponseListeners(response, body, false);
    }
  }

  private static Map<String, List<String>> lowerCased(Headers headers) {
    Map<String, List<String>> out = new HashMap<>();
    headers.toMultimap().forEach((name, values) -> out.put(name.toLowerCase(Locale.ROOT), values));
    return out;
  }
}
