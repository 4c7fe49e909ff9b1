package dev.lbtriage.bot.slack;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import java.util.ArrayList;
import java.util.List;

/**
 * A prompt message once answered: its buttons give way to a line saying who answered what, so the thread shows the
 * answer and the same question cannot be answered twice by accident.
 */
final class AnsweredPrompt {

  private AnsweredPrompt() {}

  /** The prompt's blocks without its answer buttons, plus {@code ✅ <@user> answered *label*}. */
  static List<LayoutBlock> blocks(List<LayoutBlock> prompt, String userId, String label) {
    List<LayoutBlock> blocks = new ArrayList<>();
    for (LayoutBlock block : prompt) {
      boolean buttons = block instanceof ActionsBlock a && a.getBlockId() != null && a.getBlockId().startsWith("lbt_prompt:");
      if (!buttons) {
        blocks.add(block);
      }
    }
    String line = ":white_check_mark: <@" + userId + "> answered *" + Mrkdwn.escape(Mrkdwn.truncate(label, 200)) + "*";
    blocks.add(ContextBlock.builder().elements(List.of(MarkdownTextObject.builder().text(line).build())).build());
    return blocks;
  }
}
