package dev.lbtriage.bot.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Teams file cards (msteams-docs bots-filesv4.md; BotBuilder-Samples 56.teams-file-upload): the file consent
 * card that asks a user in a 1:1 chat to accept a file ({@value #CONSENT}: {@code name}, {@code description},
 * {@code sizeInBytes}, {@code acceptContext}/{@code declineContext} sent back in the {@code fileConsent/invoke}), the
 * file info card that shows the uploaded file ({@value #INFO}: {@code contentUrl}, {@code name}, {@code uniqueId},
 * {@code fileType} from the invoke's {@code uploadInfo}); and, for channels and group chats, where bots cannot upload
 * files, the Adaptive Card that offers the file in a 1:1 chat instead.
 */
final class FileCards {
  static final String CONSENT = "application/vnd.microsoft.teams.card.file.consent";
  static final String INFO = "application/vnd.microsoft.teams.card.file.info";
  static final String INVOKE = "fileConsent/invoke";
  /** The verb of the "send it to me in a 1:1 chat" button. */
  static final String PERSONAL_VERB = "lbt.file.personal";
  private static final ObjectMapper JSON = new ObjectMapper();

  private FileCards() {}

  /** The context both answers of the consent card carry back: which pending file. */
  static ObjectNode context(String fileId) {
    return JSON.createObjectNode().put("lbt", "file").put("id", fileId);
  }

  /** A message carrying the file consent card for {@code f}. */
  static ObjectNode consent(PendingFiles.PendingFile f) {
    ObjectNode activity = JSON.createObjectNode().put("type", "message");
    ObjectNode attachment = activity.putArray("attachments").addObject().put("contentType", CONSENT).put("name", f.name());
    ObjectNode content = attachment.putObject("content");
    content.put("description", CardRenderer.cut(f.caption(), 1000)).put("sizeInBytes", (long) f.bytes().length);
    content.set("acceptContext", context(f.id()));
    content.set("declineContext", context(f.id()));
    return activity;
  }

  /** A message carrying the file info card of an uploaded file ({@code uploadInfo} of the accepting invoke). */
  static ObjectNode info(JsonNode uploadInfo, String fallbackName) {
    String name = uploadInfo.path("name").asText(fallbackName);
    ObjectNode activity = JSON.createObjectNode().put("type", "message");
    ObjectNode attachment = activity.putArray("attachments").addObject().put("contentType", INFO)
        .put("contentUrl", uploadInfo.path("contentUrl").asText("")).put("name", name);
    attachment.putObject("content").put("uniqueId", uploadInfo.path("uniqueId").asText(""))
        .put("fileType", uploadInfo.path("fileType").asText(extension(name)));
    return activity;
  }

  /** The card a consent card becomes once answered (it cannot be answered twice). */
  static ObjectNode answered(String line) {
    return Cards.activity(Cards.card(List.of(CardRenderer.textBlock(line).put("isSubtle", true))));
  }

  /**
   * The card body that stands for the file in a channel or group chat: what it is, the summary, why it is not
   * attached here, the command line that makes it, and a button that sends it in a 1:1 chat with whoever clicks.
   */
  static List<ObjectNode> offer(PendingFiles.PendingFile f, List<String> summary) {
    List<ObjectNode> body = new ArrayList<>();
    body.add(CardRenderer.textBlock("📦 " + f.name()).put("size", "Medium").put("weight", "Bolder"));
    body.add(CardRenderer.textBlock(CardRenderer.cut(f.caption(), CardRenderer.MAX_TEXT)));
    for (String line : summary) {
      boolean heading = line.startsWith("## ") || line.startsWith("# ");
      ObjectNode block = CardRenderer.textBlock(CardRenderer.cut(heading ? line.replaceFirst("^#+ ", "") : line, CardRenderer.MAX_TEXT))
          .put("spacing", heading ? "Medium" : "Small");
      if (heading) {
        block.put("weight", "Bolder");
      }
      body.add(block);
    }
    body.add(CardRenderer.textBlock("Teams lets bots send files only in a 1:1 chat. Ask for it there, or make the same bundle "
        + "on the command line:").put("isSubtle", true).put("separator", true));
    body.add(code(f.command()));
    ObjectNode data = JSON.createObjectNode().put("lbt", "file").put("id", f.id()).put("label", "Send it to me in a 1:1 chat");
    ObjectNode actionSet = JSON.createObjectNode().put("type", "ActionSet");
    ArrayNode actions = actionSet.putArray("actions");
    ObjectNode execute = actions.addObject().put("type", "Action.Execute").put("title", "Send it to me in a 1:1 chat")
        .put("verb", PERSONAL_VERB);
    execute.set("data", data);
    ObjectNode fallback = JSON.createObjectNode().put("type", "Action.Submit").put("title", "Send it to me in a 1:1 chat");
    fallback.set("data", data.deepCopy());
    execute.set("fallback", fallback);
    body.add(actionSet);
    return body;
  }

  /** A command in monospace, never read as Markdown. */
  static ObjectNode code(String command) {
    ObjectNode block = JSON.createObjectNode().put("type", "RichTextBlock");
    block.putArray("inlines").addObject().put("type", "TextRun").put("text", command).put("fontType", "Monospace");
    return block;
  }

  private static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
