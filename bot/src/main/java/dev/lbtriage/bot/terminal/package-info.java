/**
 * The terminal face of the triage conversation: {@code lb-triage chat}, {@code demo} and {@code
 * sessions}. {@link dev.lbtriage.bot.terminal.TerminalRenderer} turns the engine's replies into
 * short lines (coloured only on a real terminal without {@code NO_COLOR}); {@link
 * dev.lbtriage.bot.terminal.ChatLoop} reads lines (JLine on a terminal, a plain reader when piped) and
 * hands them to the shared runtime ({@link dev.lbtriage.engine.runtime.Conversations}), which saves every
 * turn before its replies and the next prompt are shown; {@link
 * dev.lbtriage.bot.terminal.BundledExamples} serves the example scenarios packed in the jar.
 */
package dev.lbtriage.bot.terminal;
