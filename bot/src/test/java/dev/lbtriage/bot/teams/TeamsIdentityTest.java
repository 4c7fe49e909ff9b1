package dev.lbtriage.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.azure.core.credential.TokenCredential;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import dev.lbtriage.engine.gather.azure.SelfSignedTls;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The outbound Bot Connector token from azure-identity for real: {@link BotCredentials} builds the same credential
 * the bot runs with (client secret, or certificate), its authority pointed at a stub Entra token endpoint on loopback
 * HTTPS (instance discovery off, the test certificate trusted); the connector receives {@code Bearer} that token; the
 * token is kept until five minutes before it expires; the secret never shows in logs, output or what is sent.
 */
class TeamsIdentityTest {
  static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
  static final String SECRET = "Fak3~Secret.lbTriage_teams-0123456789abcdef";

  SSLContext tls;
  StubEntra entra;
  FakeConnector connector;
  ListAppender<ILoggingEvent> logs = new ListAppender<>();
  Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  Level rootLevel;
  PrintStream out = System.out;
  PrintStream err = System.err;
  ByteArrayOutputStream printed = new ByteArrayOutputStream();
  List<Duration> waits = new ArrayList<>();
  @TempDir Path dir;

  @BeforeEach
  void start() throws Exception {
    tls = SelfSignedTls.context();
    entra = new StubEntra(tls, TENANT);
    connector = new FakeConnector();
    rootLevel = root.getLevel();
    root.setLevel(Level.DEBUG); // everything azure-identity and MSAL would log
    logs.start();
    root.addAppender(logs);
    PrintStream tee = new PrintStream(printed, true, StandardCharsets.UTF_8);
    System.setOut(tee);
    System.setErr(tee);
  }

  @AfterEach
  void stop() {
    System.setOut(out);
    System.setErr(err);
    root.detachAppender(logs);
    root.setLevel(rootLevel);
    connector.close();
    entra.close();
  }

  private com.azure.core.http.HttpClient trustingTestCertificate() {
    return new JdkHttpClientBuilder(HttpClient.newBuilder().sslContext(tls)).build();
  }

  private ConnectorClient client(TokenCredential credential) {
    return new ConnectorClient(HttpClient.newHttpClient(), new ConnectorToken(credential, Clock.systemUTC()), ConversationPacing.teams(),
        waits::add);
  }

  private static ObjectNode hello() {
    return Cards.activity(Cards.card(List.of(CardRenderer.textBlock("hello"))));
  }

  @Test
  void a_client_secret_credential_gets_the_token_the_connector_receives_kept_until_near_expiry_and_the_secret_is_never_shown()
      throws Exception {
    TeamsSettings settings = new TeamsSettings(BotFrameworkKeys.APP_ID, TENANT, null, SECRET, null, null, URI.create("https://x.invalid/"));
    ConnectorClient client = client(BotCredentials.of(settings, entra.authorityHost(), trustingTestCertificate()));
    // when: three replies
    for (int i = 0; i < 3; i++) {
      client.send(connector.serviceUrl(), "19:abc@thread.tacv2", hello());
    }
    // then: one client-credentials grant at the tenant's token endpoint, with the secret, for the Bot Framework scope
    assertThat(entra.tokenRequests()).hasSize(1);
    StubEntra.Request grant = entra.tokenRequests().get(0);
    assertThat(grant.path()).isEqualTo("/" + TENANT + "/oauth2/v2.0/token");
    assertThat(grant.form()).containsEntry("grant_type", "client_credentials").containsEntry("client_id", BotFrameworkKeys.APP_ID)
        .containsEntry("client_secret", SECRET);
    // MSAL adds its reserved scopes (openid profile offline_access) to the one asked for
    assertThat(grant.form().get("scope").split(" ")).contains("https://api.botframework.com/.default");
    assertThat(entra.requests()).as("no instance discovery").allSatisfy(r -> assertThat(r.path()).doesNotContain("discovery"));
    // and every reply carried that token
    assertThat(connector.calls()).hasSize(3).allSatisfy(c -> assertThat(c.authorization()).isEqualTo("Bearer " + entra.issued().get(0)));

    // when: tokens come with under five minutes left, a new one is fetched for each reply (a fresh credential: no cache)
    entra.expiresIn = 240;
    ConnectorClient shortLived = client(BotCredentials.of(settings, entra.authorityHost(), trustingTestCertificate()));
    shortLived.send(connector.serviceUrl(), "19:abc@thread.tacv2", hello());
    shortLived.send(connector.serviceUrl(), "19:abc@thread.tacv2", hello());
    assertThat(entra.tokenRequests()).hasSize(3);
    assertThat(connector.calls().subList(3, 5)).extracting(FakeConnector.Call::authorization)
        .containsExactly("Bearer " + entra.issued().get(1), "Bearer " + entra.issued().get(2));

    // and the secret is nowhere but in the grant itself
    assertThat(settings.toString()).doesNotContain(SECRET);
    assertNoSecret(SECRET);
  }

