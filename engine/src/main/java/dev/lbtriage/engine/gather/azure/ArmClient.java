package dev.lbtriage.engine.gather.azure;

import com.azure.core.credential.TokenCredential;
import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.AddDatePolicy;
import com.azure.core.http.policy.HttpLogOptions;
import com.azure.core.http.policy.HttpLoggingPolicy;
import com.azure.core.http.policy.RequestIdPolicy;
import com.azure.core.http.policy.RetryPolicy;
import com.azure.core.http.policy.UserAgentPolicy;
import com.azure.core.management.http.policy.ArmChallengeAuthenticationPolicy;
import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Raw ARM reads over the SDK pipeline: read-only guard first, then a guard that only the Resource
 * Manager endpoint is addressed (so no token leaves for another host), then user agent, request id, the
 * SDK's retry policy, date, ARM bearer-token authentication, and the SDK's logging (which redacts
 * headers). Our own log lines name only method and path, never headers.
 */
final class ArmClient {

  private static final Logger LOG = LoggerFactory.getLogger(ArmClient.class);
  static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_PAGES = 50;

  private final HttpPipeline pipeline;
  private final String endpoint;

  ArmClient(HttpPipeline pipeline, String endpoint) {
    this.pipeline = pipeline;
    this.endpoint = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
  }

  static HttpPipeline pipeline(AzureCloudConfig cloud, TokenCredential credential, AzureReadOptions options) {
    HttpClient client = options.httpClient() != null ? options.httpClient() : ArmHttpClients.shared();
    return new HttpPipelineBuilder()
        .policies(new ReadOnlyPolicy(), new EndpointOnlyPolicy(cloud.resourceManagerEndpoint()),
            new UserAgentPolicy("lb-triage"), new RequestIdPolicy(),
            new RetryPolicy(options.retry()), new AddDatePolicy(),
            new ArmChallengeAuthenticationPolicy(credential, cloud.scope()),
            new HttpLoggingPolicy(new HttpLogOptions()))
        .httpClient(client)
        .build();
  }

  HttpPipeline pipeline() {
    return pipeline;
  }

  String url(String path, String apiVersion, String extraQuery) {
    String p = path.startsWith("/") ? path : "/" + path;
    return endpoint + p + "?api-version=" + apiVersion + (extraQuery == null ? "" : "&" + extraQuery);
  }

  /** GET a resource (or list page) by id. */
  JsonNode get(String path, String apiVersion, String extraQuery) {
    return send(new HttpRequest(HttpMethod.GET, url(path, apiVersion, extraQuery)));
  }

  /** GET a list and follow {@code nextLink}; the items of every page. */
  List<JsonNode> list(String path, String apiVersion) {
    List<JsonNode> items = new ArrayList<>();
    String url = url(path, apiVersion, null);
    for (int page = 0; url != null && page < MAX_PAGES; page++) {
      JsonNode body = send(new HttpRequest(HttpMethod.GET, url));
      body.path("value").forEach(items::add);
      url = body.path("nextLink").isTextual() ? body.path("nextLink").asText() : null;
    }
    return items;
  }

  /**
   * POST a read-style action ({@code effectiveNetworkSecurityGroups}, {@code effectiveRouteTable})
   * and poll it as ARM asks: the {@code Azure-AsyncOperation} status (else the {@code Location}) at the
   * server's {@code Retry-After}, or every {@code pollInterval} when it gives none; the result from
   * {@code Location}. The poll runs on the caller's thread (issue 18: the SDK's poller ran each poll on
   * its shared pool of 10 threads per core, which 40 operations at once exhausted, and idled ~50 ms
   * longer than asked between polls).
   */
  JsonNode action(String resourceId, String action, String apiVersion, Duration pollInterval, Duration timeout) {
    return action(resourceId, action, apiVersion, null, pollInterval, timeout);
  }

