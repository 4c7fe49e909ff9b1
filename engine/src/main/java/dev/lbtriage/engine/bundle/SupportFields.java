package dev.lbtriage.engine.bundle;

import dev.lbtriage.engine.diagnosis.Diagnosis;
import dev.lbtriage.rules.facts.ArmId;
import dev.lbtriage.rules.facts.LoadBalancer;
import dev.lbtriage.rules.facts.MetricSeries;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The fields an Azure support request asks for, filled from the facts: problem start time, the
 * affected resource, subscription, SKU, region and a one-paragraph description. A field the facts
 * cannot fill says what to put there and where to find it.
 */
record SupportFields(String title, String startTime, String resourceId, String subscription, String sku, String region,
    String description) {

  static SupportFields of(BundleRequest r, LoadBalancer lb, List<MetricsChart.Chart> charts, TrafficPath path) {
    Diagnosis d = r.diagnosis();
    String symptom = d.symptom() == null ? "a load balancer problem" : d.symptom().title();
    String start = firstDrop(charts).orElse("not in the facts: give the time of the first alert or failed call (Azure portal > "
        + lb.name() + " > Metrics > Health Probe Status shows when backends went down)");
    List<Diagnosis.CauseFinding> confirmed = d.confirmed();
    List<Diagnosis.CauseFinding> pointed = d.findings().stream().filter(Diagnosis.CauseFinding::pointedTo).toList();
    StringBuilder desc = new StringBuilder();
    desc.append("Azure Load Balancer ").append(lb.name()).append(" (")
        .append(lb.sku() == null ? "SKU not known" : lb.sku().name()).append(", ")
        .append(lb.internal() ? "internal" : "public").append(lb.location() == null ? "" : ", " + lb.location()).append("): ")
        .append(symptom.endsWith(".") ? symptom : symptom + ".");
    if (r.report() != null && !r.report().isBlank()) {
      desc.append(" Reported: \"").append(SummaryMarkdown.oneLine(r.report())).append("\".");
    }
    if (!confirmed.isEmpty()) {
      desc.append(" Confirmed by lb-triage: ").append(confirmed.stream().map(f -> f.title() + " (" + first(f) + ")")
          .collect(Collectors.joining("; "))).append('.');
    } else if (!pointed.isEmpty()) {
      desc.append(" No cause is confirmed; the facts point to: ").append(pointed.stream().map(f -> f.title() + " (" + first(f) + ")")
          .collect(Collectors.joining("; "))).append('.');
    } else {
      desc.append(" No cause is confirmed by the configuration, the NSGs and the metrics lb-triage read.");
    }
    List<String> failing = path.failing();
    if (!failing.isEmpty()) {
      desc.append(" Failing hop").append(failing.size() > 1 ? "s" : "").append(" on the path to ")
          .append(path.backendIp() == null ? "the backends" : "backend " + path.backendIp())
          .append(": ").append(String.join(", ", failing)).append('.');
    }
    if (!r.tried().isEmpty()) {
      desc.append(" Already tried: ").append(r.tried().stream().map(t -> "\"" + SummaryMarkdown.oneLine(t.what()) + "\""
          + (t.stillFailing() ? " (still failing)" : "")).collect(Collectors.joining("; "))).append('.');
    }
    desc.append(" Attached: lb-triage's bundle (SUMMARY.md, the ARM JSON read, facts.json) and the captures of CAPTURE-PLAN.md.");
    return new SupportFields(lb.name() + ": " + symptom, start, lb.id(),
        Optional.ofNullable(ArmId.subscription(lb.id())).orElse("not in the resource id: az account show --query id -o tsv"),
        lb.sku() == null ? "not in the facts: portal > " + lb.name() + " > Overview > SKU" : lb.sku().name(),
        lb.location() == null ? "not in the facts: portal > " + lb.name() + " > Overview > Location" : lb.location(), desc.toString());
  }

  private static String first(Diagnosis.CauseFinding f) {
    return f.evidence().isEmpty() ? f.status() : f.evidence().get(0);
  }

  /** The first time a backend's or frontend's availability is below 100 %, with where it was seen. */
  private static Optional<String> firstDrop(List<MetricsChart.Chart> charts) {
    Instant best = null;
    String where = null;
    for (MetricsChart.Chart c : charts) {
      for (MetricsChart.Line l : c.lines()) {
        for (MetricSeries.Point p : l.points()) {
          Double v = MetricsChart.value(p);
          if (v != null && v < 100.0 && (best == null || p.time().isBefore(best))) {
            best = p.time();
            where = MetricsChart.CHARTED.get(c.metric()) + " of " + l.label() + " below 100 %"
                + (l.origin() == null ? "" : ", snapshot/" + l.origin());
          }
        }
      }
    }
    return best == null ? Optional.empty() : Optional.of(best + " (first point with " + where + ")");
  }

  void markdown(StringBuilder b) {
    b.append("## For the Azure support request\n\n");
    b.append("Azure portal > Help + support > Create a support request (https://azure.microsoft.com/support/options/), service "
        + "*Load Balancer*. Paste:\n\n");
    b.append("| field | value |\n|---|---|\n");
    b.append("| summary | ").append(Md.cell(title)).append(" |\n");
    b.append("| problem start time | ").append(Md.cell(startTime)).append(" |\n");
    b.append("| affected resource | ").append(Md.code(resourceId)).append(" |\n");
    b.append("| subscription | ").append(Md.cell(subscription)).append(" |\n");
    b.append("| SKU | ").append(Md.cell(sku)).append(" |\n");
    b.append("| region | ").append(Md.cell(region)).append(" |\n\n");
    b.append("Description:\n\n```text\n").append(description.replace("```", "'''")).append("\n```\n\n");
  }
}
