package dev.lbtriage.kb.model;

import java.util.List;

/**
 * Something to collect for a support case (the seed's "Additional network captures").
 *
 * @param id stable id within its symptom
 * @param title one line
 * @param steps what to do, may hold placeholders such as {@code {backendIp}} and {@code {probePort}}
 * @param how the exact commands per operating system
 * @param seedSections headings of the seed page it comes from
 */
public record SupportCapture(String id, String title, List<String> steps, HowToCheck how, List<String> seedSections) {
  public SupportCapture {
    steps = List.copyOf(steps);
    seedSections = List.copyOf(seedSections);
  }
}
