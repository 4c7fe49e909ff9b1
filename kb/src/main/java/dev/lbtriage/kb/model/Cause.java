package dev.lbtriage.kb.model;

import java.util.List;

/**
 * A reason a symptom happens.
 *
 * @param id stable id, e.g. {@code probe-port-blocked}
 * @param title one line
 * @param explanation why it produces the symptom, in the project's words
 * @param seedSections headings of the seed page this cause comes from
 * @param checks how the triage tells this cause apart: automatic (a fact) or manual (a question)
 * @param resolution the steps that fix it; may hold placeholders such as {@code {probePort}} and a condition
 * @param commands ready-to-fill {@code az} commands
 * @param scan how a fleet scan reports it, null when it does not
 * @param pathHop where on the traffic path it shows, null when nowhere (the KB's {@code pathHop})
 * @param fromReport what in a user's report points toward or away from it (leads only), or null
 */
public record Cause(
    String id,
    String title,
    String explanation,
    List<String> seedSections,
    List<Check> checks,
    List<ResolutionStep> resolution,
    List<CliCommand> commands,
    FleetScan scan,
    PathHop pathHop,
    FromReport fromReport) {
  public Cause(String id, String title, String explanation, List<String> seedSections, List<Check> checks,
      List<ResolutionStep> resolution, List<CliCommand> commands) {
    this(id, title, explanation, seedSections, checks, resolution, commands, null, null, null);
  }

  /** Whether a fleet scan reports this cause (the KB's {@code scan}). */
  public boolean scanned() {
    return scan != null;
  }

  public Cause {
    seedSections = List.copyOf(seedSections);
    checks = List.copyOf(checks);
    resolution = List.copyOf(resolution);
    commands = List.copyOf(commands);
  }
}
