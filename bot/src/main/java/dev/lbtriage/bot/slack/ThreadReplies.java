package dev.lbtriage.bot.slack;

import com.slack.api.model.block.LayoutBlock;
import dev.lbtriage.engine.conversation.Reply;
import java.util.List;
import java.util.Optional;

/**
 * The sink of one turn in one thread. Replies become messages in the thread (split at 50 blocks, or a file when
 * too long); a message followed by the prompt that closes it (a conclusion and its Details / Why / Support buttons)
 * is posted as one Slack message when both fit in 50 blocks. Progress updates become one message: the first is posted, the next ones edit it in place; an update
 * that would have to wait for the channel's rate limit is held back and only the latest one is shown (at the next
 * reply or when the turn ends), so fast progress does not flood the thread.
 */
final class ThreadReplies implements ReplySink {

  private final SlackPoster poster;
  private final SlackRenderer renderer;
  private final ThreadKey thread;
  private String progressTs;
  private Reply.ProgressUpdate heldBack;
  /** A message held until the next reply, to go out with it when that is its prompt. */
  private Reply.Say pending;

  ThreadReplies(SlackPoster poster, SlackRenderer renderer, ThreadKey thread) {
    this.poster = poster;
    this.renderer = renderer;
    this.thread = thread;
  }

  @Override
  public void send(Reply reply) {
    if (reply instanceof Reply.ProgressUpdate progress) {
      flushPending();
      progress(progress);
      return;
    }
    flushProgress();
    if (pending != null && reply instanceof Reply.Prompt prompt) {
      Reply.Say say = pending;
      pending = null;
      List<LayoutBlock> both = new java.util.ArrayList<>(renderer.render(say));
      both.addAll(renderer.render(prompt));
      if (renderer.asUpload(say).isEmpty() && both.size() <= SlackRenderer.MAX_BLOCKS) {
        poster.post(thread.channel(), thread.threadTs(), renderer.fallbackText(say), both);
        return;
      }
      post(say);
      post(prompt);
      return;
    }
    flushPending();
    if (reply instanceof Reply.Say say) {
      pending = say;
      return;
    }
    post(reply);
  }

  private void flushPending() {
    if (pending != null) {
      Reply.Say say = pending;
      pending = null;
      post(say);
    }
  }

  private void post(Reply reply) {
    Optional<FileUpload> upload = renderer.asUpload(reply);
    if (upload.isPresent()) {
      poster.upload(thread.channel(), thread.threadTs(), upload.get());
      return;
    }
    String text = renderer.fallbackText(reply);
    for (List<LayoutBlock> message : SlackRenderer.messages(renderer.render(reply))) {
      poster.post(thread.channel(), thread.threadTs(), text, message);
    }
  }

  /** Shows the last held-back progress, if any; called when the turn ends. */
  void finish() {
    flushProgress();
    flushPending();
  }

  private void progress(Reply.ProgressUpdate progress) {
    boolean last = progress.total() > 0 && progress.done() >= progress.total();
    if (progressTs != null && !last && poster.wouldWait(thread.channel())) {
      heldBack = progress;
      return;
    }
    show(progress);
  }

  private void flushProgress() {
    if (heldBack != null) {
      show(heldBack);
    }
  }

  private void show(Reply.ProgressUpdate progress) {
    heldBack = null;
    String text = renderer.fallbackText(progress);
    List<LayoutBlock> blocks = renderer.render(progress);
    if (progressTs == null) {
      progressTs = poster.post(thread.channel(), thread.threadTs(), text, blocks);
    } else {
      poster.update(thread.channel(), progressTs, text, blocks);
    }
  }
}
