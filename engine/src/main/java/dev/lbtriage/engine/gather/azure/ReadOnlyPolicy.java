package dev.lbtriage.engine.gather.azure;

import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelineNextSyncPolicy;
import com.azure.core.http.HttpPipelinePosition;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import java.util.List;
import java.util.Locale;
import reactor.core.publisher.Mono;

/**
 * Refuses, before anything is sent, every request but {@code GET} and the read-style ARM actions:
 * {@code POST .../networkInterfaces/x/effectiveNetworkSecurityGroups}, {@code .../effectiveRouteTable},
 * and Network Watcher's {@code .../ipFlowVerify} and {@code .../nextHop}. It is the first policy of
 * the pipeline, so a refused request is neither authenticated, retried nor logged as sent.
 */
public final class ReadOnlyPolicy implements HttpPipelinePolicy {

  private static final List<String> READ_ACTIONS =
      List.of("/effectivenetworksecuritygroups", "/effectiveroutetable", "/ipflowverify", "/nexthop");

  /** True when lb-triage may send this request. */
  public static boolean allowed(HttpMethod method, String path) {
    if (method == HttpMethod.GET) {
      return true;
    }
    if (method != HttpMethod.POST || path == null) {
      return false;
    }
    String p = path.toLowerCase(Locale.ROOT);
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    String lower = p;
    return READ_ACTIONS.stream().anyMatch(lower::endsWith);
  }

  private static void check(HttpRequest request) {
    String path = request.getUrl().getPath();
    if (!allowed(request.getHttpMethod(), path)) {
      throw new ReadOnlyViolationException(request.getHttpMethod().toString(), path);
    }
  }

  @Override
  public Mono<HttpResponse> process(HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
    try {
      check(context.getHttpRequest());
    } catch (ReadOnlyViolationException e) {
      return Mono.error(e);
    }
    return next.process();
  }

  @Override
  public HttpResponse processSync(HttpPipelineCallContext context, HttpPipelineNextSyncPolicy next) {
    check(context.getHttpRequest());
    return next.processSync();
  }

  @Override
  public HttpPipelinePosition getPipelinePosition() {
    return HttpPipelinePosition.PER_CALL;
  }
}
