package dev.lbtriage.engine.gather.graph;

import com.azure.core.credential.TokenCredential;
import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.http.policy.AddDatePolicy;
import com.azure.core.http.policy.HttpLogOptions;
import com.azure.core.http.policy.HttpLoggingPolicy;
import com.azure.core.http.policy.RequestIdPolicy;
import com.azure.core.http.policy.UserAgentPolicy;
import com.azure.core.http.rest.Response;
import com.azure.core.management.exception.ManagementError;
import com.azure.core.management.exception.ManagementException;
import com.azure.core.management.http.policy.ArmChallengeAuthenticationPolicy;
import com.azure.core.util.Context;
import com.azure.resourcemanager.resourcegraph.ResourceGraphManager;
import com.azure.resourcemanager.resourcegraph.models.QueryRequest;
import com.azure.resourcemanager.resourcegraph.models.QueryRequestOptions;
import com.azure.resourcemanager.resourcegraph.models.QueryResponse;
import com.azure.resourcemanager.resourcegraph.models.ResultFormat;
import com.azure.resourcemanager.resourcegraph.models.ResultTruncated;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lbtriage.engine.gather.azure.AzureCloudConfig;
import java.util.List;

/**
 * One page of a Resource Graph query through the Azure SDK ({@code azure-resourcemanager-resourcegraph},
 * {@code POST /providers/Microsoft.ResourceGraph/resources}). The pipeline has no retry policy:
 * {@link GraphReader} waits for the quota itself. Errors become {@link GraphReadException}s with one line.
 */
public final class ResourceGraphClient implements GraphTransport {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ResourceGraphManager manager;

  ResourceGraphClient(ResourceGraphManager manager) {
    this.manager = manager;
  }

  /**
   * @param httpClient the HTTP client (tests: one trusting the stub's certificate); null for the JDK's
   */
  public static ResourceGraphClient create(AzureCloudConfig cloud, TokenCredential credential, HttpClient httpClient) {
    HttpPipeline pipeline = new HttpPipelineBuilder()
        .policies(new UserAgentPolicy("lb-triage"), new RequestIdPolicy(), new AddDatePolicy(),
            new ArmChallengeAuthenticationPolicy(credential, cloud.scope()), new HttpLoggingPolicy(new HttpLogOptions()))
        .httpClient(httpClient != null ? httpClient : new JdkHttpClientBuilder().build())
        .build();
    return new ResourceGraphClient(ResourceGraphManager.authenticate(pipeline, cloud.profile()));
  }

  @Override
  public GraphPage query(String kql, List<String> subscriptions, List<String> managementGroups, String skipToken, int top) {
    QueryRequestOptions options = new QueryRequestOptions().withTop(top).withResultFormat(ResultFormat.OBJECT_ARRAY);
    if (skipToken != null) {
      options.withSkipToken(skipToken);
    }
    QueryRequest request = new QueryRequest().withQuery(kql).withOptions(options);
    if (!subscriptions.isEmpty()) {
      request.withSubscriptions(subscriptions);
    }
    if (!managementGroups.isEmpty()) {
      request.withManagementGroups(managementGroups);
    }
    Response<QueryResponse> response;
    try {
      response = manager.resourceProviders().resourcesWithResponse(request, Context.NONE);
    } catch (ManagementException e) {
      throw error(e.getResponse() == null ? 0 : e.getResponse().getStatusCode(), e.getValue(),
          e.getResponse() == null ? null : e.getResponse().getHeaders(), e.getMessage());
    } catch (HttpResponseException e) {
      throw error(e.getResponse() == null ? 0 : e.getResponse().getStatusCode(), null,
          e.getResponse() == null ? null : e.getResponse().getHeaders(), e.getMessage());
    } catch (RuntimeException e) {
      throw new GraphReadException(0, null, "Resource Graph could not be reached: " + oneLine(String.valueOf(e.getMessage() == null
          ? e.getClass().getSimpleName() : e.getMessage())), null);
    }
    QueryResponse body = response.getValue();
    HttpHeaders h = response.getHeaders();
    JsonNode data = JSON.valueToTree(body.data());
    return new GraphPage(data, body.skipToken(), body.totalRecords(), body.resultTruncated() == ResultTruncated.TRUE,
        Quota.remaining(header(h, Quota.REMAINING)), Quota.resetsAfter(header(h, Quota.RESETS_AFTER)));
  }

  private static String header(HttpHeaders h, String name) {
    return h == null ? null : h.getValue(HttpHeaderName.fromString(name));
  }

  static GraphReadException error(int status, ManagementError error, HttpHeaders headers, String fallback) {
    String code = error == null ? null : error.getCode();
    String message = error == null ? null : error.getMessage();
    if (error != null && error.getDetails() != null && !error.getDetails().isEmpty()
        && error.getDetails().get(0).getMessage() != null) {
      message = error.getDetails().get(0).getMessage(); // the 429's top message is only "provide below info ..."
    }
    java.time.Duration wait = Quota.resetsAfter(header(headers, Quota.RESETS_AFTER));
    if (wait == null) {
      wait = Quota.retryAfter(header(headers, "Retry-After"));
    }
    String what = switch (status) {
      case 401 -> "the credential was not accepted (sign in again: az login)";
      case 403 -> "the signed-in identity may not read these scopes (it needs Reader on the subscriptions or management group)";
      case 429 -> "Resource Graph throttled the scan; wait for the quota to reset and run it again, or scan fewer subscriptions at a time";
      default -> status >= 500 ? "Resource Graph failed on its side; run the scan again later" : "the query was refused";
    };
    String said = message != null ? message : fallback;
    return new GraphReadException(status, code, "Resource Graph answered " + status + (code != null ? " " + code : "") + ": " + what
        + (said != null && !said.isBlank() ? " (Azure said: " + oneLine(said) + ")" : ""), wait);
  }

  static String oneLine(String s) {
    String flat = s.replaceAll("\\s+", " ").trim();
    return flat.length() <= 300 ? flat : flat.substring(0, 297) + "...";
  }
}
