package dev.lbtriage.engine.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.UUID;

/**
 * A large, real-shaped snapshot: the {@code nsg-deny-all-subnet} example (real ARM payloads, see its
 * NOTES.md) with its pool grown to N backends, each a copy of {@code nic-web-1.json} and
 * {@code vm-web-1.json}. Edits, written down here as an example's NOTES.md would: the names
 * {@code nic-web-1}/{@code vm-web-1} become {@code nic-web-I}/{@code vm-web-I}; each copy gets its own
 * etag, resourceGuid, vmId, MAC address and private IP {@code 10.0.4.4} upwards; the VNet's address
 * space becomes {@code 10.0.0.0/16} and {@code subnet1} {@code 10.0.4.0/22} so the addresses fit; the
 * pool {@code backend1} lists every NIC. Unique ids, as real ones are, keep the zip from compressing
 * far below the JSON.
 */
public final class LargeSnapshot {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The example it grows. */
  public static final Path EXAMPLE = Path.of("..", "examples", "nsg-deny-all-subnet");

  private LargeSnapshot() {}

  /** Writes the snapshot folder with {@code backends} backends (1 to 1000) into {@code dir}. */
  public static Path write(Path dir, int backends) {
    if (backends < 1 || backends > 1000) {
      throw new IllegalArgumentException("backends must be 1..1000 (subnet1 is a /22)");
    }
    Random random = new Random(backends);
    try {
      Files.createDirectories(dir);
      for (String f : new String[] {"nsg-web.json", "pip-web.json"}) {
        Files.copy(EXAMPLE.resolve(f), dir.resolve(f));
      }
      ObjectNode vnet = read("vnet-web.json");
      ((ArrayNode) vnet.path("properties").path("addressSpace").path("addressPrefixes")).removeAll().add("10.0.0.0/16");
      for (JsonNode s : vnet.path("properties").path("subnets")) {
        if ("subnet1".equals(s.path("name").asText())) {
          ((ObjectNode) s.path("properties")).put("addressPrefix", "10.0.4.0/22");
        }
      }
      write(dir.resolve("vnet-web.json"), vnet);

      ObjectNode lb = read("lb.json");
      ArrayNode members = null;
      for (JsonNode pool : lb.path("properties").path("backendAddressPools")) {
        if ("backend1".equals(pool.path("name").asText())) {
          members = ((ObjectNode) pool.path("properties")).putArray("backendIPConfigurations");
        }
      }
      String nic = Files.readString(EXAMPLE.resolve("nic-web-1.json"));
      String vm = Files.readString(EXAMPLE.resolve("vm-web-1.json"));
      for (int i = 1; i <= backends; i++) {
        String name = "-web-" + i;
        ObjectNode n = (ObjectNode) JSON.readTree(nic.replace("nic-web-1", "nic" + name).replace("vm-web-1", "vm" + name));
        String etag = "W/\"" + uuid(random) + "\"";
        n.put("etag", etag);
        ObjectNode props = (ObjectNode) n.path("properties");
        props.put("resourceGuid", uuid(random));
        props.put("macAddress", String.format("00-0D-3A-%02X-%02X-%02X", random.nextInt(256), i >> 8, i & 0xff));
        ObjectNode ipc = (ObjectNode) props.path("ipConfigurations").get(0);
        ipc.put("etag", etag);
        ((ObjectNode) ipc.path("properties")).put("privateIPAddress", "10.0." + (4 + (i + 3) / 256) + "." + ((i + 3) % 256));
        write(dir.resolve("nic" + name + ".json"), n);
        members.addObject().put("id", ipc.path("id").asText());

        ObjectNode v = (ObjectNode) JSON.readTree(vm.replace("vm-web-1", "vm" + name).replace("nic-web-1", "nic" + name));
        ((ObjectNode) v.path("properties")).put("vmId", uuid(random));
        write(dir.resolve("vm" + name + ".json"), v);
      }
      write(dir.resolve("lb.json"), lb);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String uuid(Random r) {
    return new UUID(r.nextLong(), r.nextLong()).toString();
  }

  private static ObjectNode read(String file) throws IOException {
    return (ObjectNode) JSON.readTree(EXAMPLE.resolve(file).toFile());
  }

  private static void write(Path file, JsonNode doc) throws IOException {
    Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc) + "\n");
  }
}
