package dev.lbtriage.bot.teams;

import static dev.lbtriage.bot.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lbtriage.bot.app.Engines;
import dev.lbtriage.engine.gather.snapshot.SnapshotReader;
import dev.lbtriage.engine.session.JdbcSessionStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The support-case bundle as a file in Teams, through the real endpoint (signed activities, the real engine over the
 * probe-zero example, H2 store): in a 1:1 chat the file consent card, the {@code fileConsent/invoke} accept (the
 * zip PUT in ranges to a fake upload session on loopback, then a file info card) and decline (the command line);
 * in a channel the summary card with the offer, and the click that opens a 1:1 chat and sends the consent card there.
 */
class TeamsFileTest {
  static final String REPORT = "lb-shop health probe is down for 172.18.0.5";
  static final String SUBSCRIPTION = "00000000-0000-0000-0000-000000000000";
  static final String PERSONAL = "a:17I0kl9EkpE1O9PH5TWrzrLNwnWWcfrU7QZjKR0WSfOpzbfcAg2IaydGElSo10tVr4C7Fc6GtieTJX663WuJCc1uA83n4CSrHSgGBj5XNYLcVlJAs2ZX8DbYBPck201w-";
  static final String ROOT = "1481567603816";
  static final String THREAD = Activities.CHANNEL + ";messageid=" + ROOT;

