package dev.lbtriage.kb.match.round3;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The second stage of {@link SymptomMatcher}: a multinomial logistic regression over the first
 * stage's evidence and a few phrase features, giving a probability per symptom and for "none of
 * these".
 *
 * <p>Features ({@link #names(List)}): for each class its own word score {@code lex}, share of the
 * nearest-neighbour vote, share of the five nearest examples and whether an error code points to it
 * (for "none": the out-of-scope share of the words, the out-of-scope examples, an out-of-scope
 * code), with one weight shared by all classes ({@link #OWN}); then, with a weight per class, the number of out-of-scope words; whether each concept of {@link #CONCEPTS} (the
 * canonical tokens of the synonym files and a few stems) occurs in the report; a few conjunctions
 * that weigh a phrase by what else the report says ("times out" with or without a probe state,
 * "probe" mentioned without any state of it); and the report's length. Every class has its own weight
 * per feature and a bias.
 *
 * <p>The weights ({@value #RESOURCE}) are fitted by {@code MatchQuality train-second-stage} on the
 * development part of the real reports only, from features computed leaving each report's source
 * group out of the examples (so the weights see the first stage as it scores an unseen report).
 */
final class SecondStage {
  static final String RESOURCE = "/match/round3/second-stage.tsv";
  static final String NONE = Example.NONE;
  static final String BIAS = "bias";

  /** Analysed tokens (synonym concepts and stems) whose presence is a feature. */
  static final List<String> CONCEPTS = List.of(
      "probe", "probeok", "probeblocked", "unhealthy", "healthy", "timeout", "unreachable", "aks", "apiserver", "etp",
      "vmss", "natrule", "remoteaccess", "hairpin", "intermittent", "nsg", "platformip", "datapath", "remove", "traffic",
      "change", "lbrule", "frontend", "backendpool", "ilb", "udr", "portrule", "outage", "cannot", "error", "fail",
      "port", "deploy", "terraform", "intern", "extern", "probeconfig", "stillsend");

  /** {@link #CONCEPTS} as the analyser writes them (stemmed: "unhealthy" is "unhealthi"). */
  private static final List<String> ANALYSED = analysed();

  private static List<String> analysed() {
    try (DomainAnalyzer plain = DomainAnalyzer.plain()) {
      return CONCEPTS.stream().map(c -> plain.terms(c).get(0)).toList();
    }
  }

  private static boolean has(Set<String> terms, String concept) {
    return terms.contains(ANALYSED.get(CONCEPTS.indexOf(concept)));
  }

  /** Conjunctions of concepts: a phrase weighed by what else the report says. */
  static final List<String> CONJUNCTIONS = List.of(
      "timeout&!probestate", "timeout&probe", "timeout&aks", "unreachable&aks", "probe&!probestate", "vmss&!change",
      "vmss&unreachable", "natrule&remoteaccess");

  private final List<String> classes;
  private final List<String> features;
  private final double[][] weights; // [class][feature], bias last

  SecondStage(List<String> classes, List<String> features, double[][] weights) {
    this.classes = List.copyOf(classes);
    this.features = List.copyOf(features);
    this.weights = weights;
  }

  List<String> classes() {
    return classes;
  }

  /**
   * Features whose weight is shared by every class: each class gets its own value (its word score,
   * its share of the vote, of the five nearest examples, its error code; for "none" the out-of-scope
   * evidence), so a rare symptom is scored with what the frequent ones taught.
   */
  static final List<String> OWN = List.of("own:lex", "own:vote", "own:near5", "own:code");

  /** The feature names for these symptom ids, in vector order: {@link #OWN} first, then the rest. */
  static List<String> names(List<String> symptomIds) {
    List<String> out = new ArrayList<>(OWN);
    out.add("oos-words");
    CONCEPTS.forEach(c -> out.add("has:" + c));
    CONJUNCTIONS.forEach(c -> out.add("has:" + c));
    out.add("length");
    return out;
  }

  /** Whether feature {@code f} has one weight for every class. */
  static boolean tied(int f) {
    return f < OWN.size();
  }

  /**
   * The feature values of one report, one row per class (symptoms in KB order, then "none"): the
   * {@link #OWN} features differ per class, the others are the same in every row.
   */
  static double[][] vector(double[] lex, double[] vote, double[] code, double lexNone, double voteNone, double codeNone,
      double[] near5, int oosWords, Set<String> terms) {
    int n = lex.length;
    int size = OWN.size() + 1 + CONCEPTS.size() + CONJUNCTIONS.size() + 1;
    double[] common = new double[size];
    int j = OWN.size();
    common[j++] = Math.min(3, oosWords) / 3.0;
    for (String c : ANALYSED) {
      common[j++] = terms.contains(c) ? 1 : 0;
    }
    boolean probeState = has(terms, "unhealthy") || has(terms, "probeok") || has(terms, "probeblocked") || has(terms, "healthy");
    boolean timeout = has(terms, "timeout");
    boolean probe = has(terms, "probe");
    boolean aks = has(terms, "aks");
    boolean vmss = has(terms, "vmss");
    common[j++] = timeout && !probeState ? 1 : 0;
    common[j++] = timeout && probe ? 1 : 0;
    common[j++] = timeout && aks ? 1 : 0;
    common[j++] = has(terms, "unreachable") && aks ? 1 : 0;
    common[j++] = probe && !probeState ? 1 : 0;
    common[j++] = vmss && !has(terms, "change") ? 1 : 0;
    common[j++] = vmss && has(terms, "unreachable") ? 1 : 0;
    common[j++] = has(terms, "natrule") && has(terms, "remoteaccess") ? 1 : 0;
    common[j++] = Math.min(1, Math.log1p(terms.size()) / Math.log1p(SymptomMatcher.MAX_TERMS));
    double[][] x = new double[n + 1][];
    for (int c = 0; c <= n; c++) {
      x[c] = common.clone();
      x[c][0] = c < n ? lex[c] : lexNone;
      x[c][1] = c < n ? vote[c] : voteNone;
      x[c][2] = near5[c];
      x[c][3] = c < n ? code[c] : codeNone;
    }
    return x;
  }

  /** Each class's linear score (its logit). */
  double[] logits(double[][] x) {
    double[] z = new double[classes.size()];
    for (int c = 0; c < z.length; c++) {
      double[] w = weights[c];
      double[] xc = x[c];
      double s = w[xc.length];
      for (int f = 0; f < xc.length; f++) {
        s += w[f] * xc[f];
      }
      z[c] = s;
    }
    return z;
  }

  /** The probability of each class ({@link #classes()} order). */
  double[] probabilities(double[][] x) {
    return softmax(logits(x));
  }

  static double[] softmax(double[] z) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : z) {
      max = Math.max(max, v);
    }
    double sum = 0;
    double[] p = new double[z.length];
    for (int i = 0; i < z.length; i++) {
      p[i] = Math.exp(z[i] - max);
      sum += p[i];
    }
    for (int i = 0; i < z.length; i++) {
      p[i] /= sum;
    }
    return p;
  }

  /** What feature {@code f} adds to class {@code c}'s logit over the mean of the classes (for explanations). */
  double contribution(int c, int f, double[][] x) {
    double mean = 0;
    for (int k = 0; k < weights.length; k++) {
      mean += weights[k][f] * x[k][f];
    }
    mean /= weights.length;
    return weights[c][f] * x[c][f] - mean;
  }

  String featureName(int f) {
    return features.get(f);
  }

  /** The weights as a table: one row per feature (and {@value #BIAS}), one column per class. */
  List<String> toLines() {
    List<String> out = new ArrayList<>();
    out.add("feature\t" + String.join("\t", classes));
    for (int f = 0; f <= features.size(); f++) {
      StringBuilder b = new StringBuilder(f < features.size() ? features.get(f) : BIAS);
      for (double[] w : weights) {
        b.append('\t').append(String.format(Locale.ROOT, "%.6f", w[f]));
      }
      out.add(b.toString());
    }
    return out;
  }

  /**
   * The bundled weights for the KB's symptoms, or {@code null} when there are none or they were
   * fitted for other symptoms or features (then the matcher uses the first stage alone).
   */
  static SecondStage bundled(List<String> symptomIds) {
    try (InputStream in = SecondStage.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return null;
      }
      return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList(), symptomIds);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static SecondStage parse(List<String> lines, List<String> symptomIds) {
    List<String> names = names(symptomIds);
    List<String> classes = new ArrayList<>(symptomIds);
    classes.add(NONE);
    Map<String, double[]> rows = new HashMap<>();
    List<String> header = null;
    for (String line : lines) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t");
      if (header == null) {
        header = List.of(f).subList(1, f.length);
        continue;
      }
      double[] v = new double[f.length - 1];
      for (int i = 1; i < f.length; i++) {
        v[i - 1] = Double.parseDouble(f[i]);
      }
      rows.put(f[0], v);
    }
    if (header == null || !Set.copyOf(header).equals(Set.copyOf(classes)) || !rows.keySet().containsAll(names)
        || !rows.containsKey(BIAS)) {
      return null;
    }
    double[][] w = new double[classes.size()][names.size() + 1];
    for (int c = 0; c < classes.size(); c++) {
      int col = header.indexOf(classes.get(c));
      for (int f = 0; f < names.size(); f++) {
        w[c][f] = rows.get(names.get(f))[col];
      }
      w[c][names.size()] = rows.get(BIAS)[col];
    }
    return new SecondStage(classes, names, w);
  }
}
