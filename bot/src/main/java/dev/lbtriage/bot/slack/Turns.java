package dev.lbtriage.bot.slack;

import dev.lbtriage.engine.conversation.Reply;
import dev.lbtriage.engine.message.Section;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs conversation turns off the request thread: per thread in order, threads in parallel. Remembers which
 * threads are the bot's (a bounded set), so plain messages are only answered in those.
 */
final class Turns implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Turns.class);

  private final TriageConversations conversations;
  private final SlackPoster poster;
  private final SlackRenderer renderer = new SlackRenderer();
  private final KeyedSerialExecutor executor;
  private final RecentIds ownedThreads = new RecentIds(50_000);

  Turns(TriageConversations conversations, SlackPoster poster, int workers, int maxPending) {
    this.conversations = conversations;
    this.poster = poster;
    this.executor = new KeyedSerialExecutor(workers, maxPending);
  }

  boolean owns(ThreadKey thread) {
    if (ownedThreads.contains(thread.conversationKey())) {
      return true;
    }
    boolean known = conversations.knows(thread.conversationKey());
    if (known) {
      ownedThreads.add(thread.conversationKey());
    }
    return known;
  }

  /** Queues a turn in the thread and marks the thread as the bot's. */
  void submit(ThreadKey thread, String text, String userId) {
    submit(thread, text, userId, null);
  }

  /** The same for an input with an id (an event id), for conversations that claim inputs. */
  void submit(ThreadKey thread, String text, String userId, String inputId) {
    ownedThreads.add(thread.conversationKey());
    try {
      executor.submit(thread.conversationKey(), () -> run(thread, text, userId, inputId));
    } catch (RejectedExecutionException e) {
      LOG.warn("Turn refused for {}: {}", thread, e.getMessage());
    }
  }

  /** Runs {@code work} on the executor, serialised with other work under {@code key}. */
  void background(String key, Runnable work) {
    try {
      executor.submit(key, work);
    } catch (RejectedExecutionException e) {
      LOG.warn("Work refused for {}: {}", key, e.getMessage());
    }
  }

  SlackPoster poster() {
    return poster;
  }

  private void run(ThreadKey thread, String text, String userId, String inputId) {
    ThreadReplies sink = new ThreadReplies(poster, renderer, thread);
    try {
      conversations.handle(inputId, thread.conversationKey(), text, userId, sink);
      sink.finish();
    } catch (SlackCallException e) {
      LOG.warn("Could not answer in {}: {}", thread, e.getMessage());
    } catch (RuntimeException e) {
      LOG.error("The conversation failed in {}", thread, e);
      try {
        sink.send(Reply.Say.notice(Section.Level.ERROR, "Something went wrong on my side: " + e.getClass().getSimpleName()));
        sink.finish();
      } catch (RuntimeException again) {
        LOG.warn("Could not report the failure in {}: {}", thread, again.getMessage());
      }
    }
  }

  @Override
  public void close() {
    executor.close();
  }
}
