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
  /** Penalty on the weights of {@link Cues} (facts of the platform, rarer than words: shrunk less); negative: {@code lambda}. */
  static final double CUE_LAMBDA = Double.parseDouble(System.getProperty("lbtriage.cueLambda", "0.003"));
  /** Penalty on the word weights (see {@link #fit(List, List, double, double, int)}). */
  static final double TERM_LAMBDA = Double.parseDouble(System.getProperty("lbtriage.termLambda", "0.01"));
  /** A word gets a weight of its own when it occurs in reports of at least this many repositories (0: no word weights). */
  static final int MIN_GROUPS = Integer.parseInt(System.getProperty("lbtriage.minGroups", "0"));
  static final int STEPS = 600;
  static final double RATE = 0.05;

  private SecondStageFit() {}

  /** One report's first-stage features (scored leaving its source group out) and its class index. */
  record Row(String group, double[][] x, java.util.Set<String> terms, int y) {}

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
      out.add(new Row(r.group(), x, s.terms(), r.inScope() ? ids.indexOf(r.label()) : ids.size()));
    }
    return out;
  }

  static SecondStage fit(List<Row> rows, List<String> symptomIds, double lambda) {
    return fit(rows, symptomIds, lambda, TERM_LAMBDA, MIN_GROUPS);
  }

  /**
   * The words that get a weight of their own: analysed terms found in the reports of at least {@code
   * minGroups} repositories of {@code rows} (a word only one repository's users write, such as its
   * product's name or its issue template, gets none), in alphabetical order.
   */
  static List<String> vocabulary(List<Row> rows, int minGroups) {
    if (minGroups <= 0) {
      return List.of();
    }
    Map<String, java.util.Set<String>> groups = new HashMap<>();
    for (Row r : rows) {
      for (String t : r.terms()) {
        groups.computeIfAbsent(t, k -> new java.util.HashSet<>()).add(r.group());
      }
    }
    return groups.entrySet().stream().filter(e -> e.getValue().size() >= minGroups).map(Map.Entry::getKey).sorted().toList();
  }

  /**
   * Softmax regression: the features of {@link SecondStage#names(List)} with penalty {@code lambda},
   * and a weight per class for each word of {@link #vocabulary(List, int)} with penalty {@code termLambda}.
   */
  static SecondStage fit(List<Row> rows, List<String> symptomIds, double lambda, double termLambda, int minGroups) {
    List<String> classes = new ArrayList<>(symptomIds);
    classes.add(SecondStage.NONE);
    List<String> names = SecondStage.names(symptomIds);
    List<String> vocabulary = vocabulary(rows, minGroups);
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < vocabulary.size(); i++) {
      index.put(vocabulary.get(i), i);
    }
    int[][] active = new int[rows.size()][];
    for (int i = 0; i < rows.size(); i++) {
      active[i] = rows.get(i).terms().stream().filter(index::containsKey).mapToInt(index::get).toArray();
    }
    int k = classes.size();
    int d = names.size() + 1;
    int v = vocabulary.size();
    double[][] w = new double[k][d];
    double[][] m = new double[k][d];
    double[][] s2 = new double[k][d];
    double[][] tw = new double[k][v];
    double[][] tm = new double[k][v];
    double[][] ts = new double[k][v];
    double[] penalty = new double[d];
    for (int f = 0; f < d - 1; f++) {
      penalty[f] = names.get(f).startsWith("cue:") && CUE_LAMBDA >= 0 ? CUE_LAMBDA : lambda;
    }
    double b1 = 0.9, b2 = 0.999, eps = 1e-8;
    int n = rows.size();
    for (int step = 1; step <= STEPS; step++) {
      double[][] g = new double[k][d];
      double[][] tg = new double[k][v];
      for (int i = 0; i < n; i++) {
        Row r = rows.get(i);
        double[] z = logits(w, r.x());
        for (int c = 0; c < k; c++) {
          for (int t : active[i]) {
            z[c] += tw[c][t];
          }
        }
        double[] p = SecondStage.softmax(z);
        for (int c = 0; c < k; c++) {
          double e = (p[c] - (c == r.y() ? 1 : 0)) / n;
          double[] gc = g[c];
          double[] xc = r.x()[c];
          for (int f = 0; f < d - 1; f++) {
            gc[f] += e * xc[f];
          }
          gc[d - 1] += e;
          for (int t : active[i]) {
            tg[c][t] += e;
          }
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
      double c1 = 1 - Math.pow(b1, step), c2 = 1 - Math.pow(b2, step);
      for (int c = 0; c < k; c++) {
        for (int f = 0; f < d; f++) {
          double grad = g[c][f] + penalty[f] * w[c][f];
          m[c][f] = b1 * m[c][f] + (1 - b1) * grad;
          s2[c][f] = b2 * s2[c][f] + (1 - b2) * grad * grad;
          w[c][f] -= RATE * (m[c][f] / c1) / (Math.sqrt(s2[c][f] / c2) + eps);
        }
        for (int t = 0; t < v; t++) {
          double grad = tg[c][t] + termLambda * tw[c][t];
          tm[c][t] = b1 * tm[c][t] + (1 - b1) * grad;
          ts[c][t] = b2 * ts[c][t] + (1 - b2) * grad * grad;
          tw[c][t] -= RATE * (tm[c][t] / c1) / (Math.sqrt(ts[c][t] / c2) + eps);
        }
      }
    }
    return new SecondStage(classes, names, w, vocabulary, tw, new double[0]);
  }

  /** Reports a per-class threshold needs above it, all wrong ones included, before it is used. */
  static final int MIN_SUPPORT = Integer.parseInt(System.getProperty("lbtriage.minSupport", "10"));
  /** Precision a confident answer needs among the reports above its threshold. */
  static final double PRECISION = 0.97;

  /**
   * Confidence thresholds from out-of-sample probabilities {@code p} (each report's, from a
   * stage fitted without its repository) and the true classes {@code y}: for each symptom the lowest
   * probability t (0.50, 0.51, ... 0.99) such that, of the reports whose best symptom it is with
   * probability at least t and that are not "nothing matched" ({@code P(none) < noneAt}), at least
   * {@link #MIN_SUPPORT} are there and at least {@link #PRECISION} are right (an out-of-scope report is
   * wrong); 2 (never) when no t qualifies. The "none" class gets 2: it is never a confident symptom.
   */
  static double[] confidentAt(List<double[]> p, List<Integer> y, double noneAt) {
    int k = p.isEmpty() ? 0 : p.get(0).length;
    double[] out = new double[k];
    java.util.Arrays.fill(out, 2.0);
    if (PER_CLASS) {
      for (int c = 0; c < k - 1; c++) {
        out[c] = lowest(p, y, noneAt, c);
      }
    } else {
      double t = lowest(p, y, noneAt, -1);
      java.util.Arrays.fill(out, 0, Math.max(0, k - 1), t);
    }
    return out;
  }

  /** Per symptom ({@code true}) or one threshold for every symptom, pooling their reports ({@code false}). */
  static final boolean PER_CLASS = Boolean.parseBoolean(System.getProperty("lbtriage.perClass", "false"));

  /**
   * The lowest t of 0.50, 0.51, ... 0.99 at which the reports whose best symptom is {@code c} (any
   * symptom for -1) with probability at least t are at least {@link #MIN_SUPPORT} and at least {@link
   * #PRECISION} right, and stay so at every higher t where at least {@link #MIN_SUPPORT} remain (a
   * threshold is not set in a pocket of luck below a wrong confident answer); 2 when none.
   */
  private static double lowest(List<double[]> p, List<Integer> y, double noneAt, int c) {
    int k = p.get(0).length;
    double found = 2.0;
    for (int step = 99; step >= 50; step--) {
      double t = step / 100.0;
      int n = 0, right = 0;
      for (int i = 0; i < p.size(); i++) {
        double[] pi = p.get(i);
        int best = bestSymptom(pi);
        if ((c < 0 || best == c) && pi[k - 1] < noneAt && pi[best] >= t) {
          n++;
          right += y.get(i) == best ? 1 : 0;
        }
      }
      if (n < MIN_SUPPORT) {
        continue;
      }
      if (right < PRECISION * n) {
        break;
      }
      found = t;
    }
    return found;
  }

  static int bestSymptom(double[] p) {
    int best = 0;
    for (int c = 1; c < p.length - 1; c++) {
      if (p[c] > p[best]) {
        best = c;
      }
    }
    return best;
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
