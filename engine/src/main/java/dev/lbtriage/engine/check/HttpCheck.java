package dev.lbtriage.engine.check;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * HTTP GETs of one URL, as a load balancer's HTTP probe does: an attempt succeeds only on status
 * 200 (redirects are not followed). Like {@code psping} for HTTP, or {@code curl} in a loop.
 */
public final class HttpCheck {

  private final URI url;
  private final CheckLimits limits;

  /** @throws IllegalArgumentException unless the URL is absolute http or https with a host */
  public HttpCheck(URI url, CheckLimits limits) {
    Objects.requireNonNull(url, "url");
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
      throw new IllegalArgumentException("an absolute http or https URL is required, was " + url);
    }
    if (url.getPort() != -1) {
      CheckLimits.port(url.getPort());
    }
    this.url = url;
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  public CheckResult run() {
    HttpClient client = HttpClient.newBuilder().connectTimeout(limits.timeout())
        .followRedirects(HttpClient.Redirect.NEVER).build();
    List<CheckResult.Attempt> attempts = new ArrayList<>();
    for (int i = 1; i <= limits.count() && !Thread.currentThread().isInterrupted(); i++) {
      attempts.add(attempt(client, i));
      limits.pause(i);
    }
    return new CheckResult("HTTP GET", url.toString(), attempts);
  }

  private CheckResult.Attempt attempt(HttpClient client, int number) {
    HttpRequest request = HttpRequest.newBuilder(url).timeout(limits.timeout()).GET()
        .header("User-Agent", "lb-triage-check").build();
    long start = System.nanoTime();
    try {
      HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
      Duration latency = Duration.ofNanos(System.nanoTime() - start);
      int status = response.statusCode();
      return new CheckResult.Attempt(number, status == 200, latency, "HTTP " + status);
    } catch (HttpTimeoutException e) {
      return new CheckResult.Attempt(number, false, null, "timed out after " + limits.timeout().toMillis() + " ms");
    } catch (ConnectException e) {
      return new CheckResult.Attempt(number, false, null, "refused (" + e.getClass().getSimpleName() + ")");
    } catch (IOException e) {
      return new CheckResult.Attempt(number, false, null, "failed (" + e + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new CheckResult.Attempt(number, false, null, "interrupted");
    }
  }
}
