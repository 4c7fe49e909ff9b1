package dev.lbtriage.engine.gather.graph;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.http.HttpClient;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import dev.lbtriage.engine.gather.azure.AzureCloudConfig;
import dev.lbtriage.engine.gather.azure.SelfSignedTls;
import java.time.OffsetDateTime;
import reactor.core.publisher.Mono;

/** How tests reach {@link StubResourceGraph}: the stub's endpoint as a custom cloud, its token, an HTTP client trusting its certificate. */
public final class StubGraphAccess {
  private StubGraphAccess() {}

  public static TokenCredential credential() {
    return new TokenCredential() {
      @Override
      public Mono<AccessToken> getToken(TokenRequestContext request) {
        return Mono.just(getTokenSync(request));
      }

      @Override
      public AccessToken getTokenSync(TokenRequestContext request) {
        return new AccessToken(StubResourceGraph.TOKEN, OffsetDateTime.now().plusHours(1));
      }
    };
  }

  public static HttpClient httpClient() throws Exception {
    return new JdkHttpClientBuilder(java.net.http.HttpClient.newBuilder().sslContext(SelfSignedTls.context())).build();
  }

  public static ResourceGraphClient client(StubResourceGraph stub) throws Exception {
    return ResourceGraphClient.create(AzureCloudConfig.custom(stub.endpoint(), "https://login.microsoftonline.com/", null),
        credential(), httpClient());
  }
}
