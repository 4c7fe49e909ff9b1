package dev.lbtriage.kb.load;

import dev.lbtriage.kb.model.AnswerKind;
import dev.lbtriage.kb.model.Cause;
import dev.lbtriage.kb.model.Check;
import dev.lbtriage.kb.model.CliCommand;
import dev.lbtriage.kb.model.Condition;
import dev.lbtriage.kb.model.FactName;
import dev.lbtriage.kb.model.HowToCheck;
import dev.lbtriage.kb.model.Implication;
import dev.lbtriage.kb.model.FleetScan;
import dev.lbtriage.kb.model.LivePort;
import dev.lbtriage.kb.model.PathHop;
import dev.lbtriage.kb.model.Placeholder;
import dev.lbtriage.kb.model.Question;
import dev.lbtriage.kb.model.ResolutionStep;
import dev.lbtriage.kb.model.Source;
import dev.lbtriage.kb.model.SupportCapture;
import dev.lbtriage.kb.model.Symptom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Turns the tree of one symptom file into a {@link Symptom}, reporting what is wrong on the way. */
final class SymptomReader {

  static final Set<String> SYMPTOM_FIELDS = Set.of(
      "id", "title", "summary", "phrasings", "keywords", "seedSections", "causes", "questions", "supportCase",
      "healthCheck", "scanNeeds");
  static final Set<String> HEALTH_CHECK_FIELDS = Set.of("settlesQuestions", "leftToLookAt");
  static final Set<String> CAUSE_FIELDS =
      Set.of("id", "title", "explanation", "seedSections", "checks", "resolution", "commands", "scan", "pathHop");
  static final Set<String> CHECK_FIELDS = Set.of("fact", "question", "description");
  static final Set<String> COMMAND_FIELDS = Set.of("description", "command", "when", "fix");
  static final Set<String> STEP_FIELDS = Set.of("text", "when");
  static final Set<String> VARIANT_FIELDS = Set.of("when", "text", "why", "how");
  static final Set<String> QUESTION_FIELDS = Set.of("id", "text", "why", "answer", "how", "seedSections", "variants",
      "liveCheck", "fills");
  static final Set<String> IMPLIES_FIELDS = Set.of("if", "then", "is", "because");
  static final Set<String> HOW_FIELDS = Set.of("windows", "linux", "portal");
  static final Set<String> CAPTURE_FIELDS = Set.of("id", "title", "steps", "how", "seedSections");

  private final List<IdSite> sites;
  /** What the report can say, read per file (its words first). */
  final ReportReadingsReader reports = new ReportReadingsReader();
  /** The {@code implies} entries read, for the checks across files. */
  final List<CrossReferences.Implied> implied = new ArrayList<>();

  /** @param sites where every id read is recorded, for the checks across files */
  SymptomReader(List<IdSite> sites) {
    this.sites = sites;
  }

  Optional<Symptom> read(YamlNode root, String file, Problems problems) {
    return Fields.of(root, "symptom", ReportReadingsReader.with(SYMPTOM_FIELDS, "probeHealth", "reportWords"), file, problems)
        .map(f -> symptom(f, file));
  }

  private Symptom symptom(Fields f, String file) {
    String id = declare("symptom", f, f.id("id"));
    String title = f.text("title");
    String summary = f.text("summary");
    List<String> phrasings = f.texts("phrasings", true);
    List<String> keywords = f.texts("keywords", true);
    List<String> seedSections = f.texts("seedSections", true);
    reports.words(f);
    List<Question> questions = new ArrayList<>();
    for (YamlNode n : f.items("questions", false)) {
      Fields.of(n, "question", ReportReadingsReader.with(QUESTION_FIELDS, "implies", "fromReport"), file, f.problems()).map(this::question).ifPresent(questions::add);
    }
    Set<String> questionIds = questions.stream().map(Question::id).collect(Collectors.toSet());
    List<Cause> causes = new ArrayList<>();
    for (YamlNode n : f.items("causes", true)) {
      Fields.of(n, "cause", ReportReadingsReader.with(CAUSE_FIELDS, "fromReport"), file, f.problems()).map(c -> cause(c, questionIds, id))
          .ifPresent(causes::add);
    }
    List<SupportCapture> captures = new ArrayList<>();
    for (YamlNode n : f.items("supportCase", false)) {
      Fields.of(n, "support capture", CAPTURE_FIELDS, file, f.problems()).map(this::capture).ifPresent(captures::add);
    }
    dev.lbtriage.kb.model.HealthCheck health = f.node("healthCheck")
        .flatMap(n -> Fields.of(n, "healthCheck", HEALTH_CHECK_FIELDS, file, f.problems()))
        .map(h -> new dev.lbtriage.kb.model.HealthCheck(flag(h, "settlesQuestions"), h.texts("leftToLookAt", true)))
        .orElse(null);
    List<FactName> scanNeeds = new ArrayList<>();
    for (YamlNode n : f.items("scanNeeds", false)) {
      String name = n instanceof YamlNode.Scalar s && s.text() != null ? s.text().strip() : null;
      Optional<FactName> known = name == null ? Optional.empty() : FactName.byId(name);
      if (known.isEmpty()) {
        f.problem(n.line(), "unknown fact " + (name == null ? "(not a text)" : "'" + name + "'") + " in scanNeeds (known: "
            + Arrays.stream(FactName.values()).map(FactName::id).collect(Collectors.joining(", ")) + ")");
      }
      known.filter(k -> !scanNeeds.contains(k)).ifPresent(scanNeeds::add);
    }
    return new Symptom(id, title, summary, phrasings, keywords, seedSections, causes, questions, captures, health,
        scanNeeds, new Source(file), reports.probeHealth(f, id));
  }

