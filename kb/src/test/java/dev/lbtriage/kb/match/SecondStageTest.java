package dev.lbtriage.kb.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The second stage's weights file round-trips, and confidence thresholds follow out-of-sample precision. */
class SecondStageTest {
  static final List<String> IDS = List.of("probe-down", "data-port-down");

  @Test
  void weightsWithWordsAndThresholdsRoundTrip() {
    List<String> names = SecondStage.names(IDS);
    double[][] w = new double[3][names.size() + 1];
    w[0][0] = 1.5;
    w[2][names.size()] = -0.25;
    double[][] tw = {{0.5}, {-0.5}, {0}};
    SecondStage s = new SecondStage(List.of("probe-down", "data-port-down", "none"), names, w, List.of("healthz"), tw, new double[0])
        .withConfidentAt(new double[] {0.9, 0.95, 2.0});
    SecondStage back = SecondStage.parse(s.toLines(), IDS);
    assertThat(back).isNotNull();
    assertThat(back.toLines()).isEqualTo(s.toLines());
    assertThat(back.vocabulary()).containsExactly("healthz");
    assertThat(back.confidentAt(0, 0.5)).isEqualTo(0.9);
    assertThat(back.confidentAt(1, 0.5)).isEqualTo(0.95);
    double[][] x = new double[3][names.size()];
    // the word's weight moves probe-down up and data-port-down down, only when the word is in the report
    double[] with = back.probabilities(x, Set.of("healthz"));
    double[] without = back.probabilities(x, Set.of("other"));
    assertThat(with[0]).isGreaterThan(without[0]);
    assertThat(with[1]).isLessThan(without[1]);
    // a file without thresholds leaves the settings' threshold in charge
    assertThat(SecondStage.parse(new SecondStage(List.of("probe-down", "data-port-down", "none"), names, w).toLines(), IDS)
        .confidentAt(0, 0.95)).isEqualTo(0.95);
  }

  @Test
  void thresholdIsTheLowestWherePrecisionHoldsAboveIt() {
    List<double[]> p = new ArrayList<>();
    List<Integer> y = new ArrayList<>();
    // 20 right answers at 0.96, one wrong at 0.80, ten right at 0.70
    for (int i = 0; i < 20; i++) {
      p.add(new double[] {0.96, 0.02, 0.02});
      y.add(0);
    }
    p.add(new double[] {0.80, 0.10, 0.10});
    y.add(1);
    for (int i = 0; i < 10; i++) {
      p.add(new double[] {0.10, 0.70, 0.20});
      y.add(1);
    }
    double[] at = SecondStageFit.confidentAt(p, y, 0.9);
    // pooled: from 0.96 down to 0.81 all 20 are right; at 0.80 one of 21 is wrong (95 %), so the threshold stops at 0.81
    assertThat(at[0]).isEqualTo(0.81);
    assertThat(at[2]).isEqualTo(2.0);
  }

  @Test
  void noThresholdWithoutEnoughReports() {
    List<double[]> p = List.of(new double[] {0.99, 0.005, 0.005});
    double[] at = SecondStageFit.confidentAt(p, List.of(0), 0.9);
    assertThat(at[0]).isEqualTo(2.0);
  }
}
