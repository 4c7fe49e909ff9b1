package dev.lbtriage.engine.conversation;

import java.time.Instant;

/**
 * An answer as the conversation keeps it.
 *
 * @param question the KB question id, e.g. {@code probe-port-listening}
 * @param value the normalised value: {@code yes}, {@code no}, {@code unknown}, an address, a port, text
 * @param by who answered (a user name as the face knows it)
 * @param at when
 */
public record RecordedAnswer(String question, String value, String by, Instant at) {}
