package dev.lbtriage.engine.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbtriage.engine.bundle.TrafficPath.State;
import dev.lbtriage.engine.diagnosis.Diagnoser;
import dev.lbtriage.engine.diagnosis.Diagnosis;
import dev.lbtriage.engine.gather.Progress;
import dev.lbtriage.engine.gather.snapshot.SnapshotReader;
import dev.lbtriage.kb.load.KnowledgeBaseLoader;
import dev.lbtriage.kb.model.Cause;
import dev.lbtriage.kb.model.KnowledgeBase;
import dev.lbtriage.kb.model.PathHop;
import dev.lbtriage.kb.model.Question;
import dev.lbtriage.kb.model.Symptom;
import dev.lbtriage.rules.diagnosis.Answer;
import dev.lbtriage.rules.diagnosis.RuleEngine;
import dev.lbtriage.rules.facts.AzureFacts;
import dev.lbtriage.rules.facts.LoadBalancer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The traffic path marks a finding on the hop the KB's {@code pathHop} names for its cause, or on the route a
 * finding is about: never by the cause's id, never by words in its evidence.
 */
class PathHopTest {
  static final KnowledgeBase KB = KnowledgeBaseLoader.loadBundled();
  static final Diagnoser DIAGNOSER = new Diagnoser(KB, RuleEngine.fromClasspath());
  /** The hops of the picture each KB hop stands for (NSG hops come from the flow evaluation when the backend is known). */
  static final Map<PathHop, Set<String>> DRAWN = new EnumMap<>(Map.of(
      PathHop.CLIENT, Set.of("data:client"),
      PathHop.RULE, Set.of("data:rule"),
      PathHop.ROUTE, Set.of("data:route", "probe:route"),
      PathHop.VM, Set.of("data:vm", "probe:vm"),
      PathHop.DATA_VM, Set.of("data:vm"),
      PathHop.PROBE_VM, Set.of("probe:vm")));

  static Stream<Cause> causesMarkedOutsideTheNsgs() {
    List<Cause> all = KB.causes().filter(c -> c.pathHop() != null && DRAWN.containsKey(c.pathHop())).toList();
    assertThat(all).as("KB causes with a pathHop drawn from findings").hasSizeGreaterThanOrEqualTo(5);
    return all.stream();
  }

  static AzureFacts healthy() {
    return new SnapshotReader(Path.of("..", "examples", "healthy")).gather("lb-shop", Progress.none());
  }

