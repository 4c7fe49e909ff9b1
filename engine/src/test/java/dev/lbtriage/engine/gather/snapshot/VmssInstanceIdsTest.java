package dev.lbtriage.engine.gather.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbtriage.rules.facts.PoolMember;
import org.junit.jupiter.api.Test;

/** The id shape of a scale set instance NIC, as Azure's own InboundNatRuleGet example names it. */
class VmssInstanceIdsTest {
  // load-balancers/azure-rest-api-specs.network.2025-10-01.InboundNatRuleGet.json: properties.backendIPConfiguration.id
  static final String IPC = "/subscriptions/subid/resourceGroups/testrg/providers/Microsoft.Compute/virtualMachineScaleSets/vmss1"
      + "/virtualMachines/1/networkInterfaces/nic1/ipConfigurations/ip1";

  @Test
  void nic_scale_set_instance_and_instance_vm_come_from_the_ip_configuration_id() {
    PoolMember m = PoolMembers.fromIpConfiguration("pool", IPC, null);
    assertThat(m.nicId()).endsWith("/virtualMachineScaleSets/vmss1/virtualMachines/1/networkInterfaces/nic1");
    assertThat(m.vmssId()).endsWith("/providers/Microsoft.Compute/virtualMachineScaleSets/vmss1");
    assertThat(m.vmssInstanceId()).isEqualTo("1");
    assertThat(PoolMembers.vmssInstanceVmOf(m.nicId())).endsWith("/virtualMachineScaleSets/vmss1/virtualMachines/1");
  }
}
