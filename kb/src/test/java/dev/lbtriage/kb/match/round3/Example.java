package dev.lbtriage.kb.match.round3;

/**
 * One labelled example the nearest-neighbour vote of {@link SymptomMatcher} looks at: a real report
 * from the development part of the corpus ({@code kb/match/examples.tsv}), or a phrasing of a KB
 * symptom.
 *
 * @param id a stable id ({@code gh-015}, {@code kb:probe-down#3})
 * @param group the source the example comes from (a repository, or {@code kb}); used to leave a
 *     whole source out when measuring
 * @param source where it was written (a URL, or the KB file)
 * @param label a symptom id, or {@code none} for a report about something else
 * @param topic for {@code none}: the {@link OutOfScopeTopic} id; otherwise empty
 * @param text the words
 */
public record Example(String id, String group, String source, String label, String topic, String text) {
  public static final String NONE = "none";

  boolean outOfScope() {
    return label.equals(NONE);
  }
}