  @Test
  void every_kb_cause_of_a_symptom_on_the_path_names_a_hop() {
    // the symptoms whose causes the path draws: those with a cause on a hop; each of their causes says where
    List<Symptom> drawn = KB.symptoms().stream().filter(s -> s.causes().stream().anyMatch(c -> c.pathHop() != null)).toList();
    assertThat(drawn).hasSizeGreaterThanOrEqualTo(3);
    for (Symptom s : drawn) {
      assertThat(s.causes()).as(s.id()).allMatch(c -> c.pathHop() != null);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("causesMarkedOutsideTheNsgs")
  void a_confirmed_finding_marks_the_hops_its_kb_pathHop_names_and_no_other(Cause cause) {
    // given a healthy load balancer and a diagnosis whose only finding is this cause, confirmed, about its first backend
    AzureFacts facts = healthy();
    LoadBalancer lb = facts.loadBalancer("lb-shop").orElseThrow();
    TrafficPath clean = TrafficPathBuilder.of(facts, lb, diagnosis(lb, List.of()), null);
    Diagnosis.CauseFinding f = new Diagnosis.CauseFinding(cause.id(), cause.title(), "confirmed", List.of("a fact"),
        cause.id() + ": a rule", List.of(clean.backendIp()), cause.pathHop());
    // when
    TrafficPath path = TrafficPathBuilder.of(facts, lb, diagnosis(lb, List.of(f)), null);
    // then
    assertThat(clean.failing()).isEmpty();
    assertThat(path.failing()).containsExactlyInAnyOrderElementsOf(DRAWN.get(cause.pathHop()));
  }

  @Test
  void a_finding_whose_evidence_speaks_of_a_route_marks_no_route_unless_it_is_about_one() {
    AzureFacts facts = healthy();
    LoadBalancer lb = facts.loadBalancer("lb-shop").orElseThrow();
    String ip = TrafficPathBuilder.of(facts, lb, diagnosis(lb, List.of()), null).backendIp();
    Cause cause = KB.causes().filter(c -> c.pathHop() == PathHop.PROBE_VM).findFirst().orElseThrow();
    List<String> evidence = List.of("answer probe-traffic-seen = the replies leave by a route to the firewall");
    // a finding on its cause's hop, whatever its evidence says
    TrafficPath onVm = TrafficPathBuilder.of(facts, lb, diagnosis(lb, List.of(new Diagnosis.CauseFinding(cause.id(), cause.title(),
        "suspected", evidence, cause.id() + ": what the network trace shows", List.of(ip), cause.pathHop()))), null);
    assertThat(onVm.hop("probe:route")).isEmpty();
    assertThat(onVm.hop("probe:vm")).get().extracting(TrafficPath.Hop::state).isEqualTo(State.SUSPECTED);
    // the same finding about a route: the return route on both lanes, not the VM
    TrafficPath onRoute = TrafficPathBuilder.of(facts, lb, diagnosis(lb, List.of(new Diagnosis.CauseFinding(cause.id(), cause.title(),
        "suspected", List.of("replies from " + ip + " take 0.0.0.0/0 -> VirtualAppliance"), cause.id() + ": routed", List.of(ip),
        PathHop.ROUTE))), null);
    assertThat(onRoute.hop("probe:route")).get().extracting(TrafficPath.Hop::state).isEqualTo(State.SUSPECTED);
    assertThat(onRoute.hop("data:route")).get().extracting(TrafficPath.Hop::state).isEqualTo(State.SUSPECTED);
    assertThat(onRoute.hop("probe:vm")).get().extracting(TrafficPath.Hop::state).isEqualTo(State.OK);
  }

  @Test
  void the_rules_mark_a_route_only_for_a_finding_about_a_diverting_route() {
    // udr-virtual-appliance: a user route sends the replies to an appliance; the real engine says the finding is about it
    AzureFacts udr = new SnapshotReader(Path.of("..", "examples", "udr-virtual-appliance")).gather("lb-web", Progress.none());
    Diagnosis d = DIAGNOSER.diagnose(udr, "lb-web", "probe-down", null, List.of());
    assertThat(d.findings()).anyMatch(f -> f.hop() == PathHop.ROUTE && !f.status().equals("ruled-out"));
    // a real diagnosis whose answers speak of routes, on a load balancer with none: its findings stay on their KB hops
    AzureFacts facts = healthy();
    List<Answer> answers = new ArrayList<>();
    for (Question q : KB.symptom("probe-down").orElseThrow().questions()) {
      answers.add(new Answer(q.id(), q.answer().name().equals("YES_NO") ? "yes" : "a route sends it through the firewall"));
    }
    Diagnosis talked = DIAGNOSER.diagnose(facts, "lb-shop", "probe-down", null, answers);
    assertThat(talked.findings()).allSatisfy(f -> assertThat(f.hop()).as(f.cause())
        .isEqualTo(KB.cause(f.cause()).orElseThrow().pathHop()));
    assertThat(TrafficPathBuilder.of(facts, facts.loadBalancer("lb-shop").orElseThrow(), talked, null).hop("probe:route")).isEmpty();
  }

  private static Diagnosis diagnosis(LoadBalancer lb, List<Diagnosis.CauseFinding> findings) {
    return new Diagnosis(new Diagnosis.SymptomRef("s", null, "t"), lb.id(), findings, List.of(), List.of(), List.of(), List.of(),
        List.of(), List.of(), Diagnosis.Health.unknown());
  }
}
