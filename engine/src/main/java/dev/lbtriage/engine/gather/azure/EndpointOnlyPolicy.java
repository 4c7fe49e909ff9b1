package dev.lbtriage.engine.gather.azure;

import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelineNextSyncPolicy;
import com.azure.core.http.HttpPipelinePosition;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import java.net.URI;
import java.net.URL;
import reactor.core.publisher.Mono;

/**
 * Refuses any request not addressed to the Resource Manager endpoint (scheme, host and port), so a
 * {@code nextLink}, {@code Location} or {@code Azure-AsyncOperation} URL pointing elsewhere never
 * receives the bearer token. Sits before authentication in the pipeline.
 */
final class EndpointOnlyPolicy implements HttpPipelinePolicy {

  private final URI endpoint;

  EndpointOnlyPolicy(String endpoint) {
    this.endpoint = URI.create(endpoint);
  }

  boolean allowed(URL url) {
    return url.getProtocol().equalsIgnoreCase(endpoint.getScheme()) && url.getHost().equalsIgnoreCase(endpoint.getHost())
        && port(url.getPort(), url.getDefaultPort()) == port(endpoint.getPort(), 443);
  }

  private static int port(int port, int fallback) {
    return port == -1 ? fallback : port;
  }

  private void check(HttpPipelineCallContext context) {
    URL url = context.getHttpRequest().getUrl();
    if (!allowed(url)) {
      throw new IllegalStateException("refused a request to " + url.getProtocol() + "://" + url.getHost()
          + (url.getPort() == -1 ? "" : ":" + url.getPort()) + ": lb-triage only talks to " + endpoint);
    }
  }

  @Override
  public Mono<HttpResponse> process(HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
    try {
      check(context);
    } catch (IllegalStateException e) {
      return Mono.error(e);
    }
    return next.process();
  }

  @Override
  public HttpResponse processSync(HttpPipelineCallContext context, HttpPipelineNextSyncPolicy next) {
    check(context);
    return next.processSync();
  }

  @Override
  public HttpPipelinePosition getPipelinePosition() {
    return HttpPipelinePosition.PER_CALL;
  }
}
