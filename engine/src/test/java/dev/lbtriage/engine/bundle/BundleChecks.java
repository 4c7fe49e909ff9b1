package dev.lbtriage.engine.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** What the bundle tests check, shared with the bot's CLI tests (engine test-jar). */
public final class BundleChecks {
  private BundleChecks() {}

  /** Every Markdown file under the folder, parsed with commonmark: the link and image targets that do not resolve inside it. */
  public static List<String> unresolvedLinks(Path folder) throws IOException {
    Path root = folder.toAbsolutePath().normalize();
    List<String> bad = new ArrayList<>();
    for (Path md : files(root).stream().filter(p -> p.toString().endsWith(".md")).toList()) {
      for (String target : linkTargets(Files.readString(md))) {
        if (target.matches("(?i)(https?|mailto):.*") || target.startsWith("#")) {
          continue;
        }
        String path = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
        Path resolved = md.getParent().resolve(java.net.URLDecoder.decode(path, StandardCharsets.UTF_8)).normalize();
        if (!resolved.startsWith(root) || !Files.exists(resolved)) {
          bad.add(root.relativize(md) + " -> " + target);
        }
      }
    }
    return bad;
  }

  /** The link and image destinations of a Markdown text, as commonmark reads them. */
  public static List<String> linkTargets(String markdown) {
    Node doc = Parser.builder().build().parse(markdown);
    List<String> out = new ArrayList<>();
    doc.accept(new AbstractVisitor() {
      @Override
      public void visit(Link link) {
        out.add(link.getDestination());
        visitChildren(link);
      }

      @Override
      public void visit(Image image) {
        out.add(image.getDestination());
        visitChildren(image);
      }
    });
    return out;
  }

  /** Parses an SVG as XML (no DTD, no external entities); throws when it is not well-formed. */
  public static Document svg(byte[] bytes) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    f.setNamespaceAware(true);
    return f.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(bytes));
  }

  /** The {@code data-hop} of every element whose {@code data-state} is {@code state}. */
  public static Set<String> hops(Document svg, String state) {
    Set<String> out = new TreeSet<>();
    NodeList all = svg.getElementsByTagNameNS("*", "g");
    for (int i = 0; i < all.getLength(); i++) {
      Element e = (Element) all.item(i);
      if (e.hasAttribute("data-hop") && state.equals(e.getAttribute("data-state"))) {
        out.add(e.getAttribute("data-hop"));
      }
    }
    return out;
  }

  /** Every regular file under the folder. */
  public static List<Path> files(Path folder) throws IOException {
    try (Stream<Path> w = Files.walk(folder)) {
      return w.filter(Files::isRegularFile).sorted().toList();
    }
  }

  /** The entries of a zip, name to bytes (directories left out). */
  public static Map<String, byte[]> unzip(Path zip) throws IOException {
    Map<String, byte[]> out = new LinkedHashMap<>();
    try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
      ZipEntry e;
      while ((e = z.getNextEntry()) != null) {
        if (!e.isDirectory()) {
          out.put(e.getName(), z.readAllBytes());
        }
      }
    }
    return out;
  }

  /**
   * Where any of the values occurs, in any byte of any file under the folder and of any entry of any
   * zip there (compared without case, also as UTF-16 in case a writer chose it).
   */
  public static List<String> occurrences(Path folder, Iterable<String> values) throws IOException {
    List<String> found = new ArrayList<>();
    for (Path f : files(folder)) {
      byte[] bytes = Files.readAllBytes(f);
      scan(folder.relativize(f).toString(), bytes, values, found);
      if (f.toString().endsWith(".zip")) {
        for (Map.Entry<String, byte[]> e : unzip(f).entrySet()) {
          scan(f.getFileName() + "!" + e.getKey(), e.getValue(), values, found);
          scan(f.getFileName() + "!name", e.getKey().getBytes(StandardCharsets.UTF_8), values, found);
        }
      }
    }
    return found;
  }

  private static void scan(String where, byte[] bytes, Iterable<String> values, List<String> found) {
    String latin = new String(bytes, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
    String utf8 = new String(bytes, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
    String utf16 = new String(bytes, StandardCharsets.UTF_16LE).toLowerCase(Locale.ROOT);
    for (String v : values) {
      String l = v.toLowerCase(Locale.ROOT);
      if (latin.contains(l) || utf8.contains(l) || utf16.contains(l)) {
        found.add(where + " holds \"" + v + "\"");
      }
    }
  }
}
