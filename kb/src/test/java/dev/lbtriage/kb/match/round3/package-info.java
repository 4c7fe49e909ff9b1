/**
 * The symptom matcher of issue 14 round 3 (commit 07337ae: first stage and second stage, as merged
 * and scored once on held-out v3), frozen: the same code, weights, examples, synonyms, wording and
 * out-of-scope lists, copied verbatim except for the package and the resource paths (the KB's own
 * {@code synonyms.txt} and {@code out-of-scope.txt} of that commit are copied too). It is only here so
 * that {@code MatchQuality} can score the round-3 matcher and the current one on the same held-out
 * split ({@code --matcher round3}, and in {@code both}). Do not tune it.
 */
package dev.lbtriage.kb.match.round3;
