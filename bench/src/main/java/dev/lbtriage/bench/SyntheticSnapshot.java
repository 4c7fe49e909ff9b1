package dev.lbtriage.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Writes a snapshot folder with N NICs behind one load balancer pool, built from real payloads
 * (the engine's {@code internal-basic} test snapshot, copied to {@code template/}; see its NOTES.md).
 */
public final class SyntheticSnapshot {
  static final String LB_NAME = "lb";
  private static final String TEMPLATE = "/dev/lbtriage/bench/template/";
  private static final String NIC_ID = "/subscriptions/subid/resourceGroups/rg1/providers/Microsoft.Network/networkInterfaces/";
  private static final String VM_ID = "/subscriptions/subid/resourceGroups/rg1/providers/Microsoft.Compute/virtualMachines/";
  private static final String NSG_ID = "/subscriptions/subid/resourceGroups/rg1/providers/Microsoft.Network/networkSecurityGroups/testnsg";
  private static final ObjectMapper JSON = new ObjectMapper();

  private SyntheticSnapshot() {}

  /** The private IP of NIC {@code i} (0-based): 10.0.8.5 upwards. */
  static String ip(int i) {
    int n = (8 << 8) + 5 + i;
    return "10.0." + (n >> 8) + "." + (n & 0xff);
  }

  static String nicName(int i) {
    return String.format("nic-%04d", i + 1);
  }

  public static Path write(Path dir, int nics) {
    if (nics < 1 || nics > 2000) {
      throw new IllegalArgumentException("nics must be 1..2000 (the subnet is a /21)");
    }
    try {
      Files.createDirectories(dir);
      ObjectNode vnet = template("vnet.json");
      for (JsonNode s : vnet.path("properties").path("subnets")) {
        if ("subnetlb".equals(s.path("name").asText())) {
          ((ObjectNode) s.path("properties")).put("addressPrefix", "10.0.8.0/21");
        }
      }
      write(dir.resolve("vnet.json"), vnet);
      write(dir.resolve("nsg.json"), template("nsg.json"));
      write(dir.resolve("routetable.json"), template("routetable.json"));

      ObjectNode lb = template("lb.json");
      ((ObjectNode) lb.path("properties").path("frontendIPConfigurations").get(0).path("properties"))
          .put("privateIPAddress", "10.0.8.4");
      ArrayNode members = ((ObjectNode) lb.path("properties").path("backendAddressPools").get(0).path("properties"))
          .putArray("backendIPConfigurations");

      ObjectNode nicTemplate = template("nic.json");
      for (int i = 0; i < nics; i++) {
        String name = nicName(i);
        ObjectNode nic = nicTemplate.deepCopy();
        nic.put("name", name);
        nic.put("id", NIC_ID + name);
        ObjectNode props = (ObjectNode) nic.path("properties");
        props.putObject("networkSecurityGroup").put("id", NSG_ID);
        props.putObject("virtualMachine").put("id", VM_ID + String.format("vm-%04d", i + 1));
        ObjectNode ipc = (ObjectNode) props.path("ipConfigurations").get(0);
        String ipcId = NIC_ID + name + "/ipConfigurations/ipconfig1";
        ipc.put("id", ipcId);
        ObjectNode ipcProps = (ObjectNode) ipc.path("properties");
        ipcProps.put("privateIPAddress", ip(i));
        ipcProps.remove("publicIPAddress");
        props.put("macAddress", String.format("00-0D-3A-1B-%02X-%02X", (i >> 8) & 0xff, i & 0xff));
        write(dir.resolve(name + ".json"), nic);
        members.addObject().put("id", ipcId);
      }
      write(dir.resolve("lb.json"), lb);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void delete(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectNode template(String file) throws IOException {
    try (InputStream in = SyntheticSnapshot.class.getResourceAsStream(TEMPLATE + file)) {
      if (in == null) {
        throw new IOException("benchmark template " + file + " is not on the class path");
      }
      return (ObjectNode) JSON.readTree(in);
    }
  }

  private static void write(Path file, JsonNode tree) throws IOException {
    JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), tree);
  }
}
