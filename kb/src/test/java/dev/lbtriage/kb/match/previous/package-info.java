/**
 * The symptom matcher as it was before issue 14 (commit 5e75480), frozen: the same code, synonyms
 * and out-of-scope list, copied verbatim except for the package and the resource paths. It is only
 * here so that {@code MatchQuality} can measure the previous matcher and the current one on the same
 * split of real reports (BENCHMARKS.md). Do not tune it.
 */
package dev.lbtriage.kb.match.previous;
