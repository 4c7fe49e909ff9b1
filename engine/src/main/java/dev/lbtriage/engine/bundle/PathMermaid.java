package dev.lbtriage.engine.bundle;

import dev.lbtriage.engine.bundle.TrafficPath.Hop;
import java.util.List;

/** The traffic path as a Mermaid flowchart, for the Markdown (GitHub, Azure DevOps and many viewers draw it). */
final class PathMermaid {
  private PathMermaid() {}

  static String render(TrafficPath path) {
    StringBuilder b = new StringBuilder("flowchart LR\n");
    lane(b, path.data());
    lane(b, path.probe());
    b.append("  classDef failing fill:#fde2e1,stroke:#c62828,stroke-width:4px\n");
    b.append("  classDef suspected fill:#fff4e0,stroke:#ef8f00,stroke-dasharray:6 3\n");
    b.append("  classDef ok fill:#e8f5e9,stroke:#2e7d32\n");
    b.append("  classDef none fill:#f4f4f4,stroke:#9e9e9e\n");
    for (Hop h : path.hops()) {
      b.append("  class ").append(node(h)).append(' ').append(h.state().css()).append('\n');
    }
    return b.toString();
  }

  private static void lane(StringBuilder b, List<Hop> hops) {
    for (int i = 0; i < hops.size(); i++) {
      Hop h = hops.get(i);
      b.append("  ").append(node(h)).append("[\"").append(text(h.label()));
      switch (h.state()) {
        case FAILING -> b.append("<br/>FAILS HERE");
        case SUSPECTED -> b.append("<br/>suspected");
        default -> { }
      }
      b.append("\"]\n");
      if (i > 0) {
        b.append("  ").append(node(hops.get(i - 1))).append(" --> ").append(node(h)).append('\n');
      }
    }
  }

  static String node(Hop h) {
    return (h.lane() + "_" + h.id()).replaceAll("[^A-Za-z0-9_]", "_");
  }

  /** Mermaid label text: quotes and angle brackets as entities so the label cannot end early. */
  private static String text(String s) {
    return s.replace("&", "#amp;").replace("\"", "#quot;").replace("<", "#lt;").replace(">", "#gt;").replace("\n", " ");
  }
}
