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
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.http.policy.AddDatePolicy;
import com.azure.core.http.policy.HttpLogOptions;
import com.azure.core.http.policy.HttpLoggingPolicy;
import com.azure.core.http.policy.RequestIdPolicy;
import com.azure.core.http.policy.RetryPolicy;
import com.azure.core.http.policy.UserAgentPolicy;
import com.azure.core.management.http.policy.ArmChallengeAuthenticationPolicy;
import com.azure.core.http.rest.Response;
import com.azure.core.http.rest.SimpleResponse;
import com.azure.core.management.exception.ManagementException;
import com.azure.core.management.polling.PollResult;
import com.azure.core.management.polling.SyncPollerFactory;
import com.azure.core.management.serializer.SerializerFactory;
import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import com.azure.core.util.polling.LongRunningOperationStatus;
import com.azure.core.util.polling.PollResponse;
import com.azure.core.util.polling.SyncPoller;
import com.azure.core.util.serializer.SerializerAdapter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
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
  private static final SerializerAdapter SERIALIZER = SerializerFactory.createDefaultManagementSerializerAdapter();

  private final HttpPipeline pipeline;
  private final String endpoint;

  ArmClient(HttpPipeline pipeline, String endpoint) {
    this.pipeline = pipeline;
    this.endpoint = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
  }

  static HttpPipeline pipeline(AzureCloudConfig cloud, TokenCredential credential, AzureReadOptions options) {
    HttpClient client = options.httpClient() != null ? options.httpClient() : new JdkHttpClientBuilder().build();
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
   * and poll it as ARM asks ({@code Azure-AsyncOperation} / {@code Location}, {@code Retry-After})
   * with the SDK's management poller; the final result.
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
    Supplier<Response<BinaryData>> initial = () -> {
      try (HttpResponse r = pipeline.sendSync(post, Context.NONE)) {
        byte[] bytes = r.getBodyAsBinaryData() == null ? new byte[0] : r.getBodyAsBinaryData().toBytes();
        if (r.getStatusCode() >= 400) {
          throw error(r.getStatusCode(), new String(bytes, StandardCharsets.UTF_8));
        }
        return new SimpleResponse<>(post, r.getStatusCode(), r.getHeaders(), BinaryData.fromBytes(bytes));
      }
    };
    try {
      SyncPoller<PollResult<JsonNode>, JsonNode> poller = SyncPollerFactory.create(SERIALIZER, pipeline,
          JsonNode.class, JsonNode.class, pollInterval, initial, Context.NONE);
      PollResponse<PollResult<JsonNode>> last = poller.waitForCompletion(timeout);
      if (last.getStatus() != LongRunningOperationStatus.SUCCESSFULLY_COMPLETED) {
        throw new ArmReadException(0, null, "the operation ended " + last.getStatus(), null);
      }
      JsonNode result = poller.getFinalResult();
      return result == null ? JSON.createObjectNode() : result;
    } catch (ArmReadException | ReadOnlyViolationException e) {
      throw e;
    } catch (ManagementException e) {
      int status = e.getResponse() == null ? 0 : e.getResponse().getStatusCode();
      String code = e.getValue() == null ? null : e.getValue().getCode();
      throw new ArmReadException(status, code, "the operation failed: " + ArmReadException.statusText(status, code), e);
    } catch (RuntimeException e) {
      throw new ArmReadException(0, null, "the operation did not complete (" + describe(e) + ")", e);
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
