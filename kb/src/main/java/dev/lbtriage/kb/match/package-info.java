/**
 * Free-text symptom matching: from what an on-call engineer types ("health probe 0% on all
 * backends", a pasted Slack thread, a pager line) to the knowledge base's symptoms, the entry points
 * of a triage. {@link dev.lbtriage.kb.match.SymptomMatcher} indexes the symptoms in memory with
 * Lucene, analyses text with {@link dev.lbtriage.kb.match.DomainAnalyzer} (English stemming, ASCII
 * folding and the domain synonyms of {@code kb/synonyms.txt}), repairs typos and glued words
 * against the words it knows, and turns BM25 into a calibrated score in [0, 1] that is comparable
 * across reports; {@link dev.lbtriage.kb.match.MatchResult} turns that score into a verdict
 * (confident, ambiguous, nothing matched), and the "known unknowns" of {@code
 * kb/out-of-scope.txt} (SNAT, DNS resolution, Application Gateway...) keep reports the KB does not
 * cover from getting a confident wrong answer.
 */
package dev.lbtriage.kb.match;
