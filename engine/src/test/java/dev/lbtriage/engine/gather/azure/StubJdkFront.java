package dev.lbtriage.engine.gather.azure;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The stub over the JDK's {@code HttpsServer}: HTTP/1.1 only (it offers no ALPN), a connection per request in flight. */
final class StubJdkFront implements StubFront {

  private final HttpsServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(64, r -> { // as many as the reader may have in flight (48 operations + reads)
    Thread t = new Thread(r, "stub-arm");
    t.setDaemon(true);
    return t;
  });

  StubJdkFront(StubExchange.Handler handler) throws Exception {
    server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(SelfSignedTls.context()));
    server.setExecutor(executor);
    server.createContext("/", ex -> handler.handle(new Exchange(ex)));
    server.start();
  }

  @Override
  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    // HttpsServer.stop can wait seconds on idle TLS keep-alive connections; nothing waits for the port
    Thread stopper = new Thread(() -> server.stop(0), "stub-arm-stop");
    stopper.setDaemon(true);
    stopper.start();
    executor.shutdownNow();
  }

  private record Exchange(HttpExchange ex) implements StubExchange {
    @Override
    public String method() {
      return ex.getRequestMethod();
    }

    @Override
    public String path() {
      return ex.getRequestURI().getPath();
    }

    @Override
    public String rawQuery() {
      return ex.getRequestURI().getRawQuery();
    }

    @Override
    public String header(String name) {
      return ex.getRequestHeaders().getFirst(name);
    }

    @Override
    public String body() throws IOException {
      return new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    }

    @Override
    public String protocol() {
      return ex.getProtocol();
    }

    @Override
    public String connection() {
      return String.valueOf(ex.getRemoteAddress());
    }

    @Override
    public void addHeader(String name, String value) {
      ex.getResponseHeaders().add(name, value);
    }

    @Override
    public void send(int status, String body) throws IOException {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        ex.getResponseBody().write(bytes);
      }
      ex.close();
    }

    @Override
    public void drop() throws IOException {
      throw new IOException("stub drops this connection"); // HttpsServer closes the connection
    }
  }
}
