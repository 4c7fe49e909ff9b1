package dev.lbtriage.engine.gather.azure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a stub scenario folder like {@code arm-stub/natrules} but with {@code members} pool members:
 * the load balancer, its public IP, VNet, NSG, route table and metrics as they are; the running
 * member's NIC, VM and effective-rules/routes payloads cloned under new names ({@code nicbenchNN},
 * {@code vmbenchNN}) and private IPs ({@code 10.0.2.x}, invented: outside subnet1's prefix, which
 * only matters to the rules, not to the gather); the original two NICs and VMs dropped and the NAT
 * rule pointed at the first clone. Only for timing the live gather; the facts are not checked.
 */
final class ManyMembersScenario {

  private static final String BASE = "/arm-stub/natrules/";
  private static final String NIC = "nic28110592805";
  private static final String OTHER_NIC = "nic43187a6ecd2";
  private static final String VM = "vmb9f0738985";
  private static final List<String> AS_IS = List.of("lb-lb164701.json", "pip-pipa164701.json", "vnet-net164701.json",
      "nsg-nsg164701.json", "rt-rt164701.json", "metrics-dipavailability.json", "metrics-vipavailability.json");

  private ManyMembersScenario() {}

  static String nicName(int i) {
    return String.format("nicbench%02d", i);
  }

  /** The scenario in a new temporary folder. */
  static Path write(int members) throws IOException {
    Path dir = Files.createTempDirectory("arm-stub-" + members + "-members");
    for (String f : AS_IS) {
      Files.writeString(dir.resolve(f), text(f));
    }
    String nic = text("nic-" + NIC + ".json");
    String vm = text("vm-" + VM + ".json");
    String nsg = text(NIC + ".effective-nsg.json");
    String routes = text(NIC + ".effective-routes.json");
    for (int i = 0; i < members; i++) {
      String n = nicName(i);
      String v = String.format("vmbench%02d", i);
      ObjectNode nicDoc = (ObjectNode) StubArm.JSON.readTree(rename(nic, n, v));
      for (JsonNode ipc : nicDoc.path("properties").path("ipConfigurations")) {
        ((ObjectNode) ipc.path("properties")).put("privateIPAddress", "10.0.2." + (4 + i));
      }
      Files.writeString(dir.resolve("nic-" + n + ".json"), nicDoc.toString());
      Files.writeString(dir.resolve("vm-" + v + ".json"), rename(vm, n, v));
      Files.writeString(dir.resolve(n + ".effective-nsg.json"), rename(nsg, n, v));
      Files.writeString(dir.resolve(n + ".effective-routes.json"), rename(routes, n, v));
    }
    String lbFile = "lb-lb164701.json";
    ObjectNode lb = (ObjectNode) StubArm.JSON.readTree(text(lbFile).replace(OTHER_NIC, nicName(0)).replace(NIC, nicName(0)));
    String rg = lb.path("id").asText().replaceAll("/providers/.*", "");
    for (JsonNode pool : lb.path("properties").path("backendAddressPools")) {
      ArrayNode refs = ((ObjectNode) pool.path("properties")).putArray("backendIPConfigurations");
      for (int i = 0; i < members; i++) {
        refs.addObject().put("id", rg + "/providers/Microsoft.Network/networkInterfaces/" + nicName(i)
            + "/ipConfigurations/primary");
      }
    }
    Files.writeString(dir.resolve(lbFile), lb.toString());
    return dir;
  }

  static String lbId(Path scenario) throws IOException {
    return StubArm.JSON.readTree(scenario.resolve("lb-lb164701.json").toFile()).path("id").asText();
  }

  private static String rename(String doc, String nic, String vm) {
    return doc.replace(NIC, nic).replace(VM, vm);
  }

  private static String text(String file) throws IOException {
    try (InputStream in = ManyMembersScenario.class.getResourceAsStream(BASE + file)) {
      if (in == null) {
        throw new IOException("no " + BASE + file + " on the class path (the engine test-jar)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
