package dev.lbtriage.rules.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** AzureFacts is a value like the record it was; its look-ups by id find what a linear search found. */
class AzureFactsTest {
  static final String RG = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/";

  static NetworkInterface nic(String id, String name) {
    return new NetworkInterface(id, name, "rg", List.of(), null, null, null, false, new Origin(id, name + ".json"));
  }

  static AzureFacts withNics(List<NetworkInterface> nics) {
    return new AzureFacts(List.of(), nics, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
        List.of(), List.of(), List.of(), List.of(), List.of());
  }

  @Test
  void lookUpsFindTheFirstLikeALinearSearch() {
    List<NetworkInterface> nics = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      nics.add(nic(RG + "networkInterfaces/nic" + i, "nic" + i));
    }
    nics.add(nic(RG.toUpperCase() + "NETWORKINTERFACES/NIC7/", "second copy of nic7"));
    nics.add(nic(null, "no id"));
    AzureFacts facts = withNics(nics);
    for (String probe : List.of(RG + "networkInterfaces/nic7", " " + RG.toUpperCase() + "networkinterfaces/nic7// ",
        RG + "networkInterfaces/nic49", RG + "networkInterfaces/nic50", "nic7", "")) {
      assertThat(facts.nic(probe)).as(probe)
          .isEqualTo(nics.stream().filter(n -> ArmId.same(n.id(), probe)).findFirst());
    }
    assertThat(facts.nic(RG + "networkInterfaces/NIC7").orElseThrow().name()).isEqualTo("nic7");
    assertThat(facts.nic(null)).isEmpty();
    assertThat(facts.vm(RG + "networkInterfaces/nic7")).isEmpty();
  }

  @Test
  void aValueLikeTheRecord() {
    NetworkInterface n = nic(RG + "networkInterfaces/a", "a");
    AzureFacts one = withNics(List.of(n));
    AzureFacts two = withNics(new ArrayList<>(List.of(n)));
    two.nic("anything"); // building the index does not change the value
    assertThat(one).isEqualTo(two).hasSameHashCodeAs(two).isNotEqualTo(AzureFacts.empty());
    assertThat(one.toString()).isEqualTo(two.toString()).startsWith("AzureFacts[loadBalancers=[], networkInterfaces=[" + n + "], ")
        .endsWith(", missing=[], problems=[]]");
    assertThat(AzureFacts.empty().hashCode()).isEqualTo(emptyRecordHash());
    assertThatThrownBy(() -> withNics(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void derivedIsComputedOnceAndKeptOutOfTheValue() {
    AzureFacts facts = withNics(List.of(nic(RG + "networkInterfaces/a", "a")));
    AtomicInteger calls = new AtomicInteger();
    Object key = new Object();
    assertThat(facts.<Integer>derived(key, f -> calls.incrementAndGet() + f.networkInterfaces().size())).isEqualTo(2);
    assertThat(facts.<Integer>derived(key, f -> calls.incrementAndGet())).isEqualTo(2);
    assertThat(calls).hasValue(1);
    assertThat(facts).isEqualTo(withNics(facts.networkInterfaces()));
  }

  /** A record's hash: 31 * h + each component's, from 0; for 14 empty lists. */
  private static int emptyRecordHash() {
    int h = 0;
    for (int i = 0; i < 14; i++) {
      h = 31 * h + List.of().hashCode();
    }
    return h;
  }
}
