package dev.lbtriage.engine.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbtriage.engine.conversation.ReportStatements.Statement;
import dev.lbtriage.engine.conversation.ReportStatements.Strength;
import dev.lbtriage.kb.model.Cause;
import dev.lbtriage.kb.model.Question;
import dev.lbtriage.kb.model.Symptom;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What real-looking reports say, negations included, read conservatively. */
class ReportStatementsTest {
  static List<Statement> read(String symptomId, String report, String... notClients) {
    Symptom s = Chat.KB.symptom(symptomId).orElseThrow();
    Set<String> questions = s.questions().stream().map(Question::id).collect(Collectors.toSet());
    Set<String> causes = s.causes().stream().map(Cause::id).collect(Collectors.toSet());
    return ReportStatements.of(Chat.KB).read(report, questions, causes, Set.of(notClients));
  }

  static List<Statement> answers(List<Statement> all) {
    return all.stream().filter(x -> x.strength() == Strength.ANSWER).toList();
  }

  @Test
  void the_udr_report_answers_the_listening_question_and_leads_to_the_route_away_from_the_nsg() {
    List<Statement> all = read("probe-down", "After the hub firewall project went live, lb-web marks both backends unhealthy. "
        + "The VMs run, IIS answers locally on the box, and the NSG was not touched. The network team added a route table "
        + "to the web subnet yesterday.");
    assertThat(answers(all)).singleElement().satisfies(a -> {
      assertThat(a.question()).isEqualTo("probe-port-listening");
      assertThat(a.value()).isEqualTo("yes");
      assertThat(a.quote()).isEqualTo("The VMs run, IIS answers locally on the box");
    });
    assertThat(all).anySatisfy(x -> {
      assertThat(x.question()).isEqualTo("vm-responds");
      assertThat(x.strength()).isEqualTo(Strength.LEAD);
      assertThat(x.value()).isEqualTo("yes");
    });
    assertThat(all).anySatisfy(x -> {
      assertThat(x.cause()).isEqualTo("probe-port-blocked");
      assertThat(x.value()).isEqualTo("no");
      assertThat(x.quote()).isEqualTo("the NSG was not touched");
    });
    assertThat(all).anySatisfy(x -> {
      assertThat(x.cause()).isEqualTo("probe-misconfigured");
      assertThat(x.value()).isEqualTo("yes");
    });
    assertThat(all).noneMatch(x -> "guest-firewall-allows-probe".equals(x.question()));
  }

  @Test
  void negations_are_read_as_negations_never_as_the_positive_statement() {
    assertThat(answers(read("probe-down", "The VM vm-shop-1 does not answer a TCP ping on 172.18.0.5:80."))).singleElement()
        .satisfies(a -> {
          assertThat(a.question()).isEqualTo("vm-responds");
          assertThat(a.value()).isEqualTo("no");
        });
    assertThat(answers(read("probe-down", "PsPing to 10.0.0.4:80 times out from the jump box"))).singleElement()
        .satisfies(a -> assertThat(a.value()).isEqualTo("no"));
    assertThat(answers(read("probe-down", "IIS does not answer locally either"))).isEmpty();
    assertThat(answers(read("probe-down", "nothing is listening on port 80 on the web VMs"))).singleElement()
        .satisfies(a -> assertThat(a).extracting(Statement::question, Statement::value).containsExactly("probe-port-listening", "no"));
    assertThat(read("probe-down", "NSG not touched")).singleElement()
        .satisfies(a -> assertThat(a).extracting(Statement::cause, Statement::value, Statement::strength)
            .containsExactly("probe-port-blocked", "no", Strength.LEAD));
    assertThat(read("probe-down", "we changed the NSG this morning")).singleElement()
        .satisfies(a -> assertThat(a).extracting(Statement::cause, Statement::value).containsExactly("probe-port-blocked", "yes"));
    assertThat(read("probe-down", "the VMs are not running")).singleElement()
        .satisfies(a -> assertThat(a).extracting(Statement::question, Statement::value, Statement::strength)
            .containsExactly("vm-responds", "no", Strength.LEAD));
  }

  @Test
  void what_the_facts_make_ambiguous_is_only_a_lead() {
    Symptom s = Chat.KB.symptom("probe-down").orElseThrow();
    assertThat(ReportStatements.of(Chat.KB).read("IIS answers locally on the box", s.questions().stream().map(Question::id).collect(Collectors.toSet()),
        Set.of(), Set.of(), ReportStatements.leadOnly(s, when -> true))).singleElement()
        .satisfies(a -> assertThat(a).extracting(Statement::question, Statement::strength).containsExactly("probe-port-listening", Strength.LEAD));
  }