  private Cause cause(Fields f, Set<String> questionIds, String symptomId) {
    String id = declare("cause", f, f.id("id"));
    List<Check> checks = new ArrayList<>();
    for (YamlNode n : f.items("checks", true)) {
      Fields.of(n, "check", CHECK_FIELDS, f.file(), f.problems()).flatMap(c -> check(c, questionIds, symptomId))
          .ifPresent(checks::add);
    }
    List<CliCommand> commands = new ArrayList<>();
    for (YamlNode n : f.items("commands", false)) {
      Fields.of(n, "command", COMMAND_FIELDS, f.file(), f.problems())
          .map(c -> new CliCommand(c.text("description"), c.text("command"), condition(c), flag(c, "fix")))
          .ifPresent(commands::add);
    }
    List<ResolutionStep> steps = new ArrayList<>();
    for (YamlNode n : f.items("resolution", true)) {
      if (n instanceof YamlNode.Scalar s && s.text() != null && !s.text().isBlank()) {
        f.checkPlaceholders(s.text(), s.line());
        steps.add(new ResolutionStep(s.text().strip()));
      } else if (n instanceof YamlNode.Mapping) {
        Fields.of(n, "resolution step", STEP_FIELDS, f.file(), f.problems())
            .map(st -> new ResolutionStep(st.text("text"), condition(st))).ifPresent(steps::add);
      } else {
        f.problem(n.line(), "each entry of 'resolution' in cause must be text, or a mapping with 'text' and 'when'");
      }
    }
    FleetScan scan = null;
    String scanText = f.optionalText("scan");
    if (scanText != null) {
      scan = Arrays.stream(FleetScan.values()).filter(v -> v.name().toLowerCase(java.util.Locale.ROOT).equals(scanText))
          .findFirst().orElse(null);
      if (scan == null) {
        f.problem(f.line("scan"), "unknown scan '" + scanText + "' (known: fault, advisory)");
      }
    }
    PathHop hop = null;
    String hopText = f.optionalText("pathHop");
    if (hopText != null) {
      hop = PathHop.byToken(hopText).orElse(null);
      if (hop == null) {
        f.problem(f.line("pathHop"), "unknown pathHop '" + hopText + "' (known: " + PathHop.tokens() + ")");
      }
    }
    return new Cause(id, f.text("title"), f.text("explanation"), f.texts("seedSections", true), checks, steps, commands, scan,
        hop, reports.cause(f, id));
  }

  /** The optional {@code when} of a command, step or variant. */
  private static Condition condition(Fields f) {
    String when = f.optionalText("when");
    if (when == null) {
      return null;
    }
    Optional<Condition> c = Condition.byToken(when);
    if (c.isEmpty()) {
      f.problem(f.line("when"), "unknown condition '" + when + "' (known: "
          + Arrays.stream(Condition.values()).map(Condition::token).collect(Collectors.joining(", ")) + ")");
    }
    return c.orElse(null);
  }

  private static boolean flag(Fields f, String key) {
    String v = f.optionalText(key);
    if (v != null && !v.equals("true") && !v.equals("false")) {
      f.problem(f.line(key), "field '" + key + "' must be true or false");
    }
    return "true".equals(v);
  }

  private Optional<Check> check(Fields f, Set<String> questionIds, String symptomId) {
    String description = f.text("description");
    boolean fact = f.present("fact");
    boolean question = f.present("question");
    if (fact == question) {
      f.problem(f.line(), "a check names exactly one of 'fact' (automatic) or 'question' (manual)");
      return Optional.empty();
    }
    if (fact) {
      String name = f.text("fact");
      Optional<FactName> known = name == null ? Optional.empty() : FactName.byId(name);
      if (name != null && known.isEmpty()) {
        f.problem(f.line("fact"), "unknown fact '" + name + "' (known: "
            + Arrays.stream(FactName.values()).map(FactName::id).collect(Collectors.joining(", ")) + ")");
      }
      return known.map(k -> new Check.Automatic(k, description));
    }
    String q = f.text("question");
    if (q != null && !questionIds.contains(q)) {
      f.problem(f.line("question"), "manual check names question '" + q + "' which symptom '" + symptomId
          + "' does not declare");
    }
    return Optional.ofNullable(q).map(id -> new Check.Manual(id, description));
  }

