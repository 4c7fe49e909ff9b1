package dev.lbtriage.engine.diagnosis;

import dev.lbtriage.engine.message.Section;
import dev.lbtriage.kb.load.Placeholders;
import dev.lbtriage.kb.model.Condition;
import dev.lbtriage.kb.model.HowToCheck;
import dev.lbtriage.kb.model.Placeholder;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Fills KB texts for one situation, or leaves them out: complete text or none. A text whose
 * condition does not hold is left out silently; so is one that needs a value that cannot exist here
 * (see {@link PlaceholderValues#notApplicable()}). A text that needs a value no fact or answer gives
 * is left out with a one-line note saying what is needed.
 */
final class Filler {
  private final Map<String, String> values;
  private final Set<String> notApplicable;
  private final Set<Condition> conditions;
  private final LinkedHashSet<String> notes = new LinkedHashSet<>();

  Filler(PlaceholderValues v) {
    this.values = v.asMap();
    this.notApplicable = v.notApplicable();
    this.conditions = v.conditions();
  }

  boolean holds(Condition when) {
    return when == null || conditions.contains(when);
  }

  Map<String, String> values() {
    return values;
  }

  /** The text filled in, or empty (with a note naming {@code what} when a value is unknown). */
  Optional<String> fill(String text, Condition when, String what) {
    if (!holds(when)) {
      return Optional.empty();
    }
    List<String> missing = missing(text);
    if (missing.isEmpty()) {
      return Optional.of(Placeholders.fill(text, values));
    }
    if (missing.stream().noneMatch(notApplicable::contains)) {
      notes.add("Left out " + what + ": it needs " + String.join(" and ", missing.stream().map(Filler::needs).toList())
          + ", which no fact or answer gives.");
    }
    return Optional.empty();
  }

  /**
   * A how-to, line by line: a line that cannot be filled is left out (the others are alternatives);
   * null when nothing is left.
   */
  Section.HowTo how(HowToCheck how) {
    if (how == null) {
      return null;
    }
    List<Section.Way> out = new ArrayList<>();
    block(Section.Platform.WINDOWS, how.windows(), out);
    block(Section.Platform.LINUX, how.linux(), out);
    block(Section.Platform.AZURE, how.portal(), out);
    return out.isEmpty() ? null : new Section.HowTo(out);
  }

  private void block(Section.Platform platform, String text, List<Section.Way> out) {
    if (text == null) {
      return;
    }
    List<String> lines = text.lines().filter(l -> missing(l).isEmpty()).map(l -> Placeholders.fill(l, values)).toList();
    if (!lines.isEmpty()) {
      out.add(new Section.Way(platform, lines));
    }
  }

  /**
   * A question's text: always shown, so an unknown value is named in words rather than left as a
   * hole (the KB's questions use only values every backend has; this is the safety net).
   */
  String always(String text) {
    if (text == null) {
      return null;
    }
    java.util.HashMap<String, String> v = new java.util.HashMap<>(values);
    for (String name : missing(text)) {
      v.put(name, Placeholder.byToken(name).map(p -> "(" + p.providedBy() + ")").orElse("(unknown)"));
    }
    return Placeholders.fill(text, v);
  }

  List<String> missing(String text) {
    return Placeholders.namesIn(text).stream().filter(n -> !values.containsKey(n)).distinct().toList();
  }

  /** The notes of what was left out, in order, each once. */
  List<String> notes() {
    return List.copyOf(notes);
  }

  private static String needs(String name) {
    return switch (name) {
      case "clientIp" -> "the clients' IP address (the answer to client-ip)";
      case "newBackendPort" -> "the new backend port you want";
      case "freePriority" -> "a free priority above the denying rule (the NSG has none)";
      case "movedPriority" -> "a free priority right below the denying rule to move it to (taken)";
      case "routeTableName", "routeTableResourceGroup" -> "the route table that holds the route (not in the facts)";
      case "vmName", "vmResourceGroup" -> "the backend's VM (not in the facts)";
      case "nicName" -> "the backend's network interface (not in the facts)";
      case "nsgName", "nsgResourceGroup" -> "the network security group of the backend (not in the facts)";
      default -> Placeholder.byToken(name).map(p -> p.providedBy()).orElse(name);
    };
  }
}
