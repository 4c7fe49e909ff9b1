/**
 * The {@code lb-triage} command line (picocli): {@link dev.lbtriage.bot.cli.Main} registers the
 * sub-commands {@code match}, {@code diagnose}, {@code show}, {@code flow}, {@code capture} and
 * {@code check}. Every command prints for a person ({@code --format text}) or for a program
 * ({@code --format json}: stdout holds one JSON document and nothing else); progress, warnings and
 * errors go to stderr. Exit codes: 0 success, 2 bad input (one line saying what to change), 1 an
 * unexpected failure or an Azure read that failed; {@code check} exits 3 when attempts were lost.
 */
package dev.lbtriage.bot.cli;
