package dev.lbtriage.kb.model;

import java.util.List;

/**
 * One entry point of a triage: what the user sees going wrong.
 *
 * @param id stable id, e.g. {@code probe-down}
 * @param title one line, as the product shows it
 * @param summary a short paragraph: what the symptom is and how the triage proceeds
 * @param phrasings how people describe it, in their own words (used by the matcher)
 * @param keywords single words and short terms that point to it (used by the matcher)
 * @param seedSections headings of the seed page this entry covers
 * @param causes what can produce it, in the order the triage considers them
 * @param questions the manual checks of this symptom's causes (ids unique across the KB)
 * @param supportCase what to collect before opening a support case
 * @param healthCheck how the triage can end "healthy" for this symptom, or null when it cannot (the facts say nothing
 *     about it)
 * @param scanNeeds the facts a fleet scan needs to decide any of its causes: it runs this symptom for a load balancer
 *     only when its facts hold each (none: always)
 * @param source where the entry was read from
 * @param probeHealth which side of Health Probe Status it is, when its words are alike another symptom's and the
 *     metric tells them apart; null otherwise
 */
public record Symptom(
    String id,
    String title,
    String summary,
    List<String> phrasings,
    List<String> keywords,
    List<String> seedSections,
    List<Cause> causes,
    List<Question> questions,
    List<SupportCapture> supportCase,
    HealthCheck healthCheck,
    List<FactName> scanNeeds,
    Source source,
    ProbeHealthSide probeHealth) {
  public Symptom {
    phrasings = List.copyOf(phrasings);
    keywords = List.copyOf(keywords);
    seedSections = List.copyOf(seedSections);
    causes = List.copyOf(causes);
    questions = List.copyOf(questions);
    supportCase = List.copyOf(supportCase);
    scanNeeds = List.copyOf(scanNeeds);
  }

  /** Whether a fleet scan runs this symptom: some cause of it is one a scan reports (the KB's {@code scan}). */
  public boolean scanned() {
    return causes.stream().anyMatch(Cause::scanned);
  }
}
