package dev.lbtriage.kb.match;

import dev.lbtriage.kb.match.RealReports.Report;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fits {@link SecondStage}'s weights: multinomial logistic regression (softmax) with an L2 penalty
 * on the feature weights (not the biases), full-batch gradient descent with Adam. Deterministic: zero
 * start, fixed steps. Used by {@link MatchQuality} on development reports only.
 */
final class SecondStageFit {
  static final double LAMBDA = 0.01;
  static final int STEPS = 600;
  static final double RATE = 0.05;

  private SecondStageFit() {}

  /** One report's first-stage features (scored leaving its source group out) and its class index. */
  record Row(String group, double[][] x, int y) {}

  /**
   * Every development report's features, each scored by a matcher whose examples leave the report's
   * own source group out (the first stage as it meets an unseen report), and its class.
   */
  static List<Row> rows(SymptomMatcher base, List<Example> phrasings, List<Report> dev, MatchSettings settings) {
    List<Example> real = MatchQuality.asExamples(dev);
    List<String> ids = base.symptomIds();
    Map<String, SymptomMatcher> byGroup = new HashMap<>();
    List<Row> out = new ArrayList<>();
    for (Report r : dev) {
      SymptomMatcher m = byGroup.computeIfAbsent(r.group(), g -> {
        List<Example> ex = new ArrayList<>(phrasings);
        real.stream().filter(e -> !e.group().equals(g)).forEach(ex::add);
        return base.with(ex, settings).withSecondStage(null);
      });
      SymptomMatcher.Scored s = m.score(r.text());
      double[][] x = s.features() != null ? s.features() : new double[ids.size() + 1][SecondStage.names(ids).size()];
      out.add(new Row(r.group(), x, r.inScope() ? ids.indexOf(r.label()) : ids.size()));
    }
    return out;
  }

  static SecondStage fit(List<Row> rows, List<String> symptomIds, double lambda) {
    List<String> classes = new ArrayList<>(symptomIds);
    classes.add(SecondStage.NONE);
    List<String> names = SecondStage.names(symptomIds);
    int k = classes.size();
    int d = names.size() + 1;
    double[][] w = new double[k][d];
    double[][] m = new double[k][d];
    double[][] v = new double[k][d];
    double b1 = 0.9, b2 = 0.999, eps = 1e-8;
    int n = rows.size();
    for (int step = 1; step <= STEPS; step++) {
      double[][] g = new double[k][d];
      for (Row r : rows) {
        double[] p = SecondStage.softmax(logits(w, r.x()));
        for (int c = 0; c < k; c++) {
          double e = (p[c] - (c == r.y() ? 1 : 0)) / n;
          double[] gc = g[c];
          double[] xc = r.x()[c];
          for (int f = 0; f < d - 1; f++) {
            gc[f] += e * xc[f];
          }
          gc[d - 1] += e;
        }
      }
      for (int f = 0; f < d - 1; f++) {
        if (SecondStage.tied(f)) {
          double sum = 0;
          for (int c = 0; c < k; c++) {
            sum += g[c][f];
          }
          for (int c = 0; c < k; c++) {
            g[c][f] = sum;
          }
        }
      }
      for (int c = 0; c < k; c++) {
        for (int f = 0; f < d; f++) {
          double grad = g[c][f] + (f < d - 1 ? lambda * w[c][f] : 0);
          m[c][f] = b1 * m[c][f] + (1 - b1) * grad;
          v[c][f] = b2 * v[c][f] + (1 - b2) * grad * grad;
          double mh = m[c][f] / (1 - Math.pow(b1, step));
          double vh = v[c][f] / (1 - Math.pow(b2, step));
          w[c][f] -= RATE * mh / (Math.sqrt(vh) + eps);
        }
      }
    }
    return new SecondStage(classes, names, w);
  }

  private static double[] logits(double[][] w, double[][] x) {
    double[] z = new double[w.length];
    for (int c = 0; c < w.length; c++) {
      double s = w[c][x[c].length];
      for (int f = 0; f < x[c].length; f++) {
        s += w[c][f] * x[c][f];
      }
      z[c] = s;
    }
    return z;
  }
}
