package dev.lbtriage.bot.slack;

import java.nio.charset.StandardCharsets;

/**
 * A file shared in the thread: a reply too long for messages, or a file the conversation hands over (the
 * support-case bundle).
 *
 * @param filename e.g. {@code output.sh}
 * @param title what Slack shows as the file's title
 * @param bytes the content of the file
 * @param comment the message posted with the file (mrkdwn, escaped)
 */
public record FileUpload(String filename, String title, byte[] bytes, String comment) {
  /** A text file (UTF-8). */
  public FileUpload(String filename, String title, String content, String comment) {
    this(filename, title, content.getBytes(StandardCharsets.UTF_8), comment);
  }

  /** The content as UTF-8 text. */
  public String content() {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
