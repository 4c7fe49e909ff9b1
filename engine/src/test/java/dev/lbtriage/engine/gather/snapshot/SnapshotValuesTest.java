package dev.lbtriage.engine.gather.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbtriage.engine.diagnosis.Diagnoser;
import dev.lbtriage.engine.diagnosis.Diagnosis;
import dev.lbtriage.engine.gather.Progress;
import dev.lbtriage.kb.load.KnowledgeBaseLoader;
import dev.lbtriage.kb.model.KnowledgeBase;
import dev.lbtriage.kb.model.Symptom;
import dev.lbtriage.rules.diagnosis.RuleEngine;
import dev.lbtriage.rules.facts.AzureFacts;
import dev.lbtriage.rules.facts.SnapshotProblem;
import dev.lbtriage.rules.facts.SnapshotProblem.Severity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Values Azure would never accept, edited into the real-payload example {@code examples/healthy} (issue 19,
 * defect 1): each becomes an error naming the file, the JSON path and the value, the item it belongs to is left
 * out, and a diagnosis of every symptom still runs to its end. Before, they reached the rules and the diagnosis
 * stopped with "Exception executing consequence for rule ...", or were silently accepted (NSG priorities).
 */
class SnapshotValuesTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final KnowledgeBase KB = KnowledgeBaseLoader.loadBundled();
  static final Diagnoser DIAGNOSER = new Diagnoser(KB, RuleEngine.fromClasspath());
  static final Path HEALTHY = Path.of("..", "examples", "healthy");

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"999.1.1.1/40", "abc", "*", "10.0.0.0/", "10.0.0.0/8/8", "1.2.3"})
  void an_invalid_subnet_prefix_is_a_problem_the_subnet_stays_and_the_diagnosis_goes_on(String bad) {
    AzureFacts facts = edited("vnet-shop.json", root -> ((ObjectNode) root.path("properties").path("subnets").get(0).path("properties"))
        .put("addressPrefix", bad));
    assertThat(error(facts, "vnet-shop.json")).satisfies(p -> {
      assertThat(p.jsonPath()).isEqualTo("$.properties.subnets[0].properties.addressPrefix");
      assertThat(p.message()).contains("must be an IP prefix").contains("\"" + bad + "\"");
    });
    // only the prefix is left out: the subnet stays, with its NSG (which decides the flows) and its VNet
    assertThat(facts.subnets()).singleElement().satisfies(sub -> {
      assertThat(sub.addressPrefixes()).isEmpty();
      assertThat(sub.nsgId()).endsWith("/networkSecurityGroups/nsg-shop");
    });
    assertThat(facts.virtualNetworks()).hasSize(1);
    diagnosesEverySymptom(facts);
  }

  @Test
  void one_bad_vnet_address_space_prefix_drops_only_that_prefix_not_the_vnet_and_its_subnets() {
    AzureFacts facts = edited("vnet-shop.json", root -> ((com.fasterxml.jackson.databind.node.ArrayNode) root.path("properties")
        .path("addressSpace").path("addressPrefixes")).insert(0, "10.0.0.0/"));
    SnapshotProblem p = error(facts, "vnet-shop.json");
    assertThat(p.jsonPath()).isEqualTo("$.properties.addressSpace.addressPrefixes[0]");
    assertThat(p.message()).contains("\"10.0.0.0/\"");
    assertThat(facts.virtualNetworks()).singleElement().satisfies(v -> assertThat(v.addressSpace()).containsExactly("172.18.0.0/28"));
    assertThat(facts.subnets()).hasSize(1);
    diagnosesEverySymptom(facts);
  }

  @Test
  void a_bad_optional_value_drops_that_field_and_keeps_its_item() {
    // a probe interval of 0: the probe stays (port, protocol, path), its interval is not known
    AzureFacts probe = edited("lb.json", root -> ((ObjectNode) root.path("properties").path("probes").get(0).path("properties"))
        .put("intervalInSeconds", 0));
    SnapshotProblem p = error(probe, "lb.json");
    assertThat(p.jsonPath()).isEqualTo("$.properties.probes[0].properties.intervalInSeconds");
    assertThat(p.message()).contains("found 0");
    assertThat(probe.loadBalancers().get(0).probes()).anySatisfy(h -> {
      assertThat(h.name()).isEqualTo("httpProbe");
      assertThat(h.port()).isEqualTo(80);
      assertThat(h.intervalSeconds()).isNull();
    });
    assertThat(probe.loadBalancers().get(0).rules()).hasSize(2);
    diagnosesEverySymptom(probe);
  }

  @Test
  void a_frontend_with_a_bad_private_address_stays_without_its_address() {
    // the frontend stays (rules point at it), its address is not known
    AzureFacts frontend = edited("lb.json", root -> ((ObjectNode) root.path("properties").path("frontendIPConfigurations").get(0)
        .path("properties")).put("privateIPAddress", "172.18.0.400"));
    assertThat(error(frontend, "lb.json").jsonPath()).isEqualTo("$.properties.frontendIPConfigurations[0].properties.privateIPAddress");
    assertThat(frontend.loadBalancers().get(0).frontends()).singleElement().satisfies(f -> {
      assertThat(f.name()).isEqualTo("lb-shop-FE1");
      assertThat(f.privateIp()).isNull();
    });
    diagnosesEverySymptom(frontend);
  }

  @Test
  void one_bad_security_rule_keeps_the_other_rules_of_the_nsg() {
    AzureFacts facts = edited("nsg-shop.json", root -> ((ObjectNode) root.path("properties").path("securityRules").get(0).path("properties"))
        .put("priority", 5000));
    int before = new SnapshotReader(HEALTHY).everything(Progress.none()).networkSecurityGroups().get(0).rules().size();
    assertThat(error(facts, "nsg-shop.json").message()).contains("found 5000");
    assertThat(facts.networkSecurityGroups()).singleElement().satisfies(n -> {
      assertThat(n.rules()).hasSize(before - 1);
      assertThat(n.defaultRules()).isNotEmpty();
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "10.0.0.300", "abc", "172.18.0.5/24", "::zz"})
  void an_invalid_nic_address_is_a_problem_and_the_ip_configuration_a_missing_fact(String bad) {
    AzureFacts facts = edited("nic-shop-1.json", root -> ((ObjectNode) root.path("properties").path("ipConfigurations").get(0).path("properties"))
        .put("privateIPAddress", bad));
    SnapshotProblem p = error(facts, "nic-shop-1.json");
    assertThat(p.jsonPath()).isEqualTo("$.properties.ipConfigurations[0].properties.privateIPAddress");
    assertThat(p.message()).contains("must be an IP address").contains(JsonTypes.quoted(bad));
    AzureFacts gathered = new SnapshotReader(dir).gather("lb-shop", Progress.none());
    assertThat(gathered.missing()).anySatisfy(m -> {
      assertThat(m.kind()).isEqualTo("ip-configuration");
      assertThat(m.reference()).containsIgnoringCase("nic-shop-1");
      assertThat(m.reason()).contains("left out");
    });
    diagnosesEverySymptom(gathered);
    diagnosesEverySymptom(facts);
  }

  @Test
  void a_nic_ip_configuration_without_properties_is_a_problem_not_a_crash() {
    AzureFacts facts = edited("nic-shop-1.json", root -> ((ObjectNode) root.path("properties").path("ipConfigurations").get(0)).remove("properties"));
    assertThat(error(facts, "nic-shop-1.json").message()).contains("missing required field 'privateIPAddress'");
    diagnosesEverySymptom(facts);
  }

  @ParameterizedTest
  @ValueSource(ints = {70000, -1, 65536, Integer.MAX_VALUE})
  void an_invalid_backend_port_leaves_out_its_rule(int bad) {
    AzureFacts facts = edited("lb.json", root -> ((ObjectNode) root.path("properties").path("loadBalancingRules").get(0).path("properties"))
        .put("backendPort", bad));
    SnapshotProblem p = error(facts, "lb.json");
    assertThat(p.jsonPath()).isEqualTo("$.properties.loadBalancingRules[0].properties.backendPort");
    assertThat(p.message()).contains("must be a port from 0 to 65535, found " + bad);
    assertThat(facts.loadBalancers().get(0).rules()).noneMatch(r -> r.backendPort() == bad);
    diagnosesEverySymptom(facts);
  }

  @Test
  void a_probe_port_of_zero_leaves_out_the_probe() {
    AzureFacts facts = edited("lb.json", root -> ((ObjectNode) root.path("properties").path("probes").get(0).path("properties")).put("port", 0));
    assertThat(error(facts, "lb.json").message()).contains("'port' must be a port from 1 to 65535, found 0");
    diagnosesEverySymptom(facts);
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 0, 99, 4097, 65001})
  void a_custom_security_rule_priority_outside_100_to_4096_is_refused(int bad) {
    AzureFacts facts = edited("nsg-shop.json", root -> ((ObjectNode) root.path("properties").path("securityRules").get(0).path("properties"))
        .put("priority", bad));
    SnapshotProblem p = error(facts, "nsg-shop.json");
    assertThat(p.jsonPath()).isEqualTo("$.properties.securityRules[0].properties.priority");
    assertThat(p.message()).contains("from 100 to 4096, found " + bad);
    assertThat(facts.networkSecurityGroups().get(0).rules()).noneMatch(r -> r.priority() == bad);
    diagnosesEverySymptom(facts);
  }

  @ParameterizedTest
  @ValueSource(strings = {"999.1.1.1/40", "10.0.0.0/", "1.2.3.4.5", "80-", "$$"})
  void an_invalid_security_rule_prefix_or_port_range_is_refused(String bad) {
    String field = bad.startsWith("80") ? "destinationPortRange" : "sourceAddressPrefix";
    AzureFacts facts = edited("nsg-shop.json", root -> ((ObjectNode) root.path("properties").path("securityRules").get(0).path("properties"))
        .put(field, bad));
    SnapshotProblem p = error(facts, "nsg-shop.json");
    assertThat(p.jsonPath()).isEqualTo("$.properties.securityRules[0].properties." + field);
    assertThat(p.message()).contains(JsonTypes.quoted(bad));
    diagnosesEverySymptom(facts);
  }

  @Test
  void every_bundled_example_and_fixture_value_is_accepted() throws IOException {
    try (Stream<Path> examples = Files.list(Path.of("..", "examples"))) {
      for (Path folder : examples.filter(Files::isDirectory).toList()) {
        AzureFacts facts = new SnapshotReader(folder).everything(Progress.none());
        assertThat(facts.problems()).as(folder.toString()).noneMatch(p -> p.message().contains("; left out"));
      }
    }
  }

  private void diagnosesEverySymptom(AzureFacts facts) {
    String lb = facts.loadBalancers().isEmpty() ? "lb-shop" : facts.loadBalancers().get(0).name();
    for (Symptom s : KB.symptoms()) {
      Diagnosis d = DIAGNOSER.diagnose(facts, lb, s.id(), null, List.of());
      assertThat(d).as(s.id()).isNotNull();
    }
  }

  private static SnapshotProblem error(AzureFacts facts, String file) {
    List<SnapshotProblem> errors = facts.problems().stream().filter(p -> p.severity() == Severity.ERROR && p.file().equals(file)).toList();
    assertThat(errors).as("errors of %s in %s", file, facts.problems()).hasSize(1);
    return errors.get(0);
  }

  private AzureFacts edited(String file, Consumer<JsonNode> edit) {
    try (Stream<Path> files = Files.list(HEALTHY)) {
      for (Path f : files.toList()) {
        Files.copy(f, dir.resolve(f.getFileName().toString()));
      }
      JsonNode root = JSON.readTree(dir.resolve(file).toFile());
      edit.accept(root);
      JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve(file).toFile(), root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new SnapshotReader(dir).gather("lb-shop", Progress.none());
  }
}
