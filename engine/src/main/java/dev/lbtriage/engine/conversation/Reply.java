package dev.lbtriage.engine.conversation;

import dev.lbtriage.engine.message.Message;
import dev.lbtriage.engine.message.Section;
import java.util.ArrayList;
import java.util.List;

/**
 * One reply of the conversation, platform-neutral: a {@link Say message} to show, a {@link Prompt}
 * that waits for an answer, or a {@link ProgressUpdate} while facts are gathered. What is shown is a
 * {@link Message} (structure, no formatting); each face renders every {@link Section} type. An
 * {@link Attachment} is a file to hand over (the support-case bundle). The set is closed so a face can
 * tell the four apart exhaustively.
 */
public sealed interface Reply permits Reply.Say, Reply.Prompt, Reply.ProgressUpdate, Reply.Attachment {

  /** A message to show. */
  record Say(Message message) implements Reply {
    /** A message of one paragraph. */
    public static Say text(String text) {
      return new Say(Message.text(text));
    }

    /** A message of one notice. */
    public static Say notice(Section.Level level, String text) {
      return new Say(new Message(null, List.of(new Section.Notice(level, text))));
    }
  }

  /**
   * A question that waits for an answer.
   *
   * @param id a stable id: a KB question id, or {@code symptom}, {@code load-balancer}, ...
   * @param why why it is asked, may be null
   * @param how how to check, one entry per platform (Windows, Linux, Azure kept apart), may be empty
   * @param choices suggested answers (buttons in chat faces); free text is accepted too
   */
  record Prompt(String id, String text, String why, List<Section.Way> how, List<Choice> choices) implements Reply {
    public Prompt {
      how = List.copyOf(how);
      choices = List.copyOf(choices);
    }

    /**
     * The prompt as a message: the question as a heading, why as a context line, how per platform,
     * the choices as buttons (with the prompt's id).
     */
    public Message message() {
      List<Section> s = new ArrayList<>();
      s.add(new Section.Heading(text));
      if (why != null && !why.isBlank()) {
        s.add(new Section.Context(why));
      }
      if (!how.isEmpty()) {
        s.add(new Section.HowTo(how));
      }
      if (!choices.isEmpty()) {
        s.add(new Section.Buttons(id, choices.stream().map(c -> new Section.Button(c.label(), c.value())).toList()));
      }
      return new Message(null, s);
    }
  }

  /**
   * A suggested answer.
   *
   * @param label what the button shows
   * @param value what is sent back as the user's line when it is chosen
   */
  record Choice(String label, String value) {}

  /** Long work in progress: one line updated in place where the face can. */
  record ProgressUpdate(String step, int done, int total) implements Reply {}

  /**
   * A file to hand over: the terminal writes it to the current folder, Slack uploads it into the thread.
   *
   * @param name the file name, e.g. {@code lb-triage-bundle-lb-web.zip} (no folder)
   * @param mediaType e.g. {@code application/zip}
   * @param bytes the file's content
   * @param caption one line saying what it is and what to do with it
   */
  record Attachment(String name, String mediaType, byte[] bytes, String caption) implements Reply {
    /** Largest file a turn hands over (64 MiB): the chat says to use the command line for a larger bundle. */
    public static final int MAX_BYTES = 64 << 20;

    public Attachment {
      java.util.Objects.requireNonNull(name, "name");
      java.util.Objects.requireNonNull(bytes, "bytes");
      if (bytes.length > MAX_BYTES) {
        throw new IllegalArgumentException("an attachment is at most " + MAX_BYTES + " bytes: " + name + " has " + bytes.length);
      }
      if (name.contains("/") || name.contains("\\") || name.startsWith(".")) {
        throw new IllegalArgumentException("an attachment's name is a plain file name: " + name);
      }
      bytes = bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Attachment a && a.name.equals(name) && java.util.Objects.equals(a.mediaType, mediaType)
          && java.util.Arrays.equals(a.bytes, bytes) && java.util.Objects.equals(a.caption, caption);
    }

    @Override
    public int hashCode() {
      return java.util.Objects.hash(name, mediaType, java.util.Arrays.hashCode(bytes), caption);
    }

    @Override
    public String toString() {
      return "Attachment[" + name + ", " + mediaType + ", " + bytes.length + " bytes, " + caption + "]";
    }
  }
}