  @Test
  void a_certificate_credential_signs_its_client_assertion_with_the_certificate_and_its_token_reaches_the_connector() throws Exception {
    // given: a PFX made now (RSA, as Entra takes for client assertions)
    Path pfx = dir.resolve("bot.pfx");
    String password = "Fak3-pfx-password-lbtriage";
    keytool("-genkeypair", "-alias", "bot", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=lb-triage-test-bot", "-validity", "2",
        "-storetype", "PKCS12", "-keystore", pfx.toString(), "-storepass", password, "-keypass", password);
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(pfx)) {
      ks.load(in, password.toCharArray());
    }
    X509Certificate cert = (X509Certificate) ks.getCertificate("bot");
    TeamsSettings settings = new TeamsSettings(BotFrameworkKeys.APP_ID, TENANT, null, null, pfx, password, URI.create("https://x.invalid/"));
    assertThat(settings.problem()).isEmpty();
    ConnectorClient client = client(BotCredentials.of(settings, entra.authorityHost(), trustingTestCertificate()));
    // when
    client.send(connector.serviceUrl(), "19:abc@thread.tacv2", hello());
    // then: the grant carries a client assertion signed with the certificate's key, for this app and token endpoint
    assertThat(entra.tokenRequests()).hasSize(1);
    StubEntra.Request grant = entra.tokenRequests().get(0);
    assertThat(grant.form()).containsEntry("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
        .doesNotContainKey("client_secret");
    SignedJWT assertion = SignedJWT.parse(grant.form().get("client_assertion"));
    assertThat(assertion.verify(new RSASSAVerifier((RSAPublicKey) cert.getPublicKey()))).isTrue();
    assertThat(assertion.getJWTClaimsSet().getIssuer()).isEqualTo(BotFrameworkKeys.APP_ID);
    assertThat(assertion.getJWTClaimsSet().getSubject()).isEqualTo(BotFrameworkKeys.APP_ID);
    assertThat(assertion.getJWTClaimsSet().getAudience()).contains(entra.tokenEndpoint());
    assertThat(connector.calls()).singleElement().satisfies(c -> assertThat(c.authorization()).isEqualTo("Bearer " + entra.issued().get(0)));
    assertNoSecret(password);
  }

  /** Not in any log event (message, arguments, stack trace), not printed, not sent to the connector. */
  private void assertNoSecret(String secret) {
    assertThat(logs.list).as("something was logged (the check would be empty otherwise)").isNotEmpty();
    for (ILoggingEvent e : logs.list) {
      String text = e.getFormattedMessage() + (e.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(e.getThrowableProxy()));
      assertThat(text).as(e.getLoggerName()).doesNotContain(secret);
    }
    assertThat(printed.toString(StandardCharsets.UTF_8)).doesNotContain(secret);
    assertThat(connector.calls()).allSatisfy(c -> {
      assertThat(c.body().toString()).doesNotContain(secret);
      assertThat(c.authorization()).doesNotContain(secret);
    });
  }

  private static void keytool(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(output).isZero();
  }
}
