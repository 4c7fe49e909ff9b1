package dev.lbtriage.bot.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbtriage.engine.diagnosis.Diagnosis;
import dev.lbtriage.engine.scan.ScanFinding;
import dev.lbtriage.engine.scan.ScanReport;
import dev.lbtriage.engine.scan.SubscriptionSummary;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How {@code lb-triage scan} prints its report: table, json, sarif or csv. */
final class ScanOutput {

  /** The formats of {@code scan -o}. */
  enum Format {
    table,
    json,
    sarif,
    csv
  }

  static final String CSV_HEADER = "subscription,resource_group,load_balancer,cause,status,subject,evidence,fix,title,source,rule,load_balancer_id";

  private ScanOutput() {}

  static void print(PrintWriter out, Format format, ScanReport r) {
    switch (format) {
      case table -> table(out, r);
      case json -> JsonOutput.print(out, json(r));
      case sarif -> JsonOutput.print(out, sarif(r));
      case csv -> csv(out, r);
    }
  }

  static void table(PrintWriter out, ScanReport r) {
    if (r.findings().isEmpty()) {
      out.println("No finding in " + r.loadBalancers() + (r.loadBalancers() == 1 ? " load balancer" : " load balancers") + " (" + r.scope() + ").");
    } else {
      Output.Rows rows = Output.Rows.of("loadBalancer", "cause", "status", "subject", "evidence", "fix");
      for (ScanFinding f : r.findings()) {
        rows.add(f.resourceGroup() + "/" + f.loadBalancer(), f.cause(), f.status(), f.subject(), Output.join(f.evidence()),
            fixText(f).replace("\n", " ; "));
      }
      Output.table(out, rows);
    }
    out.println();
    Output.Rows sums = Output.Rows.of("subscription", "loadBalancers", "withConfirmed", "confirmed", "suspected", "advisory");
    for (SubscriptionSummary s : r.subscriptions()) {
      sums.add(s.subscription(), s.loadBalancers(), s.withConfirmed(), s.confirmed(), s.suspected(), s.advisory());
    }
    Output.table(out, sums);
    if (!r.problems().isEmpty()) {
      out.println();
      out.println("Problems reading the input (" + r.problems().size() + "):");
      r.problems().forEach(p -> out.println("  " + p));
    }
  }

  static ObjectNode json(ScanReport r) {
    ObjectNode o = JsonOutput.object();
    o.put("scope", r.scope());
    o.put("loadBalancers", r.loadBalancers());
    o.put("exitCode", r.exitCode());
    ArrayNode findings = o.putArray("findings");
    for (ScanFinding f : r.findings()) {
      ObjectNode x = findings.addObject();
      x.put("subscription", f.subscription());
      x.put("resourceGroup", f.resourceGroup());
      x.put("loadBalancer", f.loadBalancer());
      x.put("loadBalancerId", f.loadBalancerId());
      x.put("cause", f.cause());
      x.put("title", f.title());
      x.put("status", f.status());
      x.put("subject", f.subject());
      x.set("evidence", JsonOutput.strings(f.evidence()));
      x.put("fix", fixText(f));
      x.set("fixCommands", commands(f));
      x.put("source", f.source());
      x.put("rule", f.rule());
    }
    ArrayNode subs = o.putArray("subscriptions");
    for (SubscriptionSummary s : r.subscriptions()) {
      ObjectNode x = subs.addObject();
      x.put("subscription", s.subscription());
      x.put("loadBalancers", s.loadBalancers());
      x.put("withConfirmed", s.withConfirmed());
      x.put("confirmed", s.confirmed());
      x.put("suspected", s.suspected());
      x.put("advisory", s.advisory());
    }
    o.set("problems", JsonOutput.strings(r.problems()));
    return o;
  }

