package dev.lbtriage.kb.load;

import java.util.ArrayList;
import java.util.List;

/** Collects problems while a load goes on, so that one run reports all of them. */
final class Problems {

  private final List<Problem> list = new ArrayList<>();

  void add(String file, int line, String message) {
    list.add(new Problem(file, line, message));
  }

  boolean isEmpty() {
    return list.isEmpty();
  }

  List<Problem> list() {
    return List.copyOf(list);
  }
}
