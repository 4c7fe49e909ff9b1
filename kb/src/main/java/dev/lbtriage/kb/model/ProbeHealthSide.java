package dev.lbtriage.kb.model;

import java.util.List;

/**
 * Which side of Health Probe Status a symptom is ({@code probeHealth:} in the KB): the pair of
 * symptoms whose words are alike and whose metric tells them apart, one where the probes fail and
 * one where every probe passes. The metric (or what the report says of it) decides between them.
 *
 * @param shows what Health Probe Status shows for this symptom
 * @param fromReport what in a report says the probes look like that, in the order tried
 */
public record ProbeHealthSide(Shows shows, List<ReportReading> fromReport) {
  public ProbeHealthSide {
    fromReport = List.copyOf(fromReport);
  }

  /** What Health Probe Status shows. */
  public enum Shows {
    /** Some backend fails the probe. */
    FAILING,
    /** Every backend passes the probe. */
    PASSING
  }
}
