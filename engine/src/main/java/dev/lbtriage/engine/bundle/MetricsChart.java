package dev.lbtriage.engine.bundle;

import dev.lbtriage.rules.facts.AzureFacts;
import dev.lbtriage.rules.facts.LoadBalancer;
import dev.lbtriage.rules.facts.MetricSeries;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Health Probe Status ({@code DipAvailability}) and Data Path Availability ({@code VipAvailability})
 * over time, one line per backend (or frontend), as an SVG of our own; and the same values as a
 * Markdown table for readers without pictures.
 */
final class MetricsChart {
  /** The metrics charted, with the names the portal shows. */
  static final Map<String, String> CHARTED = new LinkedHashMap<>(Map.of());

  static {
    CHARTED.put("DipAvailability", "Health Probe Status");
    CHARTED.put("VipAvailability", "Data Path Availability");
  }

  private static final String[] COLOURS = {"#1565c0", "#c62828", "#2e7d32", "#6a1b9a", "#ef6c00", "#00838f", "#5d4037", "#ad1457"};

  /** One line of a chart. */
  record Line(String label, List<MetricSeries.Point> points, String origin) {}

  /** One chart: a metric of this load balancer, one line per backend or frontend. */
  record Chart(String metric, String title, List<Line> lines) {
    String fileName() {
      return "metrics-" + metric + ".svg";
    }
  }

  private MetricsChart() {}

  static List<Chart> of(AzureFacts facts, LoadBalancer lb) {
    List<Chart> out = new ArrayList<>();
    for (Map.Entry<String, String> m : CHARTED.entrySet()) {
      List<Line> lines = new ArrayList<>();
      facts.metrics().stream().filter(s -> s.is(m.getKey()) && BackendChoice.ofLb(s, lb) && !s.points().isEmpty())
          .forEach(s -> {
            String who = s.dimension("BackendIPAddress") != null ? "backend " + s.dimension("BackendIPAddress")
                : s.dimension("FrontendIPAddress") != null ? "frontend " + s.dimension("FrontendIPAddress") : "load balancer";
            String port = s.dimension("FrontendPort") != null ? ":" + s.dimension("FrontendPort")
                : s.dimension("BackendPort") != null ? ":" + s.dimension("BackendPort") : "";
            lines.add(new Line(who + port, s.points().stream().filter(p -> p.time() != null && value(p) != null)
                .sorted(Comparator.comparing(MetricSeries.Point::time)).toList(), s.origin() == null ? null : s.origin().file()));
          });
      lines.removeIf(l -> l.points().isEmpty());
      lines.sort(Comparator.comparing(Line::label));
      if (!lines.isEmpty()) {
        out.add(new Chart(m.getKey(), m.getValue() + " (" + m.getKey() + ") of " + lb.name(), lines));
      }
    }
    return out;
  }

  static Double value(MetricSeries.Point p) {
    return p.average() != null ? p.average() : p.minimum() != null ? p.minimum() : p.maximum();
  }

  static String svg(Chart c) {
    int w = 760;
    int h = 340;
    int left = 60;
    int right = 220;
    int top = 44;
    int bottom = 56;
    int plotW = w - left - right;
    int plotH = h - top - bottom;
    Instant min = c.lines().stream().flatMap(l -> l.points().stream()).map(MetricSeries.Point::time).min(Comparator.naturalOrder()).orElseThrow();
    Instant max = c.lines().stream().flatMap(l -> l.points().stream()).map(MetricSeries.Point::time).max(Comparator.naturalOrder()).orElseThrow();
    double span = Math.max(1, max.getEpochSecond() - min.getEpochSecond());
    StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    b.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
        + "font-family=\"Segoe UI, Helvetica, Arial, sans-serif\" font-size=\"12\">%n", w, h, w, h));
    b.append("<title>").append(Xml.esc(c.title())).append("</title>\n");
    b.append("<rect x=\"0\" y=\"0\" width=\"").append(w).append("\" height=\"").append(h).append("\" fill=\"#ffffff\"/>\n");
    b.append("<text x=\"").append(left).append("\" y=\"26\" font-size=\"15\" font-weight=\"bold\">").append(Xml.esc(c.title())).append("</text>\n");
    for (int pct = 0; pct <= 100; pct += 25) {
      double y = top + plotH - plotH * pct / 100.0;
      b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>%n", left, y, left + plotW, y));
      b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" fill=\"#555\">%d %%</text>%n", left - 6, y + 4, pct));
    }
    b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#555\">%s</text>%n", left, h - bottom + 20, Xml.esc(min.toString())));
    b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" fill=\"#555\">%s</text>%n", left + plotW, h - bottom + 20,
        Xml.esc(max.toString())));
    b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#555\">time (UTC)</text>%n", left, h - bottom + 38));
    for (int i = 0; i < c.lines().size(); i++) {
      Line l = c.lines().get(i);
      String colour = COLOURS[i % COLOURS.length];
      StringBuilder pts = new StringBuilder();
      for (MetricSeries.Point p : l.points()) {
        double x = left + plotW * (p.time().getEpochSecond() - min.getEpochSecond()) / span;
        double v = Math.max(0, Math.min(100, value(p)));
        double y = top + plotH - plotH * v / 100.0;
        pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
      }
      b.append("<g class=\"series\" data-series=\"").append(Xml.esc(l.label())).append("\">");
      b.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"2\" points=\"").append(pts.toString().trim())
          .append("\"/>");
      for (String xy : pts.toString().trim().split(" ")) {
        String[] p = xy.split(",");
        b.append("<circle cx=\"").append(p[0]).append("\" cy=\"").append(p[1]).append("\" r=\"2.5\" fill=\"").append(colour).append("\"/>");
      }
      b.append("</g>\n");
      int ly = top + 10 + i * 18;
      b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"4\" fill=\"%s\"/>", left + plotW + 16, ly - 4, colour));
      b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>%n", left + plotW + 36, ly, Xml.esc(Xml.cut(l.label(), 26))));
    }
    b.append("</svg>\n");
    return b.toString();
  }

  /** The values as a Markdown table: one row per time, one column per line. */
  static String table(Chart c) {
    java.util.TreeSet<Instant> times = new java.util.TreeSet<>();
    c.lines().forEach(l -> l.points().forEach(p -> times.add(p.time())));
    StringBuilder b = new StringBuilder("| time (UTC) |");
    c.lines().forEach(l -> b.append(' ').append(Md.cell(l.label())).append(" |"));
    b.append("\n|---|");
    c.lines().forEach(l -> b.append("---:|"));
    b.append('\n');
    for (Instant t : times) {
      b.append("| ").append(t).append(" |");
      for (Line l : c.lines()) {
        b.append(' ').append(l.points().stream().filter(p -> p.time().equals(t)).findFirst().map(MetricsChart::value)
            .map(v -> String.format(Locale.ROOT, "%.0f %%", v)).orElse("")).append(" |");
      }
      b.append('\n');
    }
    return b.toString();
  }
}