  private Question question(Fields f) {
    String id = declare("question", f, f.id("id"));
    String answer = f.text("answer");
    AnswerKind kind = null;
    if (answer != null) {
      kind = Arrays.stream(AnswerKind.values()).filter(k -> spelling(k).equals(answer)).findFirst().orElse(null);
      if (kind == null) {
        f.problem(f.line("answer"), "unknown answer kind '" + answer + "' (known: "
            + Arrays.stream(AnswerKind.values()).map(SymptomReader::spelling).collect(Collectors.joining(", ")) + ")");
      }
    }
    List<Question.Variant> variants = new ArrayList<>();
    for (YamlNode n : f.items("variants", false)) {
      Fields.of(n, "question variant", VARIANT_FIELDS, f.file(), f.problems()).ifPresent(v -> {
        Condition when = condition(v);
        if (when == null && v.optionalText("when") == null) {
          v.problem(v.line(), "a question variant needs 'when'");
        }
        variants.add(new Question.Variant(when, v.optionalText("text"), v.optionalText("why"),
            v.present("how") ? how(v) : null));
      });
    }
    LivePort live = null;
    String port = f.optionalText("liveCheck");
    if (port != null) {
      live = Arrays.stream(LivePort.values()).filter(v -> v.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-').equals(port))
          .findFirst().orElse(null);
      if (live == null) {
        f.problem(f.line("liveCheck"), "unknown liveCheck '" + port + "' (known: probe-port, data-port)");
      }
    }
    List<Placeholder> fills = new ArrayList<>();
    for (YamlNode n : f.items("fills", false)) {
      String token = n instanceof YamlNode.Scalar s ? s.text() : null;
      Optional<Placeholder> p = token == null ? Optional.empty() : Placeholder.byToken(token.strip());
      if (p.isEmpty()) {
        f.problem(n.line(), "unknown placeholder '" + token + "' in 'fills' (known: "
            + Arrays.stream(Placeholder.values()).map(Placeholder::token).collect(Collectors.joining(", ")) + ")");
      }
      p.ifPresent(fills::add);
    }
    if (!fills.isEmpty() && kind == AnswerKind.YES_NO) {
      f.problem(f.line("fills"), "a yes-no answer fills no placeholder: 'fills' needs an answer of another kind");
    }
    return new Question(id, f.text("text"), f.text("why"), kind, how(f), f.texts("seedSections", true), variants, live,
        fills, implies(f, id, kind, live != null), reports.question(f, id, kind));
  }

  /** A question's {@code implies}: what an answer to it, or a live check for it that connected, also answers. */
  private List<Implication> implies(Fields q, String questionId, AnswerKind kind, boolean live) {
    List<Implication> out = new ArrayList<>();
    for (YamlNode n : q.items("implies", false)) {
      Fields.of(n, "implication", IMPLIES_FIELDS, q.file(), q.problems()).ifPresent(i -> {
        String when = i.text("if");
        String then = i.id("then");
        String is = i.text("is");
        String because = i.text("because");
        boolean byCheck = Implication.LIVE_CHECK_CONNECTED.equals(when);
        if (byCheck && !live) {
          i.problem(i.line("if"), "'if: " + Implication.LIVE_CHECK_CONNECTED + "' needs a liveCheck on question '" + questionId + "'");
        } else if (when != null && !byCheck && kind != AnswerKind.YES_NO) {
          i.problem(i.line("if"), "only a yes-no question implies from its answer ('if: yes' or 'if: no')");
        } else if (when != null && !byCheck && !when.equals("yes") && !when.equals("no")) {
          i.problem(i.line("if"), "'if' is yes, no or " + Implication.LIVE_CHECK_CONNECTED + ", not '" + when + "'");
        }
        if (is != null && !is.equals("yes") && !is.equals("no")) {
          i.problem(i.line("is"), "'is' is yes or no, not '" + is + "'");
        }
        if (then != null && questionId != null) {
          implied.add(new CrossReferences.Implied(questionId, then, is, i.file(), i.line("then")));
        }
        out.add(new Implication(byCheck ? null : when, then, is, because));
      });
    }
    return out;
  }

  private SupportCapture capture(Fields f) {
    String id = declare("capture", f, f.id("id"));
    return new SupportCapture(id, f.text("title"), f.texts("steps", true), how(f), f.texts("seedSections", true));
  }

  private HowToCheck how(Fields owner) {
    Optional<YamlNode> node = owner.node("how");
    if (node.isEmpty()) {
      owner.problem(owner.line(), "missing required field 'how'");
      return null;
    }
    return Fields.of(node.get(), "how", HOW_FIELDS, owner.file(), owner.problems()).map(h -> {
      HowToCheck how = new HowToCheck(h.optionalText("windows"), h.optionalText("linux"), h.optionalText("portal"));
      if (how.windows() == null && how.linux() == null && how.portal() == null) {
        h.problem(h.line(), "'how' needs at least one of windows, linux, portal");
      }
      return how;
    }).orElse(null);
  }

  private String declare(String kind, Fields f, String id) {
    if (id != null) {
      sites.add(new IdSite(kind, id, f.file(), f.line("id")));
    }
    return id;
  }

  /** The YAML spelling of an answer kind: {@code YES_NO} is {@code yes-no}. */
  static String spelling(AnswerKind kind) {
    return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
