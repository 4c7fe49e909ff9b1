package dev.lbtriage.engine.gather.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbtriage.engine.gather.Progress;
import dev.lbtriage.rules.facts.AzureFacts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Instance NICs of one scale set all carry the NIC configuration's name, so effective rules named
 * after "primary-nic-cfg" belong to the instance whose id the payload's association names, not to all.
 */
class VmssInstanceEffectiveRulesTest {

  @Test
  void effective_rules_go_to_the_instance_nic_their_association_names(@TempDir Path tmp) throws Exception {
    Path stub = Path.of("src/test/resources/arm-stub/vmss");
    try (Stream<Path> files = Files.list(stub)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
        Files.copy(f, tmp.resolve(f.getFileName()));
      }
    }
    ObjectMapper json = new ObjectMapper();
    String nic1 = json.readTree(stub.resolve("nic-vmss47409-1-nic-primary-nic-cfg.json").toFile()).path("id").asText();
    // the real effective-rules payload of the natrules scenario (its NIC and subnet ids rewritten by make_arm_stub.py)
    ObjectNode effective = (ObjectNode) json.readTree(Path.of("src/test/resources/arm-stub/natrules/nic28110592805.effective-nsg.json").toFile());
    ((ObjectNode) effective.path("value").get(0).path("association").path("networkInterface")).put("id", nic1);
    json.writeValue(tmp.resolve("primary-nic-cfg.effective-nsg.json").toFile(), effective);

    AzureFacts facts = new SnapshotReader(tmp).gather("extlb1-3b962020e", Progress.none());

    assertThat(facts.networkInterfaces()).hasSize(4).allSatisfy(n -> assertThat(n.name()).isEqualTo("primary-nic-cfg"));
    assertThat(facts.effectiveSecurityRules()).singleElement().satisfies(e -> assertThat(e.nicId()).isEqualToIgnoringCase(nic1));
  }
}
