package dev.lbtriage.bot.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.request.files.FilesCompleteUploadExternalRequest.FileDetails;
import com.slack.api.methods.response.files.FilesGetUploadURLExternalResponse;
import com.slack.api.model.block.LayoutBlock;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's outgoing Web API calls: messages, edits, ephemeral notes and file uploads. Each message to a channel
 * waits for that channel's slot ({@link ChannelRateLimiter}); an HTTP 429 is retried after its {@code Retry-After}
 * (the 1.51 SDK's synchronous {@link MethodsClient} raises {@link SlackApiException} with status 429 and does not
 * retry itself). Errors are logged with the method and Slack's error code, never the token or the payload.
 */
public final class SlackPoster {

  private static final Logger LOG = LoggerFactory.getLogger(SlackPoster.class);
  private static final int MAX_ATTEMPTS = 4;

  private final MethodsClient client;
  private final ChannelRateLimiter limiter;
  private final Sleeper sleeper;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  public SlackPoster(MethodsClient client, ChannelRateLimiter limiter, Sleeper sleeper) {
    this.client = client;
    this.limiter = limiter;
    this.sleeper = sleeper;
  }

  /** Posts a message (in a thread when {@code threadTs} is set); returns its {@code ts}. */
  public String post(String channel, String threadTs, String text, List<LayoutBlock> blocks) {
    pace(channel);
    return call("chat.postMessage", () -> client.chatPostMessage(r -> r.channel(channel).threadTs(threadTs).text(text).blocks(blocks)))
        .getTs();
  }

  /** Replaces the text and blocks of a message the bot posted. */
  public void update(String channel, String ts, String text, List<LayoutBlock> blocks) {
    pace(channel);
    call("chat.update", () -> client.chatUpdate(r -> r.channel(channel).ts(ts).text(text).blocks(blocks)));
  }

  /** Whether a message to this channel would have to wait for its rate-limit slot now. */
  public boolean wouldWait(String channel) {
    return limiter.wouldWait(channel);
  }

  /** A message only {@code user} sees. */
  public void postEphemeral(String channel, String user, String text) {
    call("chat.postEphemeral", () -> client.chatPostEphemeral(r -> r.channel(channel).user(user).text(text)));
  }

  /**
   * Shares a text file in the thread: {@code files.getUploadURLExternal}, the bytes POSTed to the returned URL,
   * then {@code files.completeUploadExternal} with the channel and thread.
   */
  public void upload(String channel, String threadTs, FileUpload file) {
    byte[] bytes = file.bytes();
    FilesGetUploadURLExternalResponse target =
        call("files.getUploadURLExternal", () -> client.filesGetUploadURLExternal(r -> r.filename(file.filename()).length(bytes.length)));
    sendBytes(target.getUploadUrl(), bytes);
    FileDetails details = FileDetails.builder().id(target.getFileId()).title(file.title()).build();
    pace(channel);
    call(
        "files.completeUploadExternal",
        () ->
            client.filesCompleteUploadExternal(
                r -> r.files(List.of(details)).channelId(channel).threadTs(threadTs).initialComment(file.comment())));
  }

  private void sendBytes(String url, byte[] bytes) {
    try {
      HttpResponse<Void> response =
          http.send(
              HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(),
              HttpResponse.BodyHandlers.discarding());
      if (response.statusCode() != 200) {
        throw new SlackCallException("file upload answered HTTP " + response.statusCode(), null);
      }
    } catch (IOException e) {
      throw new SlackCallException("file upload failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SlackCallException("file upload interrupted", e);
    }
  }

  private void pace(String channel) {
    try {
      limiter.acquire(channel);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SlackCallException("interrupted while waiting to post to " + channel, e);
    }
  }

  /** One Web API call with retries on 429; a response with {@code ok=false} is an error. */
  private <T extends SlackApiTextResponse> T call(String method, ApiCall<T> apiCall) {
    for (int attempt = 1; ; attempt++) {
      try {
        T response = apiCall.run();
        if (!response.isOk()) {
          LOG.warn("Slack {} failed: error={}", method, response.getError());
          throw new SlackCallException(method + " failed: " + response.getError(), null);
        }
        return response;
      } catch (SlackApiException e) {
        int status = e.getResponse().code();
        if (status != 429 || attempt >= MAX_ATTEMPTS) {
          LOG.warn("Slack {} failed: HTTP {} {}", method, status, e.getError() != null ? e.getError().getError() : "");
          throw new SlackCallException(method + " failed: HTTP " + status, e);
        }
        Duration wait = retryAfter(e.getResponse().header("Retry-After"));
        LOG.info("Slack {} rate limited; retrying in {} s (attempt {})", method, wait.toSeconds(), attempt);
        sleepOrFail(method, wait);
      } catch (IOException e) {
        LOG.warn("Slack {} failed: {}", method, e.getClass().getSimpleName());
        throw new SlackCallException(method + " failed: " + e.getClass().getSimpleName(), e);
      }
    }
  }

  static Duration retryAfter(String header) {
    try {
      long seconds = header == null ? 1 : Long.parseLong(header.trim());
      return Duration.ofSeconds(Math.max(1, Math.min(seconds, 300)));
    } catch (NumberFormatException e) {
      return Duration.ofSeconds(1);
    }
  }

  private void sleepOrFail(String method, Duration wait) {
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SlackCallException(method + " interrupted while waiting after a 429", e);
    }
  }

  @FunctionalInterface
  private interface ApiCall<T> {
    T run() throws IOException, SlackApiException;
  }
}
