package dev.lbtriage.bot.teams;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A stand-in for login.botframework.com on 127.0.0.1: OpenID metadata (the shape of
 * research/teams/auth/openidconfiguration_botframework_bot-docs-sample.json) pointing at a JWKS of test RSA keys,
 * each published with its {@code endorsements}; and tokens signed with those keys, claims as the Bot Connector sends
 * them (iss, aud = app id, serviceurl, nbf, exp).
 */
final class BotFrameworkKeys implements AutoCloseable {
  static final String APP_ID = "6a3b3f7e-1d2c-4b5a-9e8f-0a1b2c3d4e5f";

  /** Published keys are made once per test run (2048-bit RSA takes a while); each test's server publishes its own set. */
  private static final Map<String, RSAKey> PUBLISHED = new java.util.concurrent.ConcurrentHashMap<>();

  private final HttpServer server;
  private final Map<String, RSAKey> keys = new LinkedHashMap<>();
  private final Map<String, List<String>> endorsements = new LinkedHashMap<>();
  final AtomicInteger keyFetches = new AtomicInteger();

  BotFrameworkKeys() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/v1/.well-known/openidconfiguration", ex -> answer(ex, metadata()));
    server.createContext("/v1/.well-known/keys", ex -> {
      keyFetches.incrementAndGet();
      answer(ex, jwks());
    });
    server.start();
    publish("key-1", List.of("msteams", "skype"));
  }

  URI metadataUri() {
    return URI.create(base() + "/v1/.well-known/openidconfiguration");
  }

  /** Makes a new key and publishes it (null endorsements: the member is left out). */
  synchronized RSAKey publish(String kid, List<String> channels) {
    RSAKey key = PUBLISHED.computeIfAbsent(kid, BotFrameworkKeys::generate);
    keys.put(kid, key);
    endorsements.put(kid, channels);
    return key;
  }

  /** A key that is not published, with the given id. */
  static RSAKey generate(String kid) {
    try {
      return new RSAKeyGenerator(2048).keyID(kid).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  synchronized RSAKey key(String kid) {
    return keys.get(kid);
  }

  /** A valid token for an activity at {@code serviceUrl}, signed with key-1. */
  String token(String serviceUrl) {
    return token(key("key-1"), c -> c.claim("serviceurl", serviceUrl));
  }

  /** A token signed with {@code key}, claims valid unless {@code edit} changes them. */
  static String token(RSAKey key, Consumer<JWTClaimsSet.Builder> edit) {
    Instant now = Instant.now();
    JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
        .issuer("https://api.botframework.com")
        .audience(APP_ID)
        .notBeforeTime(Date.from(now.minusSeconds(60)))
        .expirationTime(Date.from(now.plus(Duration.ofMinutes(60))));
    edit.accept(claims);
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims.build());
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private String metadata() {
    return "{\"issuer\":\"https://api.botframework.com\",\"authorization_endpoint\":\"https://invalid.botframework.com\","
        + "\"jwks_uri\":\"" + base() + "/v1/.well-known/keys\",\"id_token_signing_alg_values_supported\":[\"RS256\"],"
        + "\"token_endpoint_auth_methods_supported\":[\"private_key_jwt\"]}";
  }

  private synchronized String jwks() {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, RSAKey> e : keys.entrySet()) {
      Map<String, Object> json = new LinkedHashMap<>(e.getValue().toPublicJWK().toJSONObject());
      json.put("use", "sig");
      List<String> channels = endorsements.get(e.getKey());
      if (channels != null) {
        json.put("endorsements", channels);
      }
      out.add(com.nimbusds.jose.util.JSONObjectUtils.toJSONString(json));
    }
    return "{\"keys\":[" + String.join(",", out) + "]}";
  }

  private static void answer(HttpExchange ex, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(200, bytes.length);
    ex.getResponseBody().write(bytes);
    ex.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
