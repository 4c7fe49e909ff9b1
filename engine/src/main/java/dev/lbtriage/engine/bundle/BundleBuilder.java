package dev.lbtriage.engine.bundle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lbtriage.engine.conversation.RecordedAnswer;
import dev.lbtriage.rules.facts.LoadBalancer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a {@link Bundle} from a {@link BundleRequest}, in memory, without I/O: SUMMARY.md,
 * CAPTURE-PLAN.md, the path picture, the metrics charts, facts.json and snapshot/; secrets removed
 * from all of it, and with {@code redact} every id, address, name and free text masked.
 */
public final class BundleBuilder {
  private static final Set<String> PLAIN_ANSWERS = Set.of("yes", "no", "unknown");

  private BundleBuilder() {}

  /** @throws IllegalArgumentException when the diagnosis' load balancer is not in the facts */
  public static Bundle build(BundleRequest r) {
    LoadBalancer lb = r.facts().loadBalancer(r.diagnosis().loadBalancer())
        .orElseThrow(() -> new IllegalArgumentException("load balancer " + r.diagnosis().loadBalancer() + " is not in the facts"));
    String clientIp = r.answers().stream().filter(a -> a.question().equals("client-ip") && !"unknown".equals(a.value()))
        .reduce((a, b) -> b).map(RecordedAnswer::value).orElse(null);
    TrafficPath path = TrafficPathBuilder.of(r.facts(), lb, r.diagnosis(), clientIp);
    List<MetricsChart.Chart> charts = MetricsChart.of(r.facts(), lb);
    SupportFields fields = SupportFields.of(r, lb, charts, path);

    Map<String, String> files = new LinkedHashMap<>();
    files.put(Bundle.SUMMARY, SummaryMarkdown.render(r, lb, path, charts, fields, r.redact()));
    files.put(Bundle.CAPTURE_PLAN, CapturePlan.markdown(r.facts(), lb, path.backendIp()));
    files.put(Bundle.PATH_SVG, PathSvg.render(path, "Traffic path of " + lb.name() + " to backend "
        + (path.backendIp() == null ? "(none)" : path.backendIp())));
    charts.forEach(c -> files.put(c.fileName(), MetricsChart.svg(c)));
    files.put(Bundle.FACTS, FactsJson.render(r.facts(), r.diagnosis(), r.answers(), r.checks(), r.factSource()));
    files.replaceAll((name, text) -> Secrets.scrub(text));
    r.snapshot().forEach((name, text) -> files.put(Bundle.SNAPSHOT + name, snapshotFile(text)));

    List<Redaction.Mask> masked = List.of();
    if (r.redact()) {
      Redaction red = Redaction.plan(files.values(), users(r), freeText(r));
      files.replaceAll((name, text) -> red.apply(text));
      masked = red.list(files.values());
      files.put(Bundle.MASKED, maskedList(masked));
    }
    Map<String, byte[]> bytes = new LinkedHashMap<>();
    files.forEach((name, text) -> bytes.put(name, text.getBytes(StandardCharsets.UTF_8)));
    return new Bundle(bytes, masked, r.diagnosis().findings().stream().map(f -> f.cause() + "=" + f.status()).toList(), path.failing());
  }

  /** A snapshot document with secrets removed; unchanged bytes when it holds none (or is not JSON: then as text). */
  private static String snapshotFile(String text) {
    try {
      JsonNode tree = FactsJson.JSON.readTree(text);
      if (tree != null && Secrets.scrub(tree)) {
        return FactsJson.JSON.writeValueAsString(tree) + "\n";
      }
      return tree == null ? Secrets.scrub(text) : text;
    } catch (JsonProcessingException e) {
      return Secrets.scrub(text);
    }
  }

  private static List<String> users(BundleRequest r) {
    List<String> out = new ArrayList<>();
    r.answers().forEach(a -> out.add(a.by()));
    r.checks().forEach(c -> out.add(c.by()));
    r.tried().forEach(t -> out.add(t.by()));
    return out;
  }

  /**
   * What people typed: the report, the quotes answers were read from, answers that are not yes/no or an
   * address, the remediation already tried.
   */
  private static List<String> freeText(BundleRequest r) {
    List<String> out = new ArrayList<>();
    if (r.report() != null) {
      out.add(r.report());
      out.add(SummaryMarkdown.oneLine(r.report()));
    }
    for (RecordedAnswer a : r.answers()) {
      out.add(a.quote());
      if (a.value() != null && !PLAIN_ANSWERS.contains(a.value()) && !a.value().matches("[0-9a-fA-F.:]+")) {
        out.add(a.value());
      }
    }
    for (var t : r.tried()) {
      out.add(t.what());
      out.add(SummaryMarkdown.oneLine(t.what()));
    }
    return out.stream().filter(s -> s != null && s.strip().length() >= 4).map(s -> Secrets.scrub(s)).toList();
  }

  private static String maskedList(List<Redaction.Mask> masked) {
    StringBuilder b = new StringBuilder("# What was masked\n\n");
    b.append("This bundle was made with `--redact`: each value below was replaced by its mask in every file, the snapshot JSON "
        + "included (one value, one mask, so the files still agree with each other and the snapshot still replays). The values "
        + "themselves are not written anywhere. Private addresses, Azure's probe address " + dev.lbtriage.rules.network.ServiceTags.AZURE_LOAD_BALANCER_IP + " and network prefixes in NSG "
        + "rules are kept: the NSG evaluation needs them. Secrets are never written, redacted or not. Back to [SUMMARY.md](SUMMARY.md).\n\n");
    if (masked.isEmpty()) {
      b.append("Nothing needed masking.\n");
      return b.toString();
    }
    b.append("| kind | mask | occurrences |\n|---|---|---:|\n");
    for (Redaction.Mask m : masked) {
      b.append("| ").append(m.kind().words()).append(" | ").append(Md.code(m.mask())).append(" | ").append(m.occurrences()).append(" |\n");
    }
    return b.toString();
  }
}
