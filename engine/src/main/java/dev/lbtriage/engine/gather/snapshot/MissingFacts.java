package dev.lbtriage.engine.gather.snapshot;

import dev.lbtriage.rules.facts.ArmId;
import dev.lbtriage.rules.facts.MissingFact;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Collects missing facts, once per kind and reference. */
final class MissingFacts {

  static final String NOT_IN_SNAPSHOT = "not in the snapshot";
  static final String LEFT_OUT = "in the snapshot but left out: it holds a value Azure would not accept (see the problems)";

  private final List<MissingFact> facts = new ArrayList<>();
  private final Set<String> seen = new HashSet<>();

  void add(String kind, String reference, String referencedBy) {
    add(kind, reference, referencedBy, NOT_IN_SNAPSHOT);
  }

  void add(String kind, String reference, String referencedBy, String reason) {
    if (reference != null && seen.add(kind + "|" + ArmId.normalize(reference))) {
      facts.add(new MissingFact(kind, reference, referencedBy, reason));
    }
  }

  List<MissingFact> all() {
    return List.copyOf(facts);
  }
}
