package dev.lbtriage.bot.teams;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks the Bot Framework JWT on an inbound activity, as the Bot Connector authentication rules say (research
 * PROTOCOL.md §1): a {@code Bearer} token, signed RS256 (or what the metadata allows) by a key of the OpenID
 * metadata, that key endorsed for the activity's channel, issuer {@value #ISSUER}, audience the bot's app id,
 * within its validity with {@link #SKEW} of skew, and its {@code serviceurl} claim equal to the activity's.
 *
 * <p>401 when there is no token, it does not parse, its signature or key cannot be verified, or it is expired or not
 * yet valid; 403 when a validly signed token is not for this bot, issuer, channel or service URL.
 */
final class BotTokenCheck {
  static final String ISSUER = "https://api.botframework.com";
  static final Duration SKEW = Duration.ofMinutes(5);
  private static final List<String> RSA_ALGORITHMS = List.of("RS256", "RS384", "RS512");

  private final OpenIdKeys keys;
  private final String appId;
  private final Clock clock;

  BotTokenCheck(OpenIdKeys keys, String appId, Clock clock) {
    this.keys = Objects.requireNonNull(keys);
    if (appId == null || appId.isBlank()) {
      throw new IllegalArgumentException("the app id is needed to check tokens");
    }
    this.appId = appId;
    this.clock = clock;
  }

  /**
   * @param authorization the {@code Authorization} header, may be null
   * @param serviceUrl the activity's {@code serviceUrl}
   * @param channelId the activity's {@code channelId} ({@code msteams})
   * @return the token's claims
   */
  JWTClaimsSet verify(String authorization, String serviceUrl, String channelId) throws Rejected {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw Rejected.unauthenticated("no Bearer token");
    }
    SignedJWT jwt;
    JWTClaimsSet claims;
    try {
      jwt = SignedJWT.parse(authorization.substring(7).strip());
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      throw Rejected.unauthenticated("the token is not a signed JWT");
    }
    JWSHeader header = jwt.getHeader();
    String alg = header.getAlgorithm().getName();
    if (!RSA_ALGORITHMS.contains(alg) || !keys.algorithms().contains(alg)) {
      throw Rejected.unauthenticated("the token is signed with " + alg + ", not an allowed algorithm");
    }
    if (header.getKeyID() == null) {
      throw Rejected.unauthenticated("the token names no key id");
    }
    Optional<OpenIdKeys.SigningKey> key;
    try {
      key = keys.key(header.getKeyID());
    } catch (IOException e) {
      throw Rejected.unauthenticated("the signing keys could not be read: " + e.getMessage());
    }
    if (key.isEmpty()) {
      throw Rejected.unauthenticated("the token's key is not one of the Bot Framework's");
    }
    try {
      if (!jwt.verify(new RSASSAVerifier(key.get().key()))) {
        throw Rejected.unauthenticated("the token's signature is wrong");
      }
    } catch (JOSEException e) {
      throw Rejected.unauthenticated("the token's signature cannot be checked: " + e.getMessage());
    }
    Instant now = clock.instant();
    Date exp = claims.getExpirationTime();
    if (exp == null || now.isAfter(exp.toInstant().plus(SKEW))) {
      throw Rejected.unauthenticated("the token has expired");
    }
    Date nbf = claims.getNotBeforeTime();
    if (nbf != null && now.isBefore(nbf.toInstant().minus(SKEW))) {
      throw Rejected.unauthenticated("the token is not valid yet");
    }
    List<String> endorsements = key.get().endorsements();
    if (channelId == null || endorsements == null || !endorsements.contains(channelId)) {
      throw Rejected.forbidden("the signing key is not endorsed for channel " + channelId);
    }
    if (!ISSUER.equals(claims.getIssuer())) {
      throw Rejected.forbidden("the token's issuer is not " + ISSUER);
    }
    if (claims.getAudience() == null || !claims.getAudience().contains(appId)) {
      throw Rejected.forbidden("the token is not for this bot's app id");
    }
    Object claimed = claims.getClaim("serviceurl");
    if (claimed == null) {
      claimed = claims.getClaim("serviceUrl");
    }
    if (serviceUrl == null || !serviceUrl.equals(claimed)) {
      throw Rejected.forbidden("the token's serviceurl is not the activity's");
    }
    return claims;
  }
}
