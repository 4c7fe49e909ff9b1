package dev.lbtriage.engine.gather.azure;

import com.azure.core.http.HttpClient;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient.Builder;
import java.net.http.HttpClient.Redirect;
import java.net.http.HttpClient.Version;
import java.time.Duration;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * The HTTP client of live reads: the SDK's JDK {@code HttpClient} adapter over a JDK client that asks for HTTP/2
 * (offered by ALPN in the TLS handshake, so a server that does not choose {@code h2} is spoken to in HTTP/1.1), one
 * per process so its connections are reused from one gather to the next.
 *
 * <p>Why: a gather has up to 48 long-running actions and 8 reads in flight (issue 18). Over HTTP/1.1 each needs a
 * connection, and a cold client a TLS handshake per connection; over HTTP/2 they are streams of one connection.
 * Azure Resource Manager serves HTTP/2. {@code azure-core-http-jdk-httpclient} 1.1.2 pins HTTP/1.1 on the builder
 * it is given (its {@code build()} calls {@code version(HTTP_1_1)}, with no option to choose); the builder handed to
 * it here keeps HTTP/2 instead and passes every other setting through. Everything else (timeouts, proxy from the
 * environment, restricted headers, the pipeline's read-only guard and retries on 429/5xx) is the SDK's as before.
 */
public final class ArmHttpClients {

  private static volatile HttpClient shared;

  private ArmHttpClients() {}

  /** The process-wide client for Resource Manager: HTTP/2 preferred, default TLS trust. */
  public static HttpClient shared() {
    HttpClient c = shared;
    if (c == null) {
      synchronized (ArmHttpClients.class) {
        if (shared == null) {
          shared = preferringHttp2(java.net.http.HttpClient.newBuilder(), null);
        }
        c = shared;
      }
    }
    return c;
  }

  /**
   * A client over {@code jdk}'s settings that asks for HTTP/2 and falls back to HTTP/1.1.
   *
   * @param responseTimeout null for the SDK's default
   */
  public static HttpClient preferringHttp2(Builder jdk, Duration responseTimeout) {
    JdkHttpClientBuilder b = new JdkHttpClientBuilder(new KeepsHttp2(jdk.version(Version.HTTP_2)));
    if (responseTimeout != null) {
      b.responseTimeout(responseTimeout);
    }
    return b.build();
  }

  /** A JDK client builder whose version stays HTTP/2 (with HTTP/1.1 as the JDK's fallback); all else passed on. */
  private static final class KeepsHttp2 implements Builder {
    private final Builder inner;

    KeepsHttp2(Builder inner) {
      this.inner = inner;
    }

    @Override
    public Builder version(Version version) {
      return this; // HTTP/2 asked, HTTP/1.1 where the server does not agree to it
    }

    @Override
    public Builder cookieHandler(CookieHandler h) {
      inner.cookieHandler(h);
      return this;
    }

    @Override
    public Builder connectTimeout(Duration d) {
      inner.connectTimeout(d);
      return this;
    }

    @Override
    public Builder sslContext(SSLContext c) {
      inner.sslContext(c);
      return this;
    }

    @Override
    public Builder sslParameters(SSLParameters p) {
      inner.sslParameters(p);
      return this;
    }

    @Override
    public Builder executor(Executor e) {
      inner.executor(e);
      return this;
    }

    @Override
    public Builder followRedirects(Redirect r) {
      inner.followRedirects(r);
      return this;
    }

    @Override
    public Builder priority(int p) {
      inner.priority(p);
      return this;
    }

    @Override
    public Builder proxy(ProxySelector s) {
      inner.proxy(s);
      return this;
    }

    @Override
    public Builder authenticator(Authenticator a) {
      inner.authenticator(a);
      return this;
    }

    @Override
    public java.net.http.HttpClient build() {
      return inner.build();
    }
  }
}
