package dev.lbtriage.engine.session;

import dev.lbtriage.engine.conversation.Stage;
import java.time.Instant;

/**
 * A saved conversation as a list shows it, without loading its state.
 *
 * @param loadBalancer the ARM id, null when not chosen yet
 * @param report the report's first characters, null when not given yet
 */
public record SessionSummary(
    String id, String key, Stage stage, String symptomId, String loadBalancer, int turn, Instant created, Instant updated,
    String report) {}
