package dev.lbtriage.kb.model;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What a user's report can say of a question or a cause ({@code fromReport:} in the KB).
 *
 * @param readings the patterns, in the order they are tried (the first that matches a clause counts)
 * @param sameAs the question or cause whose readings these are too (then {@code readings} is empty), or null
 * @param ignoreIn a match whose comma-separated part of the clause also matches this says nothing of it (e.g. what is
 *     said of the frontend is no answer about a backend), or null
 * @param leadOnlyWhen when this condition holds for the load balancer, an answer read from the report is only a lead
 *     (the facts make it ambiguous), or null
 */
public record FromReport(List<ReportReading> readings, String sameAs, Pattern ignoreIn, Condition leadOnlyWhen) {
  public FromReport {
    readings = List.copyOf(readings);
  }
}