  /**
   * SARIF 2.1.0 (OASIS): one run of tool {@code lb-triage}, one reporting rule per cause or check,
   * one result per finding at the load balancer's ARM id as a logical location; confirmed is
   * {@code error}, suspected {@code warning}, advisory {@code note}.
   */
  static ObjectNode sarif(ScanReport r) {
    ObjectNode root = JsonOutput.object();
    root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    root.put("version", "2.1.0");
    ObjectNode run = root.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "lb-triage");
    driver.put("informationUri", "https://learn.microsoft.com/azure/load-balancer/load-balancer-troubleshoot");
    ArrayNode rules = driver.putArray("rules");
    Map<String, Integer> ruleIndex = new LinkedHashMap<>();
    for (ScanFinding f : r.findings()) {
      if (!ruleIndex.containsKey(f.cause())) {
        ruleIndex.put(f.cause(), ruleIndex.size());
        ObjectNode rule = rules.addObject();
        rule.put("id", f.cause());
        rule.putObject("shortDescription").put("text", f.title());
        rule.putObject("properties").put("source", f.source().startsWith("seed:") ? "lb-triage knowledge base" : f.source());
      }
    }
    ArrayNode results = run.putArray("results");
    for (ScanFinding f : r.findings()) {
      ObjectNode res = results.addObject();
      res.put("ruleId", f.cause());
      res.put("ruleIndex", ruleIndex.get(f.cause()));
      res.put("level", switch (f.status()) {
        case ScanFinding.CONFIRMED -> "error";
        case ScanFinding.SUSPECTED -> "warning";
        default -> "note";
      });
      res.putObject("message").put("text", f.title() + " (" + f.status() + ", " + f.subject() + "): "
          + String.join("; ", f.evidence()) + "\nFix:\n" + fixText(f));
      ObjectNode loc = res.putArray("locations").addObject();
      ObjectNode logical = loc.putArray("logicalLocations").addObject();
      logical.put("name", f.loadBalancer());
      logical.put("fullyQualifiedName", f.loadBalancerId());
      logical.put("kind", "resource");
      res.putObject("partialFingerprints").put("lbTriage/v1", (f.loadBalancerId() + "|" + f.cause() + "|" + f.subject()).toLowerCase(java.util.Locale.ROOT));
      ObjectNode props = res.putObject("properties");
      props.put("status", f.status());
      props.put("subject", f.subject());
      props.put("subscription", f.subscription());
      props.put("fix", fixText(f));
      props.set("fixCommands", commands(f));
      props.put("source", f.source());
    }
    return root;
  }

  /** RFC 4180: a header, then one record per finding; fields with a comma, quote or line break are quoted. */
  static void csv(PrintWriter out, ScanReport r) {
    out.print(CSV_HEADER + "\r\n");
    for (ScanFinding f : r.findings()) {
      List<String> cells = List.of(nz(f.subscription()), nz(f.resourceGroup()), nz(f.loadBalancer()), f.cause(), f.status(),
          nz(f.subject()), String.join("\n", f.evidence()), fixText(f), nz(f.title()), nz(f.source()), nz(f.rule()),
          f.loadBalancerId());
      out.print(String.join(",", cells.stream().map(ScanOutput::csvCell).toList()) + "\r\n");
    }
  }

  /**
   * The whole fix as one text, for a person or a cell: the words, then each command as a shell comment
   * with its description and the command, ready to paste into bash.
   */
  static String fixText(ScanFinding f) {
    List<String> parts = new java.util.ArrayList<>();
    if (f.fix() != null && !f.fix().isBlank()) {
      parts.add(f.fix());
    }
    f.commands().forEach(c -> parts.add("# " + c.description() + "\n" + c.command()));
    return String.join("\n", parts);
  }

  /** The fix's commands as the JSON contract has them: {@code [{description, command, fix}]}. */
  private static ArrayNode commands(ScanFinding f) {
    ArrayNode a = JsonOutput.array();
    for (Diagnosis.Command c : f.commands()) {
      a.addObject().put("description", c.description()).put("command", c.command()).put("fix", c.fix());
    }
    return a;
  }

  static String csvCell(String s) {
    boolean quote = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
    return quote ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