  @Test
  void what_is_said_of_the_probe_the_frontend_or_the_data_port_is_no_answer_about_the_backend_or_the_probe_port() {
    assertThat(answers(read("probe-down", "VMs behind the Load Balancer are not responding to health probes"))).isEmpty();
    assertThat(answers(read("probe-down", "Telnet to the load balancer frontend on port 80 fails but the probe is up"))).isEmpty();
    assertThat(answers(read("probe-down", "app not listening on the data port, probe port is fine"))).isEmpty();
    assertThat(read("probe-down", "the backend is not responding on the port")).singleElement()
        .satisfies(a -> assertThat(a).extracting(Statement::question, Statement::value, Statement::strength)
            .containsExactly("vm-responds", "no", Strength.LEAD));
    assertThat(answers(read("probe-down", "The VM does not respond."))).singleElement()
        .satisfies(a -> assertThat(a).extracting(Statement::question, Statement::value).containsExactly("vm-responds", "no"));
    assertThat(answers(read("data-port-down", "app not listening on the data port, probe port is fine"))).singleElement()
        .satisfies(a -> assertThat(a).extracting(Statement::question, Statement::value).containsExactly("data-port-listening", "no"));
  }

  @Test
  void an_nsg_that_does_not_allow_points_at_the_nsg_and_a_question_states_nothing() {
    assertThat(read("data-port-down", "the NSG does not allow our client IPs, connections to the public IP hang")).singleElement()
        .satisfies(a -> assertThat(a).extracting(Statement::cause, Statement::value).containsExactly("data-port-blocked", "yes"));
    assertThat(read("probe-down", "NSG blocking 168.63.129.16? backends are down")).isEmpty();
  }

  @Test
  void a_running_vm_is_only_a_lead_and_contradictions_cancel_out() {
    assertThat(read("probe-down", "Both VMs show Running.")).singleElement()
        .satisfies(a -> assertThat(a.strength()).isEqualTo(Strength.LEAD));
    assertThat(read("probe-down", "The VM answers a TCP ping from the jump box. PsPing from the other VM times out.")).isEmpty();
  }

  @Test
  void the_guest_firewall_is_only_the_one_inside_the_vm() {
    assertThat(answers(read("probe-down", "Windows Firewall blocks port 80 on both VMs"))).singleElement()
        .satisfies(a -> assertThat(a).extracting(Statement::question, Statement::value).containsExactly("guest-firewall-allows-probe", "no"));
    assertThat(answers(read("probe-down", "the Windows firewall is off"))).singleElement()
        .satisfies(a -> assertThat(a.value()).isEqualTo("yes"));
    assertThat(answers(read("probe-down", "the hub firewall blocks something since yesterday"))).isEmpty();
  }

  @Test
  void a_client_address_is_read_only_when_the_report_says_it_is_the_client_and_never_the_frontend() {
    assertThat(answers(read("data-port-down", "Nobody can reach the site on port 80. My own IP is 203.0.113.50."))).singleElement()
        .satisfies(a -> assertThat(a).extracting(Statement::question, Statement::value).containsExactly("client-ip", "203.0.113.50"));
    assertThat(answers(read("data-port-down", "connections from 10.0.0.6 time out", "10.0.0.6"))).isEmpty();
    assertThat(answers(read("data-port-down", "the backend 172.20.2.4 does not get the traffic"))).isEmpty();
    assertThat(answers(read("data-port-down", "The reporting job gets timeouts. The job runs on one of the API backends.")))
        .singleElement().satisfies(a -> assertThat(a).extracting(Statement::question, Statement::value)
            .containsExactly("client-on-backend-vm", "yes"));
  }

  @Test
  void what_the_report_says_of_the_health_probe_is_read_for_the_symptom_choice() {
    Set<String> probe = Set.of(ReportStatements.PROBE_HEALTH);
    assertThat(ReportStatements.of(Chat.KB).read("Health probe is green for the backend (172.20.2.4) but nobody can reach the site on port 80",
        probe, Set.of(), Set.of())).singleElement().satisfies(a -> assertThat(a.value()).isEqualTo("yes"));
    assertThat(ReportStatements.of(Chat.KB).read("lb-web marks both backends unhealthy", probe, Set.of(), Set.of())).singleElement()
        .satisfies(a -> assertThat(a.value()).isEqualTo("no"));
    assertThat(ReportStatements.of(Chat.KB).read("Health probe status is 0 for 172.18.0.5 and 100 for 172.18.0.6", probe, Set.of(), Set.of()))
        .singleElement().satisfies(a -> assertThat(a.value()).as("one backend at 0 is a failing probe").isEqualTo("no"));
  }
}
