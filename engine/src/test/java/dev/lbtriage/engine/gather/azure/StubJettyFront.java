package dev.lbtriage.engine.gather.azure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http2.HTTP2Cipher;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The stub over Jetty 12 with TLS and ALPN: HTTP/2 for a client that offers {@code h2} (as the JDK client asks for
 * it), HTTP/1.1 otherwise; as Azure Resource Manager answers. Up to 128 streams a connection (Jetty's default).
 */
final class StubJettyFront implements StubFront {

  private final Server server;
  private final ServerConnector connector;

  StubJettyFront(StubExchange.Handler handler) throws Exception {
    QueuedThreadPool threads = new QueuedThreadPool(200, 8);
    threads.setName("stub-arm-h2");
    threads.setDaemon(true);
    server = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    HttpConnectionFactory h1 = new HttpConnectionFactory(http);
    HTTP2ServerConnectionFactory h2 = new HTTP2ServerConnectionFactory(http);
    ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory();
    alpn.setDefaultProtocol(h1.getProtocol());
    SslContextFactory.Server tls = new SslContextFactory.Server();
    tls.setSslContext(SelfSignedTls.context());
    tls.setCipherComparator(HTTP2Cipher.COMPARATOR);
    connector = new ServerConnector(server, new SslConnectionFactory(tls, alpn.getProtocol()), alpn, h2, h1);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    server.setHandler(new Handler.Abstract() { // blocking: the stub sleeps to stand for ARM's latency
      @Override
      public boolean handle(Request request, Response response, Callback callback) throws Exception {
        handler.handle(new Exchange(request, response, callback));
        return true;
      }
    });
    server.setStopTimeout(0);
    server.start();
  }

  @Override
  public int port() {
    return connector.getLocalPort();
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      // the port goes with the process
    }
  }

  private record Exchange(Request request, Response response, Callback callback) implements StubExchange {
    @Override
    public String method() {
      return request.getMethod();
    }

    @Override
    public String path() {
      return request.getHttpURI().getDecodedPath();
    }

    @Override
    public String rawQuery() {
      return request.getHttpURI().getQuery();
    }

    @Override
    public String header(String name) {
      return request.getHeaders().get(name);
    }

    @Override
    public String body() throws IOException {
      return Content.Source.asString(request, StandardCharsets.UTF_8);
    }

    @Override
    public String protocol() {
      return request.getConnectionMetaData().getProtocol();
    }

    @Override
    public String connection() {
      return String.valueOf(request.getConnectionMetaData().getRemoteSocketAddress());
    }

    @Override
    public void addHeader(String name, String value) {
      response.getHeaders().add(name, value);
    }

    @Override
    public void send(int status, String body) {
      response.setStatus(status);
      if (body.isEmpty()) {
        response.write(true, null, callback);
      } else {
        Content.Sink.write(response, true, body, callback);
      }
    }

    @Override
    public void drop() {
      request.getConnectionMetaData().getConnection().getEndPoint().close(); // every stream of the connection goes
      callback.failed(new IOException("stub drops this connection"));
    }
  }
}
