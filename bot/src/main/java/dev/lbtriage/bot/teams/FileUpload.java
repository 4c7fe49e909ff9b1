package dev.lbtriage.bot.teams;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a file's bytes to the {@code uploadUrl} Teams hands over when a user accepts a file consent card
 * ({@code fileConsent/invoke}, {@code value.uploadInfo.uploadUrl}): a OneDrive for Business upload session
 * (msteams-docs bots-filesv4.md; OneDrive driveitem_createuploadsession "upload bytes to the upload session"). Each
 * {@code PUT} carries one range with {@code Content-Range: bytes start-end/total}; ranges are {@value #CHUNK} bytes
 * (a multiple of 320 KiB, as upload sessions require), so a small bundle is one {@code PUT}. The session answers 202
 * to a range that is not the last and 200 or 201 to the last one. 429, 500, 502, 503 and 504 are retried like the
 * connector's answers. The upload URL is pre-authorised: the bot's token is never sent to it.
 */
final class FileUpload {
  static final int CHUNK = 16 * 320 * 1024;
  private static final Set<Integer> RETRIED = Set.of(429, 500, 502, 503, 504);
  private static final Logger LOG = LoggerFactory.getLogger(FileUpload.class);

  private final HttpClient http;
  private final int chunk;
  private final Sleeper sleeper;

  FileUpload(HttpClient http, int chunk, Sleeper sleeper) {
    if (chunk <= 0) {
      throw new IllegalArgumentException("chunk size " + chunk);
    }
    this.http = http;
    this.chunk = chunk;
    this.sleeper = sleeper;
  }

  /** Uploads {@code bytes} to {@code uploadUrl}, range by range, in order. */
  void put(String uploadUrl, byte[] bytes) {
    URI uri;
    try {
      uri = URI.create(uploadUrl);
    } catch (IllegalArgumentException e) {
      throw new ConnectorException(0, "unusable uploadUrl");
    }
    if (!Loopback.acceptableUrl(uri)) {
      throw new ConnectorException(0, "refusing an uploadUrl that is not https");
    }
    if (bytes.length == 0) {
      throw new ConnectorException(0, "nothing to upload");
    }
    for (int start = 0; start < bytes.length; start += chunk) {
      int length = Math.min(chunk, bytes.length - start);
      range(uri, bytes, start, length);
    }
  }

  private void range(URI uri, byte[] bytes, int start, int length) {
    String range = "bytes " + start + "-" + (start + length - 1) + "/" + bytes.length;
    for (int attempt = 1; ; attempt++) {
      HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(120))
          .header("Content-Range", range)
          .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes, start, length)).build();
      HttpResponse<String> response;
      try {
        response = http.send(request, HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        if (attempt >= ConnectorClient.ATTEMPTS) {
          throw new ConnectorException(0, "upload of " + range + " failed: " + e.getMessage());
        }
        pause(ConnectorClient.backoff(attempt));
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ConnectorException(0, "interrupted uploading the file");
      }
      int status = response.statusCode();
      if (status >= 200 && status < 300) {
        return;
      }
      if (RETRIED.contains(status) && attempt < ConnectorClient.ATTEMPTS) {
        Duration wait = ConnectorClient.retryAfter(response).orElse(ConnectorClient.backoff(attempt));
        LOG.info("The upload session answered {} to {}; retrying in {} ms", status, range, wait.toMillis());
        pause(wait);
        continue;
      }
      throw new ConnectorException(status, "the upload of " + range + " answered HTTP " + status);
    }
  }

  private void pause(Duration d) {
    try {
      sleeper.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConnectorException(0, "interrupted waiting to upload");
    }
  }
}
