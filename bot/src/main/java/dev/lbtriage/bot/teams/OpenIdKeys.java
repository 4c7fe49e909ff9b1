package dev.lbtriage.bot.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Bot Framework's signing keys, read from its OpenID metadata ({@code jwks_uri}) and cached: refreshed after
 * {@code maxAge}, and refetched when a token names a key id not in the cache (at most once per {@code minRefetch},
 * so a flood of made-up key ids cannot make us hammer the metadata). Each key keeps its {@code endorsements}, the
 * channels it may sign for, read from the raw JWKS JSON by {@code kid} (nimbus' {@link JWK} drops that member).
 */
final class OpenIdKeys {
  /** Where the Bot Connector's (channel to bot) metadata lives. */
  static final URI BOT_FRAMEWORK_METADATA = URI.create("https://login.botframework.com/v1/.well-known/openidconfiguration");

  private static final Logger LOG = LoggerFactory.getLogger(OpenIdKeys.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_BODY = 1 << 20;

  /** A signing key and the channels it is endorsed for (null when the key lists none). */
  record SigningKey(RSAKey key, List<String> endorsements) {}

  private final URI metadata;
  private final HttpClient http;
  private final Clock clock;
  private final Duration maxAge;
  private final Duration minRefetch;
  private Map<String, SigningKey> keys = Map.of();
  private List<String> algorithms = List.of("RS256");
  private Instant fetchedAt;

  OpenIdKeys(URI metadata, HttpClient http, Clock clock, Duration maxAge, Duration minRefetch) {
    if (!Loopback.acceptableUrl(metadata)) {
      throw new IllegalArgumentException("the OpenID metadata URL must be https (or http on loopback): " + metadata);
    }
    this.metadata = metadata;
    this.http = http;
    this.clock = clock;
    this.maxAge = maxAge;
    this.minRefetch = minRefetch;
  }

  /** Defaults as the Bot Framework SDKs: keys kept a day, an unknown key id refetched at most every five minutes. */
  static OpenIdKeys of(URI metadata) {
    return new OpenIdKeys(metadata, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(), Clock.systemUTC(),
        Duration.ofHours(24), Duration.ofMinutes(5));
  }

  /** The key with that id, fetching the keys when stale or when the id is unknown; empty when still unknown. */
  synchronized Optional<SigningKey> key(String kid) throws IOException {
    Instant now = clock.instant();
    boolean stale = fetchedAt == null || now.isAfter(fetchedAt.plus(maxAge));
    boolean unknown = !keys.containsKey(kid);
    if (stale || unknown && !now.isBefore(fetchedAt.plus(minRefetch))) {
      fetch(now);
    }
    return Optional.ofNullable(keys.get(kid));
  }

  /** The signing algorithms the metadata allows (RS256 for the Bot Framework). */
  synchronized List<String> algorithms() {
    return algorithms;
  }

  private void fetch(Instant now) throws IOException {
    JsonNode config = JSON.readTree(get(metadata));
    String jwksUri = config.path("jwks_uri").asText("");
    URI jwks;
    try {
      jwks = URI.create(jwksUri);
    } catch (IllegalArgumentException e) {
      throw new IOException("the OpenID metadata at " + metadata + " has an unusable jwks_uri: " + jwksUri);
    }
    if (!Loopback.acceptableUrl(jwks)) {
      throw new IOException("the OpenID metadata at " + metadata + " names a jwks_uri that is not https: " + jwksUri);
    }
    List<String> algs = new ArrayList<>();
    config.path("id_token_signing_alg_values_supported").forEach(a -> algs.add(a.asText()));
    String raw = get(jwks);
    JWKSet set;
    try {
      set = JWKSet.parse(raw);
    } catch (ParseException e) {
      throw new IOException("the keys at " + jwks + " are not a JWK set: " + e.getMessage());
    }
    Map<String, List<String>> endorsements = endorsements(raw);
    Map<String, SigningKey> fresh = new HashMap<>();
    for (JWK jwk : set.getKeys()) {
      if (jwk instanceof RSAKey rsa && jwk.getKeyID() != null) {
        fresh.put(jwk.getKeyID(), new SigningKey(rsa, endorsements.get(jwk.getKeyID())));
      }
    }
    keys = Map.copyOf(fresh);
    algorithms = algs.isEmpty() ? List.of("RS256") : List.copyOf(algs);
    fetchedAt = now;
    LOG.info("Read {} Bot Framework signing keys from {}", keys.size(), jwks);
  }

  /** kid → endorsements, from the raw JWKS: {@code {"keys":[{"kid":..,"endorsements":["msteams",..]},..]}}. */
  static Map<String, List<String>> endorsements(String rawJwks) throws IOException {
    Map<String, List<String>> byKid = new HashMap<>();
    for (JsonNode key : JSON.readTree(rawJwks).path("keys")) {
      JsonNode list = key.get("endorsements");
      if (key.hasNonNull("kid") && list != null && list.isArray()) {
        List<String> channels = new ArrayList<>();
        list.forEach(c -> channels.add(c.asText()));
        byKid.put(key.get("kid").asText(), List.copyOf(channels));
      }
    }
    return byKid;
  }

  private String get(URI uri) throws IOException {
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(15)).GET().build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted reading " + uri, e);
    }
    if (response.statusCode() != 200) {
      throw new IOException(uri + " answered HTTP " + response.statusCode());
    }
    if (response.body().length() > MAX_BODY) {
      throw new IOException(uri + " answered more than " + MAX_BODY + " characters");
    }
    return response.body();
  }
}
