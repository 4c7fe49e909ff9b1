package dev.lbtriage.kb.match;

import dev.lbtriage.kb.load.KnowledgeBaseLoader;
import dev.lbtriage.kb.match.RealReports.Loaded;
import dev.lbtriage.kb.match.RealReports.Part;
import dev.lbtriage.kb.match.RealReports.Report;
import dev.lbtriage.kb.model.KnowledgeBase;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The evaluator: how a matcher does on one part of the real reports ({@link RealReports}).
 *
 * <p>Definitions (per report, from the verdict a caller acts on):
 *
 * <ul>
 *   <li><b>top-1</b>: the first candidate shown ({@code assess(...).best()}) is the labelled symptom;
 *       an in-scope report with nothing matched counts as a miss. <b>top-3</b>: among the first three.
 *   <li><b>confident-and-wrong</b>: in-scope reports with a confident verdict for another symptom, over
 *       all in-scope reports.
 *   <li><b>out-of-scope confident</b>: reports labelled {@code none} with a confident verdict, over all
 *       out-of-scope reports.
 *   <li><b>precision at t</b>: of all reports (in and out of scope) whose best score is at least t,
 *       the share whose best is right (never right for an out-of-scope report).
 * </ul>
 *
 * <pre>
 * ./mvnw -q -B -ntp -pl kb test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.lbtriage.kb.match.MatchQuality -Dexec.args="heldout"
 * </pre>
 *
 * Arguments: the part ({@code dev}: every development report, the first file, {@code dev2} and v3, each
 * judged leaving its repository out; {@code dev2}, {@code heldout-v3}, {@code heldout-v3-known}: those
 * development reports only, judged the same way; {@code heldout} for held-out v2, {@code heldout-known},
 * {@code heldout-v4}, {@code heldout-v4-known}: the shipped matcher on that held-out file; figures are
 * printed for that part only),
 * then optionally {@code --matcher previous|round3|current|both|alternatives} (default both: the previous
 * matcher of before issue 14, the round-3 matcher frozen in {@code match.round3} on held-out parts, and the
 * current one; alternatives: the previous matcher, words only, neighbours only and combined), {@code --rows} (each
 * report with its outcome and explanation: refused for the held-out parts) and corpus files (default:
 * the bundled files of {@link RealReports#bundled()}; a file's part follows its name).
 */
public final class MatchQuality {

  enum Verdict { CONFIDENT, AMBIGUOUS, NOTHING }

  /** What one matcher said about one report. */
  record Outcome(List<String> ids, List<Double> scores, Verdict verdict, String topic, String explanation) {
    String best() {
      return ids.isEmpty() ? null : ids.get(0);
    }

    double bestScore() {
      return scores.isEmpty() ? 0 : scores.get(0);
    }
  }

  static final double[] THRESHOLDS = {0.3, 0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95};

  record Figures(String matcher, Part part, int inScope, int top1, int top3, int confidentRight, int confidentWrong,
      int inNothing, int outOfScope, int oosConfident, int oosNothing, int oosTopicRight,
      Map<String, Map<String, Integer>> confusion, int[] atLeast, int[] rightAtLeast) {

    double top1Rate() {
      return ratio(top1, inScope);
    }

    double top3Rate() {
      return ratio(top3, inScope);
    }

    double confidentWrongRate() {
      return ratio(confidentWrong, inScope);
    }

    double confidentRightRate() {
      return ratio(confidentRight, inScope);
    }

    double oosConfidentRate() {
      return ratio(oosConfident, outOfScope);
    }

    /** Precision among reports scoring at least {@code THRESHOLDS[i]}. */
    double precisionAt(int i) {
      return ratio(rightAtLeast[i], atLeast[i]);
    }

    String describe() {
      StringBuilder b = new StringBuilder();
      b.append(String.format(Locale.ROOT, "%s matcher, %s part: %d in-scope, %d out-of-scope reports%n", matcher,
          switch (part) {
            case HELD_OUT -> "held-out v2";
            case HELD_OUT_KNOWN -> "held-out v2 (known repositories)";
            case SEEN_V3 -> "v3, development since round 5 (leave one repository out)";
            case SEEN_V3_KNOWN -> "v3 known repositories, development since round 5 (leave one repository out)";
            case DEVELOPMENT_2 -> "dev2 (leave one repository out)";
            case HELD_OUT_V4 -> "held-out v4";
            case HELD_OUT_V4_KNOWN -> "held-out v4 (known repositories)";
            case DEVELOPMENT -> "development, all files (leave one repository out)";
          }, inScope, outOfScope));
      b.append(String.format(Locale.ROOT,
          "  top-1 %.1f %% (%d/%d), top-3 %.1f %% (%d/%d)%n", 100 * top1Rate(), top1, inScope, 100 * top3Rate(), top3, inScope));
      b.append(String.format(Locale.ROOT,
          "  confident and right %.1f %% (%d), confident and wrong %.1f %% (%d/%d), nothing matched %d%n",
          100 * confidentRightRate(), confidentRight, 100 * confidentWrongRate(), confidentWrong, inScope, inNothing));
      b.append(String.format(Locale.ROOT,
          "  out of scope: confident %.1f %% (%d/%d), nothing matched %d, topic pointer right %d%n",
          100 * oosConfidentRate(), oosConfident, outOfScope, oosNothing, oosTopicRight));
      b.append("  precision at best score >= t:");
      for (int i = 0; i < THRESHOLDS.length; i++) {
        b.append(String.format(Locale.ROOT, " %.2f:%s(%d)", THRESHOLDS[i],
            atLeast[i] == 0 ? "-" : String.format(Locale.ROOT, "%.0f%%", 100 * precisionAt(i)), atLeast[i]));
      }
      b.append(System.lineSeparator()).append("  confusion (label -> best):").append(System.lineSeparator());
      confusion.forEach((label, row) -> b.append("    ").append(label).append(" -> ").append(row).append(System.lineSeparator()));
      return b.toString();
    }
  }

  private MatchQuality() {}

  static double ratio(int a, int b) {
    return b == 0 ? 0 : (double) a / b;
  }

  /** Figures of {@code matcher} over {@code reports} (all of one part). */
  static Figures evaluate(String name, Part part, List<Report> reports, Function<String, Outcome> matcher) {
    int inScope = 0, top1 = 0, top3 = 0, cRight = 0, cWrong = 0, inNothing = 0;
    int oos = 0, oosConfident = 0, oosNothing = 0, oosTopic = 0;
    int[] atLeast = new int[THRESHOLDS.length];
    int[] right = new int[THRESHOLDS.length];
    Map<String, Map<String, Integer>> confusion = new TreeMap<>();
    for (Report r : reports) {
      Outcome o = matcher.apply(r.text());
      boolean correct = r.inScope() && r.label().equals(o.best());
      confusion.computeIfAbsent(r.label(), k -> new TreeMap<>()).merge(
          o.verdict() == Verdict.NOTHING ? "(nothing)" : o.best() + (o.verdict() == Verdict.CONFIDENT ? "!" : "?"), 1, Integer::sum);
      for (int i = 0; i < THRESHOLDS.length; i++) {
        if (o.verdict() != Verdict.NOTHING && o.bestScore() >= THRESHOLDS[i]) {
          atLeast[i]++;
          if (correct) {
            right[i]++;
          }
        }
      }
      if (r.inScope()) {
        inScope++;
        if (correct) {
          top1++;
        }
        if (o.ids().subList(0, Math.min(3, o.ids().size())).contains(r.label())) {
          top3++;
        }
        if (o.verdict() == Verdict.CONFIDENT) {
          if (correct) {
            cRight++;
          } else {
            cWrong++;
          }
        }
        if (o.verdict() == Verdict.NOTHING) {
          inNothing++;
        }
      } else {
        oos++;
        if (o.verdict() == Verdict.CONFIDENT) {
          oosConfident++;
        }
        if (o.verdict() == Verdict.NOTHING) {
          oosNothing++;
        }
        if (o.topic() != null && r.cause().equals("oos:" + o.topic())) {
          oosTopic++;
        }
      }
    }
    return new Figures(name, part, inScope, top1, top3, cRight, cWrong, inNothing, oos, oosConfident, oosNothing, oosTopic,
        confusion, atLeast, right);
  }

  /** The matcher of this commit, as shipped (bundled examples). */
  static Function<String, Outcome> current(KnowledgeBase kb) {
    return outcomes(new SymptomMatcher(kb));
  }

  static Function<String, Outcome> outcomes(SymptomMatcher m) {
    return text -> {
      MatchResult r = m.assess(text);
      Verdict v = r.confident() ? Verdict.CONFIDENT : r.nothingMatched() ? Verdict.NOTHING : Verdict.AMBIGUOUS;
      return new Outcome(r.matches().stream().map(SymptomMatch::symptomId).toList(),
          r.matches().stream().map(SymptomMatch::score).toList(), v, r.outOfScopeTopic().map(OutOfScopeTopic::id).orElse(null),
          describe(r.explanation()));
    };
  }

  static String describe(MatchExplanation e) {
    StringBuilder b = new StringBuilder(e.summary());
    b.append(" words=").append(e.words().stream().map(w -> String.format(Locale.ROOT, "%s:%.2f", w.term(), w.share())).toList());
    b.append(" near=").append(e.examples().stream().map(x -> String.format(Locale.ROOT, "%s/%s:%.2f", x.exampleId(), x.label(), x.weight())).toList());
    return b.toString();
  }

  /** Report rows as labelled examples. */
  static List<Example> asExamples(List<Report> reports) {
    return reports.stream().map(r -> new Example(r.id(), r.group(), r.url(), r.label(),
        r.inScope() ? "" : r.cause().replaceFirst("^oos:", ""), r.text())).toList();
  }

  /**
   * The matcher of this commit on development reports, honestly: for each report, a matcher whose
   * examples are the KB phrasings and the development reports of every <em>other</em> source group
   * (leave one group out), so no report is judged by itself or by its neighbours in one thread.
   */
  static Function<String, Outcome> leaveGroupOut(KnowledgeBase kb, List<Report> dev, MatchSettings settings) {
    return leaveGroupOut(kb, dev, settings, new SymptomMatcher(kb).hasSecondStage() ? SecondStageFit.LAMBDA : -1, false);
  }

  /**
   * As above; with {@code lambda >= 0} the second stage is fitted anew for each left-out group, on the
   * other groups' reports only (their features scored leaving their own group out), so the weights
   * never saw the report they judge; with {@code lambda < 0} the first stage alone. With {@code nested}
   * the confidence threshold too is chosen without the left-out group (from every other group's
   * out-of-sample probabilities: all groups are fitted first, the figures of {@code MatchQuality dev});
   * without, the shipped threshold is used (fast: only the groups asked for are fitted; for tests).
   */
  static Function<String, Outcome> leaveGroupOut(KnowledgeBase kb, List<Report> dev, MatchSettings settings, double lambda,
      boolean nested) {
    Map<String, Function<String, Outcome>> byGroup = new java.util.HashMap<>();
    Map<String, String> groupOfText = new java.util.HashMap<>();
    dev.forEach(r -> groupOfText.put(r.text(), r.group()));
    List<Example> phrasings = Examples.phrasings(kb);
    List<Example> real = asExamples(dev);
    SymptomMatcher base = new SymptomMatcher(kb);
    List<SecondStageFit.Row> rows = lambda >= 0 ? SecondStageFit.rows(base, phrasings, dev, settings) : List.of();
    Map<String, SecondStage> stages = lambda >= 0 && nested ? stagesByGroup(rows, base.symptomIds(), lambda) : new java.util.HashMap<>();
    Map<String, List<double[]>> pool = new java.util.LinkedHashMap<>();
    Map<String, List<Integer>> truth = new java.util.HashMap<>();
    if (nested) {
      for (SecondStageFit.Row r : rows) {
        pool.computeIfAbsent(r.group(), g -> new ArrayList<>()).add(stages.get(r.group()).probabilities(r.x(), r.terms()));
        truth.computeIfAbsent(r.group(), g -> new ArrayList<>()).add(r.y());
      }
    }
    SecondStage shipped = SecondStage.bundled(base.symptomIds());
    return text -> byGroup.computeIfAbsent(groupOfText.getOrDefault(text, ""), g -> {
      List<Example> ex = new ArrayList<>(phrasings);
      real.stream().filter(e -> !e.group().equals(g)).forEach(ex::add);
      SecondStage stage = null;
      if (lambda >= 0) {
        SecondStage fitted = stages.computeIfAbsent(g,
            k -> SecondStageFit.fit(rows.stream().filter(r -> !r.group().equals(g)).toList(), base.symptomIds(), lambda));
        double[] at;
        if (nested) {
          List<double[]> p = new ArrayList<>();
          List<Integer> y = new ArrayList<>();
          pool.forEach((group, ps) -> {
            if (!group.equals(g)) {
              p.addAll(ps);
              y.addAll(truth.get(group));
            }
          });
          at = SecondStageFit.confidentAt(p, y, settings.stackedNone());
        } else {
          at = new double[base.symptomIds().size() + 1];
          for (int c = 0; c < at.length; c++) {
            at[c] = shipped == null ? settings.stackedConfident() : shipped.confidentAt(c, settings.stackedConfident());
          }
        }
        stage = fitted.withConfidentAt(at);
      }
      return outcomes(base.with(ex, settings).withSecondStage(stage));
    }).apply(text);
  }

  private static SymptomMatcher base(KnowledgeBase kb) {
    return new SymptomMatcher(kb);
  }

  /** The second stage fitted once per development group, on the other groups' rows. */
  static Map<String, SecondStage> stagesByGroup(List<SecondStageFit.Row> rows, List<String> ids, double lambda) {
    Map<String, SecondStage> out = new java.util.LinkedHashMap<>();
    for (String g : rows.stream().map(SecondStageFit.Row::group).distinct().toList()) {
      out.put(g, SecondStageFit.fit(rows.stream().filter(r -> !r.group().equals(g)).toList(), ids, lambda));
    }
    return out;
  }

  /** The shipped matcher with other settings; on development reports, leaving each report's group out. */
  static Function<String, Outcome> alternative(KnowledgeBase kb, List<Report> reports, Part part, MatchSettings settings) {
    return part.development() ? leaveGroupOut(kb, reports, settings) : outcomes(new SymptomMatcher(kb).with(settings));
  }

  /** The matcher before issue 14, frozen in {@code match.previous}. */
  static Function<String, Outcome> previous(KnowledgeBase kb) {
    dev.lbtriage.kb.match.previous.SymptomMatcher m = new dev.lbtriage.kb.match.previous.SymptomMatcher(kb);
    return text -> {
      dev.lbtriage.kb.match.previous.MatchResult r = m.assess(text);
      Verdict v = r.confident() ? Verdict.CONFIDENT : r.nothingMatched() ? Verdict.NOTHING : Verdict.AMBIGUOUS;
      return new Outcome(r.matches().stream().map(dev.lbtriage.kb.match.previous.SymptomMatch::symptomId).toList(),
          r.matches().stream().map(dev.lbtriage.kb.match.previous.SymptomMatch::score).toList(), v, null, "");
    };
  }

  /** The matcher of issue 14 round 3 (07337ae), frozen in {@code match.round3} with its weights and examples. */
  static Function<String, Outcome> round3(KnowledgeBase kb) {
    dev.lbtriage.kb.match.round3.SymptomMatcher m = new dev.lbtriage.kb.match.round3.SymptomMatcher(kb);
    return text -> {
      dev.lbtriage.kb.match.round3.MatchResult r = m.assess(text);
      Verdict v = r.confident() ? Verdict.CONFIDENT : r.nothingMatched() ? Verdict.NOTHING : Verdict.AMBIGUOUS;
      return new Outcome(r.matches().stream().map(dev.lbtriage.kb.match.round3.SymptomMatch::symptomId).toList(),
          r.matches().stream().map(dev.lbtriage.kb.match.round3.SymptomMatch::score).toList(), v,
          r.outOfScopeTopic().map(dev.lbtriage.kb.match.round3.OutOfScopeTopic::id).orElse(null), "");
    };
  }

  public static void main(String[] args) throws IOException {
    System.exit(run(args, System.out));
  }

  static int run(String[] args, PrintStream out) throws IOException {
    if (args.length >= 2 && args[0].equals("train-second-stage")) {
      return trainSecondStage(Path.of(args[1]), args.length > 2 ? Double.parseDouble(args[2]) : SecondStageFit.LAMBDA, out);
    }
    if (args.length >= 2 && args[0].equals("export-dev")) {
      return exportDevelopment(Path.of(args[1]), args, out);
    }
    if (args.length == 0) {
      out.println("usage: MatchQuality dev|dev2|heldout-v3|heldout-v3-known|heldout|heldout-known|heldout-v4|heldout-v4-known [--matcher previous|round3|current|both|alternatives] [--rows] [--sweep] [corpus.tsv...]");
      return 2;
    }
    Part part = Part.parse(args[0]);
    String which = "both";
    boolean rows = false;
    boolean sweep = false;
    MatchSettings settings = MatchSettings.DEFAULT;
    Double lambda = null;
    List<Path> files = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      switch (args[i]) {
        case "--matcher" -> which = args[++i];
        case "--rows" -> rows = true;
        case "--sweep" -> sweep = true;
        case "--w" -> settings = settings.withLexicalWeight(Double.parseDouble(args[++i]));
        case "--k" -> settings = settings.withNeighbours(Integer.parseInt(args[++i]));
        case "--t" -> settings = settings.withStackedConfident(Double.parseDouble(args[++i]));
        case "--none" -> settings = settings.withStackedNone(Double.parseDouble(args[++i]));
        case "--lambda" -> lambda = Double.parseDouble(args[++i]);
        case "--first-stage" -> lambda = -1.0;
        default -> files.add(Path.of(args[i]));
      }
    }
    if ((rows || sweep) && part.heldOut()) {
      out.println("--rows is refused for the held-out part: its reports are not read while tuning.");
      return 2;
    }
    Loaded loaded = files.isEmpty() ? RealReports.bundled() : RealReports.files(files);
    loaded.problems().forEach(p -> out.println("skipped " + p));
    // "dev": every development report (the first file, dev2, v3); a development sub-part (dev2, v3): its
    // reports, each judged leaving its repository out of all development data; a held-out part: its file
    List<Report> development = loaded.development();
    List<Report> scored = part == Part.DEVELOPMENT ? development : loaded.part(part);
    List<Report> reports = part.development() ? development : scored;
    if (scored.isEmpty()) {
      out.println("no reports in the " + part + " part (is its file there?)");
      return 2;
    }
    KnowledgeBase kb = KnowledgeBaseLoader.loadBundled();
    out.printf(Locale.ROOT, "%d reports in the %s part (%d groups)%n", scored.size(), part,
        scored.stream().map(Report::group).distinct().count());
    if (sweep && lambda != null) {
      stackSweep(kb, reports, settings, out);
      return 0;
    }
    if (sweep) {
      sweep(kb, reports, out);
      return 0;
    }
    if (which.equals("alternatives")) {
      // the same examples and analysis, each kind of evidence alone, then combined (the shipped settings)
      out.print(evaluate("previous", part, scored, previous(kb)).describe());
      MatchSettings d = MatchSettings.DEFAULT;
      out.print(evaluate("words-only (w=1)", part, scored, alternative(kb, reports, part, d.withLexicalWeight(1.0))).describe());
      out.print(evaluate("neighbours-only (w=0)", part, scored, alternative(kb, reports, part, d.withLexicalWeight(0.0))).describe());
      out.print(evaluate("combined (shipped)", part, scored, alternative(kb, reports, part, d)).describe());
      return 0;
    }
    if (which.equals("previous") || which.equals("both")) {
      out.print(evaluate("previous", part, scored, previous(kb)).describe());
    }
    if (which.equals("round3") || which.equals("both")) {
      if (part.development()) {
        // round 3 as shipped saw the first development file (and v3 was scored once by it): no honest figure here
        out.println("round3 matcher: only on held-out parts (its shipped examples and weights include development reports)");
      } else {
        out.print(evaluate("round3", part, scored, round3(kb)).describe());
      }
    }
    if (which.equals("current") || which.equals("both")) {
      if (part.heldOut() && settings != MatchSettings.DEFAULT) {
        out.println("--w/--k are refused for the held-out parts: settings are chosen on development only.");
        return 2;
      }
      if (part.heldOut() && lambda != null) {
        out.println("--lambda/--first-stage are refused for the held-out parts.");
        return 2;
      }
      Function<String, Outcome> m = !part.development() ? current(kb)
          : leaveGroupOut(kb, reports, settings, lambda != null ? lambda : base(kb).hasSecondStage() ? SecondStageFit.LAMBDA : -1, true);
      out.print(evaluate("current", part, scored, m).describe());
      if (part.development()) {
        bySize(part, reports, scored, m, out);
      }
      if (rows) {
        for (Report r : scored) {
          Outcome o = m.apply(r.text());
          boolean ok = r.inScope() ? r.label().equals(o.best()) : o.verdict() != Verdict.CONFIDENT;
          out.printf(Locale.ROOT, "%s %-8s %-24s %-10s %s %s%n    %s%n    %s%n", ok ? "ok  " : "MISS", r.id(), r.label()
              + (r.inScope() ? "" : "/" + r.cause()), o.verdict(), o.ids(), o.scores().stream()
              .map(s -> String.format(Locale.ROOT, "%.2f", s)).toList(), clip(r.text(), 400), o.explanation());
        }
      }
    }
    return 0;
  }

  /**
   * Leave one repository out, split by how much the left-out repository weighs: reports of
   * repositories with at most two development reports (close to a report from a repository never
   * seen) and of the larger ones (whose users' wording the other development reports do not share
   * either, since the whole repository is left out).
   */
  static void bySize(Part part, List<Report> development, List<Report> scored, Function<String, Outcome> m, PrintStream out) {
    Map<String, Long> size = new java.util.HashMap<>();
    development.forEach(r -> size.merge(r.group(), 1L, Long::sum));
    List<Report> small = scored.stream().filter(r -> size.get(r.group()) <= 2).toList();
    List<Report> large = scored.stream().filter(r -> size.get(r.group()) > 2).toList();
    for (List<Report> set : List.of(small, large)) {
      Figures f = evaluate("current", part, set, m);
      out.printf(Locale.ROOT, "  repositories with %s: %d in scope, top-1 %.1f %% (%d), confident %d (wrong %d); %d out of scope,"
          + " confident %d%n", set == small ? "<= 2 reports" : "> 2 reports", f.inScope(), 100 * f.top1Rate(), f.top1(),
          f.confidentRight() + f.confidentWrong(), f.confidentWrong(), f.outOfScope(), f.oosConfident());
    }
  }

  /**
   * Development only: the second stage fitted leaving each group out, for several penalties; for
   * each, top-1 (nothing matched when P(none) >= n), and for the confident threshold t the confident
   * verdicts and their precision (out-of-scope confident verdicts count as wrong).
   */
  static void stackSweep(KnowledgeBase kb, List<Report> dev, MatchSettings settings, PrintStream out) {
    SymptomMatcher base = new SymptomMatcher(kb);
    List<String> ids = base.symptomIds();
    List<SecondStageFit.Row> rows = SecondStageFit.rows(base, Examples.phrasings(kb), dev, settings);
    List<String> groups = rows.stream().map(SecondStageFit.Row::group).distinct().toList();
    int oosWords = SecondStage.OWN.size(), codeNone = 3;
    for (double lambda : lambdas()) {
      double[][] p = new double[rows.size()][];
      for (String g : groups) {
        SecondStage st = SecondStageFit.fit(rows.stream().filter(r -> !r.group().equals(g)).toList(), ids, lambda);
        for (int i = 0; i < rows.size(); i++) {
          if (rows.get(i).group().equals(g)) {
            p[i] = st.probabilities(rows.get(i).x(), rows.get(i).terms());
            if (System.getenv("SWEEP_POINTS") != null) {
              out.printf(Locale.ROOT, "  point %s y=%d p=%s%n", dev.get(i).id(), rows.get(i).y(), java.util.Arrays.toString(
                  java.util.Arrays.stream(p[i]).map(v -> Math.round(v * 100) / 100.0).toArray()));
            }
          }
        }
      }
      double logLoss = 0;
      for (int i = 0; i < rows.size(); i++) {
        logLoss -= Math.log(Math.max(1e-9, p[i][rows.get(i).y()]));
      }
      out.printf(Locale.ROOT, "lambda %.4f log-loss %.3f%n", lambda, logLoss / rows.size());
      for (double none : new double[] {0.6, 0.7, 0.8, 0.9, 1.01}) {
        int in = 0, top1 = 0, oos = 0, oosNothing = 0, inNothing = 0;
        for (int i = 0; i < rows.size(); i++) {
          int y = rows.get(i).y();
          int best = argmaxSymptom(p[i]);
          boolean nothing = p[i][ids.size()] >= none;
          if (y < ids.size()) {
            in++;
            top1 += !nothing && best == y ? 1 : 0;
            inNothing += nothing ? 1 : 0;
          } else {
            oos++;
            oosNothing += nothing ? 1 : 0;
          }
        }
        out.printf(Locale.ROOT, "  none>=%.2f top-1 %.1f %% (%d/%d), in-scope nothing %d, out-of-scope nothing %d/%d%n", none,
            100.0 * top1 / in, top1, in, inNothing, oosNothing, oos);
      }
      // per-class thresholds chosen without each left-out repository (SecondStageFit.confidentAt over the others)
      int cc = 0, cok = 0, coos = 0;
      for (String g : groups) {
        List<double[]> pp = new ArrayList<>();
        List<Integer> yy = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
          if (!rows.get(i).group().equals(g)) {
            pp.add(p[i]);
            yy.add(rows.get(i).y());
          }
        }
        double[] at = SecondStageFit.confidentAt(pp, yy, settings.stackedNone());
        for (int i = 0; i < rows.size(); i++) {
          int best = argmaxSymptom(p[i]);
          if (rows.get(i).group().equals(g) && p[i][ids.size()] < settings.stackedNone() && p[i][best] >= at[best]) {
            cc++;
            cok += best == rows.get(i).y() ? 1 : 0;
            coos += rows.get(i).y() == ids.size() ? 1 : 0;
          }
        }
      }
      out.printf(Locale.ROOT, "  per-class thresholds (all groups: %s): confident %d, right %d, out of scope %d%n",
          java.util.Arrays.toString(SecondStageFit.confidentAt(java.util.Arrays.asList(p), rows.stream().map(SecondStageFit.Row::y).toList(),
              settings.stackedNone())), cc, cok, coos);
      for (boolean clean : new boolean[] {false, true}) {
      StringBuilder b = new StringBuilder(clean ? "  confident at t, no out-of-scope word or code: " : "  confident at t: ");
      for (double t : new double[] {0.7, 0.75, 0.8, 0.85, 0.9, 0.925, 0.95, 0.975}) {
        int c = 0, ok = 0, oosC = 0;
        for (int i = 0; i < rows.size(); i++) {
          int best = argmaxSymptom(p[i]);
          double[][] x = rows.get(i).x();
          if (p[i][best] >= t && (!clean || (x[0][oosWords] == 0 && x[ids.size()][codeNone] == 0))) {
            c++;
            ok += best == rows.get(i).y() ? 1 : 0;
            oosC += rows.get(i).y() == ids.size() ? 1 : 0;
          }
        }
        b.append(String.format(Locale.ROOT, "%.3f:%d/%d(oos %d) ", t, ok, c, oosC));
      }
      out.println(b);
      }
    }
  }

  /** The penalties the sweep tries ({@code LAMBDAS=0.01,0.003} to choose others). */
  private static double[] lambdas() {
    String env = System.getenv("LAMBDAS");
    return env == null ? new double[] {0.03, 0.01, 0.003, 0.001}
        : java.util.Arrays.stream(env.split(",")).mapToDouble(Double::parseDouble).toArray();
  }

  private static int argmaxSymptom(double[] p) {
    int best = 0;
    for (int c = 1; c < p.length - 1; c++) {
      if (p[c] > p[best]) {
        best = c;
      }
    }
    return best;
  }

  /** One development report as a setting scored it: the best symptom, its score, its nearest rival. */
  record Point(boolean inScope, boolean right, double best, double rival, boolean oosEvidence) {}

  /**
   * Development only: for a grid of weights and neighbour counts, top-1 and top-3 (leave one group
   * out), then for the confident threshold t and margin m, the confident verdicts (best >= t and
   * best - max(runner-up, none) >= m) and their precision; out-of-scope confident verdicts count as
   * wrong. Prints the pairs (t, m) that reach 97 % with the most confident verdicts.
   */
  static void sweep(KnowledgeBase kb, List<Report> dev, PrintStream out) {
    SymptomMatcher base = new SymptomMatcher(kb);
    List<Example> phrasings = Examples.phrasings(kb);
    List<Example> real = asExamples(dev);
    for (double w : new double[] {0.0, 0.2, 0.35, 0.5, 0.65, 0.8, 1.0}) {
      for (int k : new int[] {5, 9, 15, 25}) {
        MatchSettings settings = MatchSettings.DEFAULT.withLexicalWeight(w).withNeighbours(k);
        Map<String, SymptomMatcher> byGroup = new java.util.HashMap<>();
        List<Point> points = new ArrayList<>();
        int top1 = 0, top3 = 0, in = 0;
        for (Report r : dev) {
          SymptomMatcher m = byGroup.computeIfAbsent(r.group(), g -> {
            List<Example> ex = new ArrayList<>(phrasings);
            real.stream().filter(e -> !e.group().equals(g)).forEach(ex::add);
            return base.with(ex, settings);
          });
          SymptomMatcher.Scored s = m.score(r.text());
          List<String> ids = s.matches().stream().filter(x -> x.score() >= settings.minScore()).map(SymptomMatch::symptomId).toList();
          double best = s.matches().isEmpty() ? 0 : s.matches().get(0).score();
          double second = s.matches().size() > 1 ? s.matches().get(1).score() : 0;
          boolean nothing = ids.isEmpty() || s.none() >= best;
          boolean right = r.inScope() && !nothing && r.label().equals(ids.get(0));
          if (r.inScope()) {
            in++;
            top1 += right ? 1 : 0;
            top3 += !nothing && ids.subList(0, Math.min(3, ids.size())).contains(r.label()) ? 1 : 0;
          }
          points.add(new Point(r.inScope(), right, nothing ? 0 : best, Math.max(second, s.none()), s.outOfScopeEvidence()));
          if (System.getenv("SWEEP_POINTS") != null && w == 0.8 && k == 25 && best >= 0.55) {
            out.printf(Locale.ROOT, "  point %s %s right=%s best=%.2f second=%.2f none=%.2f oos=%s%n", r.id(), r.label(), right, best, second, s.none(), s.outOfScopeEvidence());
          }
        }
        String best = "no (t, m) reaches 97 %";
        int most = 0;
        for (boolean clean : new boolean[] {false, true})
        for (double t = 0.30; t <= 0.951; t += 0.05) {
          for (double mg = 0.0; mg <= 0.61; mg += 0.1) {
            int c = 0, ok = 0, oos = 0;
            for (Point p : points) {
              if (p.best() >= t && p.best() - p.rival() >= mg && (!clean || !p.oosEvidence())) {
                c++;
                ok += p.right() ? 1 : 0;
                oos += p.inScope() ? 0 : 1;
              }
            }
            if (c > most && ok >= 0.97 * c) {
              most = c;
              best = String.format(Locale.ROOT, (clean ? "no-oos-words " : "") + "t=%.2f m=%.1f: %d confident, %d wrong, %d of them out of scope", t, mg, c, c - ok, oos);
            }
          }
        }
        out.printf(Locale.ROOT, "w=%.2f k=%2d top-1 %.1f %% top-3 %.1f %% | %s%n", w, k, 100.0 * top1 / in, 100.0 * top3 / in, best);
      }
    }
  }

  /**
   * {@code train-second-stage OUT [lambda]}: fits the second stage on every development report
   * (features scored leaving each report's own group out) and writes its weights to OUT, the bundled
   * {@code kb/match/second-stage.tsv}.
   */
  static int trainSecondStage(Path target, double lambda, PrintStream out) throws IOException {
    KnowledgeBase kb = KnowledgeBaseLoader.loadBundled();
    List<Report> dev = RealReports.bundled().development();
    SymptomMatcher base = new SymptomMatcher(kb);
    List<SecondStageFit.Row> rows = SecondStageFit.rows(base, Examples.phrasings(kb), dev, MatchSettings.DEFAULT);
    // per-class confidence thresholds from every report's out-of-sample probability (its repository left out)
    Map<String, SecondStage> stages = stagesByGroup(rows, base.symptomIds(), lambda);
    List<double[]> p = rows.stream().map(r -> stages.get(r.group()).probabilities(r.x(), r.terms())).toList();
    double[] at = SecondStageFit.confidentAt(p, rows.stream().map(SecondStageFit.Row::y).toList(), MatchSettings.DEFAULT.stackedNone());
    SecondStage stage = SecondStageFit.fit(rows, base.symptomIds(), lambda).withConfidentAt(at);
    out.println("confident at " + java.util.Arrays.toString(at) + " for " + base.symptomIds() + " + none");
    List<String> lines = new ArrayList<>();
    lines.add("# Second-stage weights of the symptom matcher (SecondStage): multinomial logistic regression, one");
    lines.add(String.format(Locale.ROOT, "# column per class. Written by MatchQuality train-second-stage (lambda %.4f) from the %d", lambda, dev.size()));
    lines.add("# development reports only (features scored leaving each report's source group out). Do not edit by hand.");
    lines.addAll(stage.toLines());
    java.nio.file.Files.write(target, lines, java.nio.charset.StandardCharsets.UTF_8);
    out.println("wrote " + stage.toLines().size() + " weight rows to " + target);
    return 0;
  }

  /**
   * {@code export-dev OUT corpus.tsv...}: writes the development part of the corpus files (the rows
   * only, in the corpus format) to OUT, the bundled examples {@code kb/match/examples.tsv}.
   */
  static int exportDevelopment(Path target, String[] args, PrintStream out) throws IOException {
    List<Path> files = new ArrayList<>();
    for (int i = 2; i < args.length; i++) {
      files.add(Path.of(args[i]));
    }
    Loaded loaded = files.isEmpty() ? RealReports.bundled() : RealReports.files(files);
    List<String> lines = new ArrayList<>();
    lines.add("# The development part of the corpus of real reports (kb/src/test/resources/match/real-reports.tsv,");
    lines.add("# real-reports-dev2.tsv and, since round 5, the once-scored v3 files; see RealReports and match/README.md):");
    lines.add("# labelled examples for the nearest-neighbour vote.");
    lines.add("# Written by MatchQuality export-dev; never add a held-out row here (ExamplesAreDevelopmentOnlyTest).");
    lines.add(RealReports.HEADER);
    for (Report r : loaded.development()) {
      lines.add(String.join("\t", r.id(), r.sourceRepo(), r.url(), r.label(), r.cause(), r.evidence(), r.text()));
    }
    java.nio.file.Files.write(target, lines, java.nio.charset.StandardCharsets.UTF_8);
    out.println("wrote " + (lines.size() - 5) + " development rows to " + target);
    return 0;
  }

  private static String clip(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n) + "...";
  }
}
