/**
 * Free-text symptom matching: from what an on-call engineer types ("health probe 0% on all
 * backends", a pasted Slack thread, an ARM error) to the knowledge base's symptoms, the entry points
 * of a triage. {@link dev.lbtriage.kb.match.SymptomMatcher} combines three kinds of evidence: the
 * report's words against the KB (an in-memory Lucene index, {@link
 * dev.lbtriage.kb.match.DomainAnalyzer}: stemming, folding, the domain synonyms of {@code
 * kb/synonyms.txt}, the extra wording of {@code kb/match/wording.tsv}), a k-nearest-neighbours vote
 * over labelled examples (the KB's phrasings and real reports from public threads, {@code
 * kb/match/examples.tsv}), and a dictionary of Azure error codes ({@code kb/match/error-codes.tsv}).
 * {@link dev.lbtriage.kb.match.MatchResult} carries the verdict (confident only where development
 * data showed at least 97 % precision; otherwise ambiguous with the alternatives, or nothing
 * matched), the {@link dev.lbtriage.kb.match.OutOfScopeTopic} of a report the KB does not cover
 * (SNAT, outbound, idle timeout, Application Gateway, DNS, other; from {@code kb/out-of-scope.txt},
 * error codes and "none" examples), and a {@link dev.lbtriage.kb.match.MatchExplanation} of what
 * drove the choice.
 */
package dev.lbtriage.kb.match;
