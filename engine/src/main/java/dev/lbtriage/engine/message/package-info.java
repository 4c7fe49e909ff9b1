/**
 * What lb-triage says, as structure and never as formatting: a {@link
 * dev.lbtriage.engine.message.Message} is a title and a list of {@link
 * dev.lbtriage.engine.message.Section}s (heading, text, bullets, numbered steps, commands with a
 * description, how-to per platform, a findings table, buttons, a context line, a notice). The set of
 * sections is sealed: every renderer (terminal, Slack Block Kit, Teams Adaptive Card, {@link
 * dev.lbtriage.engine.message.MarkdownRenderer Markdown}) switches over it exhaustively and the
 * compiler tells it when a section type is added. No I/O, no face named.
 */
package dev.lbtriage.engine.message;
