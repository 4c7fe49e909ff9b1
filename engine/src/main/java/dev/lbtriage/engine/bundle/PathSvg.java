package dev.lbtriage.engine.bundle;

import dev.lbtriage.engine.bundle.TrafficPath.Hop;
import dev.lbtriage.engine.bundle.TrafficPath.State;
import java.util.List;
import java.util.Locale;

/**
 * The traffic path as an SVG of our own: two lanes of boxes joined by arrows (client traffic above,
 * the health probe below). Each hop is a {@code <g>} with {@code data-hop="lane:id"} and {@code
 * data-state}; a failing hop is drawn red with a thick border and "fails here", a suspected one
 * orange and dashed. Each box has a {@code <title>} with why, for a tooltip.
 */
final class PathSvg {
  private static final int BOX_W = 170;
  private static final int BOX_H = 64;
  private static final int GAP = 34;
  private static final int LANE_H = 130;
  private static final int LEFT = 20;

  private PathSvg() {}

  static String render(TrafficPath path, String title) {
    int cols = Math.max(path.data().size(), path.probe().size());
    int width = LEFT * 2 + cols * BOX_W + (cols - 1) * GAP;
    int height = 70 + 2 * LANE_H + 60;
    StringBuilder b = new StringBuilder();
    b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    b.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
        + "font-family=\"Segoe UI, Helvetica, Arial, sans-serif\" font-size=\"12\">%n", width, height, width, height));
    b.append("<title>").append(Xml.esc(title)).append("</title>\n");
    b.append("<defs><marker id=\"arrow\" markerWidth=\"10\" markerHeight=\"8\" refX=\"9\" refY=\"4\" orient=\"auto\">"
        + "<path d=\"M0,0 L10,4 L0,8 z\" fill=\"#555\"/></marker></defs>\n");
    b.append("<rect x=\"0\" y=\"0\" width=\"").append(width).append("\" height=\"").append(height).append("\" fill=\"#ffffff\"/>\n");
    b.append("<text x=\"").append(LEFT).append("\" y=\"28\" font-size=\"16\" font-weight=\"bold\">").append(Xml.esc(title)).append("</text>\n");
    lane(b, "Client traffic", path.data(), 60);
    lane(b, "Health probe", path.probe(), 60 + LANE_H);
    legend(b, 60 + 2 * LANE_H + 20);
    b.append("</svg>\n");
    return b.toString();
  }

  private static void lane(StringBuilder b, String name, List<Hop> hops, int top) {
    b.append("<g class=\"lane\" data-lane=\"").append(Xml.esc(hops.isEmpty() ? name : hops.get(0).lane())).append("\">\n");
    b.append("<text x=\"").append(LEFT).append("\" y=\"").append(top + 14).append("\" font-weight=\"bold\" fill=\"#333\">")
        .append(Xml.esc(name)).append("</text>\n");
    int y = top + 26;
    for (int i = 0; i < hops.size(); i++) {
      int x = LEFT + i * (BOX_W + GAP);
      hop(b, hops.get(i), x, y);
      if (i + 1 < hops.size()) {
        b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#555\" stroke-width=\"1.5\" "
            + "marker-end=\"url(#arrow)\"/>%n", x + BOX_W, y + BOX_H / 2, x + BOX_W + GAP - 2, y + BOX_H / 2));
      }
    }
    b.append("</g>\n");
  }

  private static void hop(StringBuilder b, Hop h, int x, int y) {
    String fill = switch (h.state()) {
      case FAILING -> "#fde2e1";
      case SUSPECTED -> "#fff4e0";
      case NONE -> "#f4f4f4";
      case OK -> "#e8f5e9";
    };
    String stroke = switch (h.state()) {
      case FAILING -> "#c62828";
      case SUSPECTED -> "#ef8f00";
      case NONE -> "#9e9e9e";
      case OK -> "#2e7d32";
    };
    b.append("<g id=\"hop-").append(Xml.esc(h.lane() + "-" + h.id())).append("\" class=\"hop ").append(h.state().css())
        .append("\" data-hop=\"").append(Xml.esc(h.key())).append("\" data-state=\"").append(h.state().css()).append("\">\n");
    b.append("<title>").append(Xml.esc(h.label() + ": " + h.state().words() + " (" + h.why() + ")")).append("</title>\n");
    b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"8\" fill=\"%s\" stroke=\"%s\" "
        + "stroke-width=\"%s\"%s/>%n", x, y, BOX_W, BOX_H, fill, stroke, h.state() == State.FAILING ? "4" : "1.5",
        h.state() == State.SUSPECTED ? " stroke-dasharray=\"6 3\"" : ""));
    List<String> lines = wrap(h.label(), 26, 2);
    for (int i = 0; i < lines.size(); i++) {
      b.append("<text x=\"").append(x + 8).append("\" y=\"").append(y + 18 + i * 15).append("\">").append(Xml.esc(lines.get(i)))
          .append("</text>\n");
    }
    String mark = switch (h.state()) {
      case FAILING -> "\u2717 fails here";
      case SUSPECTED -> "? suspected";
      case NONE -> "no NSG";
      case OK -> "\u2713 passes";
    };
    b.append("<text x=\"").append(x + 8).append("\" y=\"").append(y + BOX_H - 8).append("\" font-weight=\"bold\" fill=\"").append(stroke)
        .append("\">").append(Xml.esc(mark)).append("</text>\n");
    b.append("</g>\n");
  }

  private static void legend(StringBuilder b, int y) {
    b.append("<g class=\"legend\"><text x=\"").append(LEFT).append("\" y=\"").append(y)
        .append("\" fill=\"#333\">Green: the facts show it passes. Red, thick: fails here. Orange, dashed: suspected or not decidable "
            + "from the facts. Grey: nothing attached.</text></g>\n");
  }

  static List<String> wrap(String text, int width, int maxLines) {
    List<String> out = new java.util.ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String w : text.split("\\s+")) {
      if (line.length() > 0 && line.length() + 1 + w.length() > width) {
        out.add(line.toString());
        line.setLength(0);
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(w);
    }
    if (line.length() > 0) {
      out.add(line.toString());
    }
    if (out.size() > maxLines) {
      List<String> cut = new java.util.ArrayList<>(out.subList(0, maxLines));
      cut.set(maxLines - 1, Xml.cut(cut.get(maxLines - 1) + " " + out.get(maxLines), width));
      return cut;
    }
    return out.stream().map(s -> Xml.cut(s, width + 4)).toList();
  }
}
