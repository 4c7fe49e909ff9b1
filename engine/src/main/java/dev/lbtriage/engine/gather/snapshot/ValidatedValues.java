package dev.lbtriage.engine.gather.snapshot;

import dev.lbtriage.rules.network.IpPrefix;
import dev.lbtriage.rules.network.PortRange;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a value read from a snapshot (or from Azure, which is read the same way) may be, by field name, checked
 * where {@link JsonCursor} reads it: addresses, prefixes, port ranges, ports and priorities. A value outside what
 * Azure itself accepts is refused with a {@link FieldException} naming the JSON path and the value, so the item
 * it belongs to is left out (and whatever refers to it becomes a missing fact) instead of reaching a rule that
 * would fail on it. Fields not listed here are read as they are.
 */
final class ValidatedValues {

  /** A service tag or another symbolic prefix ({@code VirtualNetwork}, {@code Storage.WestEurope}, {@code AzureCloud}). */
  private static final Pattern TAG = Pattern.compile("[A-Za-z][A-Za-z0-9._-]{0,79}");

  private ValidatedValues() {}

  /** Checks a string field; throws {@link FieldException} at {@code at}'s path when the value is not acceptable. */
  static void text(ProblemLog log, JsonCursor at, String field, String value) {
    String f = field.toLowerCase(Locale.ROOT);
    switch (f) {
      case "privateipaddress", "ipaddress", "nexthopipaddress" -> {
        if (!isAddress(value)) {
          throw refused(at.path(), field, value, "an IP address");
        }
      }
      case "addressprefix", "addressprefixes" -> {
        if (!IpPrefix.isPrefix(value) || value.isBlank()) {
          String path = at.path();
          boolean tags = path.toLowerCase(Locale.ROOT).contains("routes[") || log.file().toLowerCase(Locale.ROOT).endsWith(".effective-routes.json");
          if (!tags || !TAG.matcher(value).matches()) {
            throw refused(path, field, value, tags ? "an IP prefix (CIDR) or a service tag" : "an IP prefix (CIDR)");
          }
        }
      }
      case "sourceaddressprefix", "sourceaddressprefixes", "destinationaddressprefix", "destinationaddressprefixes",
          "expandedsourceaddressprefix", "expandedsourceaddressprefixes", "expandeddestinationaddressprefix",
          "expandeddestinationaddressprefixes" -> {
        String v = value.trim();
        if (!v.equals("*") && !IpPrefix.isPrefix(v) && (looksNumeric(v) || !TAG.matcher(v).matches())) {
          throw refused(at.path(), field, value, "*, an IP address, a CIDR prefix or a service tag");
        }
      }
      case "sourceportrange", "sourceportranges", "destinationportrange", "destinationportranges" -> {
        try {
          PortRange.parse(value);
        } catch (IllegalArgumentException e) {
          throw refused(at.path(), field, value, "*, a port (0-65535) or a range of ports such as 8000-8080");
        }
      }
      default -> {
        // read as it is
      }
    }
  }

  /** Checks an integer field; throws {@link FieldException} at {@code at}'s path when it is out of Azure's range. */
  static void integer(JsonCursor at, String field, int value) {
    String f = field.toLowerCase(Locale.ROOT);
    switch (f) {
      case "port" -> range(at, field, value, 1, 65535, "a port");
      case "frontendport", "backendport" -> range(at, field, value, 0, 65535, "a port");
      case "intervalinseconds", "numberofprobes", "probethreshold" -> range(at, field, value, 1, Integer.MAX_VALUE, "a positive number");
      case "priority" -> {
        String p = at.path().toLowerCase(Locale.ROOT);
        if (p.contains("defaultsecurityrules")) {
          range(at, field, value, 65000, 65500, "a default rule's priority");
        } else if (p.contains("securityrules[") && !p.contains("effectivesecurityrules")) {
          range(at, field, value, 100, 4096, "a security rule's priority");
        } else {
          range(at, field, value, 100, 65500, "a security rule's priority");
        }
      }
      default -> {
        // read as it is
      }
    }
  }

  static boolean isAddress(String value) {
    return value != null && value.indexOf('/') < 0 && IpPrefix.isAddress(value);
  }

  private static boolean looksNumeric(String v) {
    return !v.isEmpty() && (Character.isDigit(v.charAt(0)) || v.indexOf(':') >= 0 || v.indexOf('/') >= 0);
  }

  private static void range(JsonCursor at, String field, int value, int min, int max, String what) {
    if (value < min || value > max) {
      throw new FieldException(at.path(), "'" + field + "' must be " + what + " from " + min + " to " + max + ", found " + value
          + "; left out");
    }
  }

  private static FieldException refused(String path, String field, String value, String expected) {
    return new FieldException(path, "'" + field + "' must be " + expected + ", found " + JsonTypes.quoted(value) + "; left out");
  }
}
