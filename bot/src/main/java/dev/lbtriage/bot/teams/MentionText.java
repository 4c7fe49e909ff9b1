package dev.lbtriage.bot.teams;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;

/**
 * The user's words in a message that @mentions the bot: the {@code <at>…</at>} text of each mention of the bot
 * (from {@code entities[type=mention]}, as Teams says to use them) removed, then any other {@code <at>} tags
 * reduced to the name, and the little HTML Teams may add unescaped.
 */
final class MentionText {
  private static final Pattern AT_TAG = Pattern.compile("</?at>", Pattern.CASE_INSENSITIVE);
  private static final Pattern BLANKS = Pattern.compile("[\\s\\u00a0]+");

  private MentionText() {}

  static String of(Activity a) {
    String text = a.text();
    for (JsonNode entity : a.entities()) {
      if (!"mention".equals(entity.path("type").asText())) {
        continue;
      }
      boolean bot = a.recipientId().equals(entity.path("mentioned").path("id").asText());
      String tag = entity.path("text").asText("");
      if (bot && !tag.isBlank()) {
        text = text.replace(tag, " ");
        // the docs show "<at>@Name</at>" in the entity and "<at>Name</at>" in the text: accept both spellings
        text = text.replace(tag.replace("<at>@", "<at>"), " ");
      }
    }
    text = AT_TAG.matcher(text).replaceAll("");
    text = text.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
    return BLANKS.matcher(text).replaceAll(" ").strip();
  }
}