  TeamsHarness teams;
  FakeUploadSession upload;
  JdbcSessionStore store;
  EngineTeamsConversations engine;
  /** The files the conversation handed to the Teams face, as it gave them. */
  List<byte[]> given = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    store = new JdbcSessionStore("jdbc:h2:mem:teams-file-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", Clock.systemUTC());
    engine = new EngineTeamsConversations(Engines.over(new SnapshotReader(Path.of("..", "examples", "probe-zero-vm-not-responding"))), store);
    TeamsConversations recording = new TeamsConversations() {
      @Override
      public void handle(String key, String text, String userName, TeamsOutput out) {
        handle(null, key, text, userName, out);
      }

      @Override
      public void handle(String activityId, String key, String text, String userName, TeamsOutput out) {
        engine.handle(activityId, key, text, userName, new TeamsOutput() {
          @Override
          public void message(dev.lbtriage.engine.message.Message message) {
            out.message(message);
          }

          @Override
          public void progress(String step, int done, int total) {
            out.progress(step, done, total);
          }

          @Override
          public void file(String name, String mediaType, byte[] bytes, String caption, String command) {
            given.add(bytes.clone());
            out.file(name, mediaType, bytes, caption, command);
          }

          @Override
          public void flush() {
            out.flush();
          }
        });
      }

      @Override
      public ConversationReferences references() {
        return engine.references();
      }
    };
    teams = new TeamsHarness();
    teams.uploadChunk = 8 * 1024; // several ranges for a bundle of a few tens of KB
    teams.start(recording);
    upload = new FakeUploadSession();
  }

  @AfterEach
  void stop() throws Exception {
    teams.close();
    upload.close();
    engine.close();
  }

  @Test
  void in_a_1to1_chat_an_accepted_bundle_is_uploaded_in_ranges_and_shown_as_a_file_redacted_as_asked() throws Exception {
    // given: a triage in a 1:1 chat, and the user asks for the redacted bundle
    teams.post(teams.activities.personal(REPORT));
    eventually(() -> assertThat(teams.connector.delivered()).isNotEmpty());
    teams.post(teams.activities.personal("bundle redact"));
    FakeConnector.Call consent = awaitConsent(PERSONAL);
    JsonNode card = consent.body().path("attachments").path(0);
    String name = card.path("name").asText();
    assertThat(name).startsWith("lb-triage-bundle-lb-shop").endsWith("-redacted.zip");
    eventually(() -> assertThat(given).hasSize(1));
    byte[] bundle = given.get(0);
    assertThat(card.path("content").path("sizeInBytes").asLong()).isEqualTo(bundle.length);
    assertThat(card.path("content").path("description").asText()).contains("redacted");
    // when: the user accepts (Teams sends the card's acceptContext back with an upload URL)
    HttpResponse<String> answer = teams.post(teams.activities.fileConsent(PERSONAL, teams.connector.idOf(consent), true,
        card.path("content").path("acceptContext"), upload.uploadUrl(), name));
    // then: the invoke is answered 200, the zip goes up range by range without the bot's token, byte for byte
    assertThat(answer.statusCode()).isEqualTo(200);
    FakeConnector.Call info = awaitAttachment(PERSONAL, FileCards.INFO);
    assertThat(upload.file()).isEqualTo(bundle);
    List<FakeUploadSession.Put> puts = upload.puts();
    assertThat(puts.size()).isEqualTo((bundle.length + 8191) / 8192).isGreaterThan(1);
    assertThat(puts).allSatisfy(p -> {
      assertThat(p.authorization()).isNull();
      assertThat(p.contentRange()).endsWith("/" + bundle.length);
    });
    assertThat(puts.get(0).contentRange()).isEqualTo("bytes 0-8191/" + bundle.length);
    assertThat(puts).extracting(FakeUploadSession.Put::status).last().isEqualTo(201);
    // the file info card points at the uploaded file as uploadInfo named it
    JsonNode file = info.body().path("attachments").path(0);
    assertThat(file.path("contentUrl").asText()).isEqualTo("https://contoso.sharepoint.com/personal/johnadams_contoso_com/Documents/Applications/file_example.txt");
    assertThat(file.path("name").asText()).isEqualTo(name);
    assertThat(file.path("content").path("uniqueId").asText()).isEqualTo("1150D938-8870-4044-9F2C-5BBDEBA70C8C");
    assertThat(file.path("content").path("fileType").asText()).isEqualTo("zip");
    // the consent card is replaced, so it cannot be accepted twice
    eventually(() -> assertThat(teams.connector.delivered()).anySatisfy(c -> {
      assertThat(c.method()).isEqualTo("PUT");
      assertThat(c.activityId()).isEqualTo(teams.connector.idOf(consent));
      assertThat(c.texts()).contains("is in your OneDrive");
    }));
    // and what was uploaded is the redacted bundle: its files hold no subscription id, and MASKED.md lists the masks
    Map<String, byte[]> entries = unzip(upload.file());
    assertThat(entries.keySet()).anyMatch(n -> n.endsWith("SUMMARY.md")).anyMatch(n -> n.endsWith("MASKED.md"))
        .anyMatch(n -> n.contains("/snapshot/"));
    assertThat(entries).allSatisfy((n, bytes) -> assertThat(new String(bytes, StandardCharsets.UTF_8)).as(n).doesNotContain(SUBSCRIPTION));
  }

  @Test
  void a_declined_bundle_is_not_uploaded_and_the_user_gets_the_command_line() throws Exception {
    teams.post(teams.activities.personal(REPORT));
    eventually(() -> assertThat(teams.connector.delivered()).isNotEmpty());
    teams.post(teams.activities.personal("bundle"));
    FakeConnector.Call consent = awaitConsent(PERSONAL);
    JsonNode card = consent.body().path("attachments").path(0);
    String name = card.path("name").asText();
    // the plain bundle is not redacted: the subscription id is in it
    eventually(() -> assertThat(given).hasSize(1));
    assertThat(unzip(given.get(0)).values()).anyMatch(b -> new String(b, StandardCharsets.UTF_8).contains(SUBSCRIPTION));
    // when
    HttpResponse<String> answer = teams.post(teams.activities.fileConsent(PERSONAL, teams.connector.idOf(consent), false,
        card.path("content").path("declineContext"), null, name));
    // then
    assertThat(answer.statusCode()).isEqualTo(200);
    String session = store.byKey("teams:" + PERSONAL).orElseThrow().id();
    eventually(() -> assertThat(teams.connector.delivered()).anySatisfy(c -> {
      assertThat(c.conversationId()).isEqualTo(PERSONAL);
      assertThat(c.texts()).contains("You declined " + name).contains("lb-triage bundle --session " + session + " --out " + name);
    }));
    assertThat(upload.puts()).isEmpty();
    assertThat(teams.connector.delivered()).noneMatch(c -> c.body().toString().contains(FileCards.INFO));
  }

  @Test
  void in_a_channel_the_bundle_is_a_summary_card_and_a_click_sends_it_in_a_1to1_chat_opened_for_the_clicker() throws Exception {
    // given: a triage in a channel thread, and someone asks for the bundle there
    teams.post(teams.activities.channelMention(ROOT, REPORT));
    eventually(() -> assertThat(teams.connector.delivered()).isNotEmpty());
    teams.post(teams.activities.channelMention(ROOT, "bundle"));
    FakeConnector.Call offer = awaitText(THREAD, "Send it to me in a 1:1 chat");
    // then: no file card in the channel (bots cannot upload there): the summary, why, and the command line
    assertThat(teams.connector.delivered()).filteredOn(c -> c.conversationId().equals(THREAD))
        .noneMatch(c -> c.body().toString().contains(FileCards.CONSENT));
    String session = store.byKey("teams:" + THREAD).orElseThrow().id();
    assertThat(offer.texts()).contains("Support case: lb-shop").contains("For the Azure support request")
        .contains("only in a 1:1 chat").contains("lb-triage bundle --session " + session + " --out lb-triage-bundle-lb-shop.zip");
    // when: John clicks the button (Action.Execute)
    HttpResponse<String> clicked = teams.post(teams.activities.personalFileClick(THREAD, teams.connector.idOf(offer),
        TeamsHarness.button(offer, "Send it to me")));
    // then: the click is answered with a message (the card stays for others), and a 1:1 chat is opened for John
    JsonNode response = Activities.JSON.readTree(clicked.body());
    assertThat(response.path("statusCode").asInt()).isEqualTo(200);
    assertThat(response.path("type").asText()).isEqualTo("application/vnd.microsoft.activity.message");
    eventually(() -> assertThat(teams.connector.created()).hasSize(1));
    FakeConnector.Call created = teams.connector.created().get(0);
    assertThat(created.authorization()).isEqualTo("Bearer " + TeamsHarness.CONNECTOR_TOKEN);
    assertThat(created.body().path("isGroup").asBoolean(true)).isFalse();
    assertThat(created.body().path("bot").path("id").asText()).isEqualTo(Activities.BOT);
    assertThat(created.body().path("members").path(0).path("id").asText()).startsWith("29:1Eniglq0");
    assertThat(created.body().path("members").path(0).path("aadObjectId").asText()).isEqualTo(Activities.USER_AAD);
    assertThat(created.body().path("tenantId").asText()).isEqualTo("72f988bf-86f1-41af-91ab-2d7cd011db47");
    assertThat(created.body().path("channelData").path("tenant").path("id").asText()).isEqualTo("72f988bf-86f1-41af-91ab-2d7cd011db47");
    // and the consent card goes into that new chat, and accepting it there uploads the file
    String chat = teams.connector.idOf(created);
    FakeConnector.Call consent = awaitConsent(chat);
    JsonNode card = consent.body().path("attachments").path(0);
    assertThat(teams.post(teams.activities.fileConsent(chat, teams.connector.idOf(consent), true, card.path("content").path("acceptContext"),
        upload.uploadUrl(), card.path("name").asText())).statusCode()).isEqualTo(200);
    awaitAttachment(chat, FileCards.INFO);
    assertThat(upload.file()).isEqualTo(given.get(0));
  }

  private FakeConnector.Call awaitConsent(String conversation) {
    return awaitAttachment(conversation, FileCards.CONSENT);
  }

  private FakeConnector.Call awaitAttachment(String conversation, String contentType) {
    FakeConnector.Call[] found = new FakeConnector.Call[1];
    eventually(() -> {
      List<FakeConnector.Call> hits = teams.connector.delivered().stream().filter(c -> c.method().equals("POST")
          && c.conversationId().equals(conversation) && contentType.equals(c.body().path("attachments").path(0).path("contentType").asText())).toList();
      assertThat(hits).as(contentType + " in " + conversation).isNotEmpty();
      found[0] = hits.get(hits.size() - 1);
    });
    return found[0];
  }

  private FakeConnector.Call awaitText(String conversation, String text) {
    FakeConnector.Call[] found = new FakeConnector.Call[1];
    eventually(() -> {
      List<FakeConnector.Call> hits = teams.connector.delivered().stream().filter(c -> c.method().equals("POST")
          && c.conversationId().equals(conversation) && c.texts().contains(text)).toList();
      assertThat(hits).as(text + " in " + conversation).isNotEmpty();
      found[0] = hits.get(hits.size() - 1);
    });
    return found[0];
  }

  static Map<String, byte[]> unzip(byte[] zip) throws IOException {
    Map<String, byte[]> out = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        out.put(e.getName(), in.readAllBytes());
      }
    }
    assertThat(out).as("a zip with files").isNotEmpty();
    return out;
  }
}
