package dev.lbtriage.engine.gather.azure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DocumentsTest {

  @Test
  void aFailedReadIsTriedOnceAndReportedOnceWhateverTheCaseOfItsId() {
    Documents docs = new Documents();
    ReadTask task = new ReadTask("public-ip", Stubs.PIP, Stubs.LB, () -> null);

    docs.fail(task, "no permission");
    docs.fail(new ReadTask("public-ip", Stubs.PIP.toUpperCase(), Stubs.NIC1, () -> null), "no permission");

    assertThat(docs.tried("public-ip", Stubs.PIP.toLowerCase())).isTrue();
    assertThat(docs.has("public-ip", Stubs.PIP)).isFalse();
    assertThat(docs.failures()).singleElement().satisfies(f -> assertThat(f.referencedBy()).isEqualTo(Stubs.LB));
  }

  @Test
  void fileNamesAreStableAndDistinctForSameNamesInTwoResourceGroups() {
    Documents docs = new Documents();
    String other = Stubs.NIC1.replace("rg164701", "rg-other");
    docs.add("network-interface", other, StubArm.JSON.createObjectNode());
    docs.add("network-interface", Stubs.NIC1, StubArm.JSON.createObjectNode());
    docs.add("effective-security-rules", Stubs.NIC1, StubArm.JSON.createObjectNode());
    docs.add("effective-security-rules", other, StubArm.JSON.createObjectNode());

    assertThat(SnapshotNames.assign(docs.sorted()).keySet()).containsExactly("nic-nic28110592805.json",
        "nic-rg164701-nic28110592805.json", "nic28110592805.effective-nsg.json", "rg164701/nic28110592805.effective-nsg.json");
  }
}
