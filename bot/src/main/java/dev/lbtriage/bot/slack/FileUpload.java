package dev.lbtriage.bot.slack;

/**
 * A reply too long for messages, shared as a file in the thread instead.
 *
 * @param filename e.g. {@code output.sh}
 * @param title what Slack shows as the file's title
 * @param content the text of the file
 * @param comment the message posted with the file (mrkdwn, escaped)
 */
public record FileUpload(String filename, String title, String content, String comment) {}
