package dev.lbtriage.engine.gather.azure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the live reader GETs for a pool member that is a scale set instance (id shape of Azure's InboundNatRuleGet example). */
class VmssInstanceRefsTest {
  static final String IPC = "/subscriptions/subid/resourceGroups/testrg/providers/Microsoft.Compute/virtualMachineScaleSets/vmss1"
      + "/virtualMachines/1/networkInterfaces/nic1/ipConfigurations/ip1";

  @Test
  void the_instance_nic_the_instance_and_the_scale_set() {
    assertThat(ArmRefs.nic(IPC)).isNull();
    assertThat(ArmRefs.vmssNic(IPC)).endsWith("/vmss1/virtualMachines/1/networkInterfaces/nic1");
    assertThat(ArmRefs.vmssVm(IPC)).endsWith("/vmss1/virtualMachines/1");
    assertThat(ArmRefs.vmss(IPC)).endsWith("/virtualMachineScaleSets/vmss1");
  }
}
