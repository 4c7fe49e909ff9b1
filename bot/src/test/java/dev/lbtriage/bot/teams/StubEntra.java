package dev.lbtriage.bot.teams;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * A stand-in for the Entra ID token endpoint ({@code login.microsoftonline.com}) on loopback HTTPS (the test
 * certificate of the engine's stub ARM): {@code POST /{tenant}/oauth2/v2.0/token} answers a client-credentials
 * grant as Entra does (research/teams/auth/token_response_login_microsoftonline_bot-docs-sample.json: token_type,
 * expires_in, ext_expires_in, access_token), a fresh token each time; every request is recorded with its form.
 */
final class StubEntra implements AutoCloseable {
  record Request(String method, String path, Map<String, String> form) {}

  private final HttpsServer server;
  private final String tenant;
  private final List<Request> requests = new ArrayList<>();
  private final List<String> issued = new ArrayList<>();
  private final AtomicInteger n = new AtomicInteger();
  volatile int expiresIn = 3600;

  StubEntra(SSLContext tls, String tenant) throws IOException {
    this.tenant = tenant;
    server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(tls));
    server.createContext("/", this::handle);
    server.start();
  }

  /** The authority host to give azure-identity. */
  String authorityHost() {
    return "https://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  String tokenEndpoint() {
    return authorityHost() + tenant + "/oauth2/v2.0/token";
  }

  synchronized List<Request> requests() {
    return List.copyOf(requests);
  }

  /** The token requests (POSTs to the token endpoint). */
  synchronized List<Request> tokenRequests() {
    return requests.stream().filter(r -> r.path().endsWith("/oauth2/v2.0/token")).toList();
  }

  synchronized List<String> issued() {
    return List.copyOf(issued);
  }

  private void handle(HttpExchange ex) throws IOException {
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String path = ex.getRequestURI().getPath();
    Map<String, String> form = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      if (!pair.isEmpty()) {
        String[] kv = pair.split("=", 2);
        form.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
      }
    }
    String answer;
    int status;
    synchronized (this) {
      requests.add(new Request(ex.getRequestMethod(), path, form));
      if (path.equals("/" + tenant + "/oauth2/v2.0/token") && "POST".equals(ex.getRequestMethod())
          && "client_credentials".equals(form.get("grant_type"))) {
        String token = "stub-entra-token-" + n.incrementAndGet();
        issued.add(token);
        status = 200;
        answer = "{\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn + ",\"ext_expires_in\":" + expiresIn
            + ",\"access_token\":\"" + token + "\"}";
      } else if (path.equals("/" + tenant + "/v2.0/.well-known/openid-configuration")) {
        status = 200;
        answer = "{\"token_endpoint\":\"" + tokenEndpoint() + "\",\"issuer\":\"" + authorityHost() + tenant + "/v2.0\","
            + "\"authorization_endpoint\":\"" + authorityHost() + tenant + "/oauth2/v2.0/authorize\"}";
      } else {
        status = 400;
        answer = "{\"error\":\"invalid_request\",\"error_description\":\"not served by the stub: " + path + "\"}";
      }
    }
    byte[] out = answer.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    ex.sendResponseHeaders(status, out.length);
    ex.getResponseBody().write(out);
    ex.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
