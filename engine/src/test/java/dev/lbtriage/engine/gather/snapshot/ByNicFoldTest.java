package dev.lbtriage.engine.gather.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link TopologyResolver.ByNic#fold} must give equal keys for names {@link String#equalsIgnoreCase}
 * finds equal (else an effective-rules file would be missed); unequal keys for the others only
 * save checks, but they should agree too.
 */
class ByNicFoldTest {

  @Test
  void foldAgreesWithEqualsIgnoreCaseOverTheBmp() {
    Map<String, List<Character>> groups = new HashMap<>();
    for (int c = 0; c <= 0xFFFF; c++) {
      if (!Character.isSurrogate((char) c)) {
        groups.computeIfAbsent(TopologyResolver.ByNic.fold(String.valueOf((char) c)), k -> new ArrayList<>()).add((char) c);
      }
    }
    for (List<Character> group : groups.values()) {
      for (char a : group) {
        for (char b : group) {
          assertThat(String.valueOf(a).equalsIgnoreCase(String.valueOf(b))).as("U+%04X U+%04X", (int) a, (int) b).isTrue();
        }
      }
    }
    for (int c = 0; c <= 0xFFFF; c++) {
      char a = (char) c;
      if (Character.isSurrogate(a)) {
        continue;
      }
      for (int d : new int[] {Character.toUpperCase(a), Character.toLowerCase(a), Character.toTitleCase(a),
          Character.toLowerCase(Character.toUpperCase(a)), Character.toUpperCase(Character.toLowerCase(a))}) {
        if (d > 0xFFFF || Character.isSurrogate((char) d)) {
          continue;
        }
        String x = String.valueOf(a);
        String y = String.valueOf((char) d);
        assertThat(TopologyResolver.ByNic.fold(x).equals(TopologyResolver.ByNic.fold(y)))
            .as("U+%04X U+%04X", c, d).isEqualTo(x.equalsIgnoreCase(y));
      }
    }
  }

  @Test
  void names() {
    assertThat(TopologyResolver.ByNic.fold("Web-NIC-01")).isEqualTo(TopologyResolver.ByNic.fold("web-nic-01"));
    assertThat(TopologyResolver.ByNic.fold("web-nic-01")).isNotEqualTo(TopologyResolver.ByNic.fold("web-nic-1"));
  }
}