  /** As above with a JSON request body (Network Watcher's {@code ipFlowVerify} parameters). */
  JsonNode action(String resourceId, String action, String apiVersion, JsonNode body, Duration pollInterval,
      Duration timeout) {
    HttpRequest post = new HttpRequest(HttpMethod.POST, url(resourceId + "/" + action, apiVersion, null));
    if (body == null) {
      post.setBody(BinaryData.fromBytes(new byte[0]));
    } else {
      post.setHeader(HttpHeaderName.CONTENT_TYPE, "application/json");
      post.setBody(BinaryData.fromString(body.toString()));
    }
    LOG.debug("POST {}", post.getUrl().getPath());
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      Answer first = exchange(post);
      String status = first.header("Azure-AsyncOperation");
      String location = first.header("Location");
      if (first.status() != 202 && status == null && (location == null || first.status() == 200)) {
        return first.json(); // done at once
      }
      Duration wait = first.retryAfter(Duration.ZERO); // the first poll at once unless ARM asks to wait
      if (status != null) {
        while (true) {
          sleep(wait, deadline, timeout);
          Answer poll = exchange(new HttpRequest(HttpMethod.GET, status));
          JsonNode json = poll.json();
          String state = json.path("status").asText("");
          if (state.equalsIgnoreCase("Succeeded")) {
            return location != null ? sendForJson(new HttpRequest(HttpMethod.GET, location)) : json;
          }
          if (state.equalsIgnoreCase("Failed") || state.equalsIgnoreCase("Canceled")) {
            String code = json.path("error").path("code").isTextual() ? json.path("error").path("code").asText() : null;
            throw new ArmReadException(poll.status(), code, "the operation failed: "
                + ArmReadException.statusText(poll.status(), code), null);
          }
          wait = poll.retryAfter(pollInterval);
        }
      }
      while (true) {
        sleep(wait, deadline, timeout);
        Answer poll = exchange(new HttpRequest(HttpMethod.GET, location));
        if (poll.status() != 202) {
          return poll.json();
        }
        wait = poll.retryAfter(pollInterval);
      }
    } catch (ArmReadException | ReadOnlyViolationException e) {
      throw e;
    } catch (ClientAuthenticationException e) {
      throw new ArmReadException(401, null, "could not get an access token (" + describe(e) + ")", e);
    } catch (RuntimeException e) {
      throw new ArmReadException(0, null, "the operation did not complete (" + describe(e) + ")", e);
    }
  }

  /** One answer: status, headers and body read whole; an HTTP error (after the pipeline's retries) thrown. */
  private record Answer(int status, com.azure.core.http.HttpHeaders headers, String body) {
    String header(String name) {
      String v = headers.getValue(HttpHeaderName.fromString(name));
      return v == null || v.isBlank() ? null : v;
    }

    /** ARM's {@code Retry-After} (seconds), else {@code otherwise}. */
    Duration retryAfter(Duration otherwise) {
      String v = header("Retry-After");
      if (v != null && v.trim().chars().allMatch(Character::isDigit) && v.trim().length() <= 6) {
        return Duration.ofSeconds(Long.parseLong(v.trim()));
      }
      return otherwise;
    }

    JsonNode json() {
      try {
        return body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
      } catch (IOException e) {
        throw new ArmReadException(status, null, "the response is not JSON (" + e.getClass().getSimpleName() + ")", e);
      }
    }
  }

  private Answer exchange(HttpRequest request) {
    LOG.debug("{} {}", request.getHttpMethod(), request.getUrl().getPath());
    try (HttpResponse r = pipeline.sendSync(request, Context.NONE)) {
      String text = r.getBodyAsBinaryData() == null ? "" : r.getBodyAsBinaryData().toString();
      if (r.getStatusCode() >= 400) {
        throw error(r.getStatusCode(), text);
      }
      return new Answer(r.getStatusCode(), r.getHeaders(), text);
    }
  }

  private JsonNode sendForJson(HttpRequest request) {
    return exchange(request).json();
  }

  private static void sleep(Duration wait, long deadline, Duration timeout) {
    long left = deadline - System.nanoTime();
    if (left <= 0 || wait.toNanos() > left) {
      throw new ArmReadException(0, null, "the operation did not complete within " + timeout.toSeconds() + " s", null);
    }
    if (wait.isZero()) {
      return;
    }
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ArmReadException(0, null, "the operation did not complete (interrupted)", e);
    }
  }

  JsonNode send(HttpRequest request) {
    LOG.debug("{} {}", request.getHttpMethod(), request.getUrl().getPath());
    try (HttpResponse response = pipeline.sendSync(request, Context.NONE)) {
      return body(response);
    } catch (ArmReadException | ReadOnlyViolationException e) {
      throw e;
    } catch (ClientAuthenticationException e) {
      throw new ArmReadException(401, null, "could not get an access token (" + describe(e) + ")", e);
    } catch (RuntimeException e) {
      throw new ArmReadException(0, null, "no response (" + describe(e) + ")", e);
    }
  }

  static JsonNode body(HttpResponse response) {
    int status = response.getStatusCode();
    String text = response.getBodyAsBinaryData() == null ? "" : response.getBodyAsBinaryData().toString();
    if (status >= 200 && status < 300) {
      try {
        return text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
      } catch (IOException e) {
        throw new ArmReadException(status, null, "the response is not JSON (" + e.getClass().getSimpleName() + ")", e);
      }
    }
    throw error(status, text);
  }

  static ArmReadException error(int status, String text) {
    String code = null;
    try {
      JsonNode err = JSON.readTree(text == null || text.isBlank() ? "{}" : text).path("error");
      code = err.path("code").isTextual() ? err.path("code").asText() : null;
    } catch (IOException | RuntimeException e) {
      // not an ARM error body; the status says enough
    }
    return new ArmReadException(status, code, ArmReadException.statusText(status, code), null);
  }

  /** The root cause's class and message; exception messages of the pipeline hold no headers. */
  static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String msg = root.getMessage();
    return root.getClass().getSimpleName() + (msg == null ? "" : ": " + msg);
  }
}
