/**
 * The Slack face of lb-triage: one Slack thread is one triage conversation.
 *
 * <p>{@link dev.lbtriage.bot.slack.SlackBot} is a Bolt app whose handlers (mention, thread message, {@code
 * /lb-triage}, message shortcut, buttons) ack at once and queue a turn; turns run per thread in order on a bounded
 * pool and talk to the engine only through the port {@link dev.lbtriage.bot.slack.TriageConversations}. Replies are
 * rendered to Block Kit by {@link dev.lbtriage.bot.slack.SlackRenderer} and sent by {@link
 * dev.lbtriage.bot.slack.SlackPoster} (per-channel pacing, 429 back-off, file upload for long output). It runs
 * in Socket Mode ({@link dev.lbtriage.bot.slack.SocketModeRunner}) or over HTTP in our own Jetty ({@link
 * dev.lbtriage.bot.slack.SlackServer}); {@link dev.lbtriage.bot.slack.SlackCommand} is the {@code lb-triage slack}
 * sub-command. Set-up: {@code bot/SLACK.md} and {@code slack/manifest.yaml}.
 */
package dev.lbtriage.bot.slack;
