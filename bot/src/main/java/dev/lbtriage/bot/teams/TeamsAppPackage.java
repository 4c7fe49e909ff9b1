package dev.lbtriage.bot.teams;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

/**
 * The Teams app package: {@code manifest.json} (manifest schema 1.29, from the template in the jar, every
 * {@code {{NAME}}} filled) and its two icons ({@code color.png} 192×192, {@code outline.png} 32×32 white on
 * transparent), zipped flat as Teams wants it.
 */
final class TeamsAppPackage {
  static final String TEMPLATE = "/teams/manifest.template.json";
  private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}");
  private static final Pattern HOLE = Pattern.compile("\\{\\{([A-Z_]+)}}");
  private static final Color ACCENT = new Color(0x00, 0x78, 0xD4);

  private TeamsAppPackage() {}

  /** The manifest with its holes filled; a value missing or malformed is an {@link IllegalArgumentException}. */
  static String manifest(Map<String, String> values) throws IOException {
    for (String guid : new String[] {"BOT_ID", "TEAMS_APP_ID"}) {
      String v = values.get(guid);
      if (v == null || !GUID.matcher(v).matches()) {
        throw new IllegalArgumentException(guid.equals("BOT_ID") ? "the bot's app id must be a GUID (the Azure Bot's Microsoft App ID), not " + v
            : "the Teams app id must be a GUID, not " + v);
      }
    }
    for (String url : new String[] {"WEBSITE_URL", "PRIVACY_URL", "TERMS_URL"}) {
      String v = values.get(url);
      if (v == null || !v.startsWith("https://")) {
        throw new IllegalArgumentException(url.toLowerCase().replace('_', '-') + " must be an https URL, not " + v);
      }
    }
    String template;
    try (InputStream in = TeamsAppPackage.class.getResourceAsStream(TEMPLATE)) {
      if (in == null) {
        throw new IOException("the manifest template " + TEMPLATE + " is missing from this build");
      }
      template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Matcher m = HOLE.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String v = values.get(m.group(1));
      if (v == null || v.isBlank()) {
        throw new IllegalArgumentException("no value for " + m.group(1));
      }
      m.appendReplacement(out, Matcher.quoteReplacement(jsonEscape(v)));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** Writes the zip: manifest.json, color.png, outline.png. */
  static void write(Path zip, String manifest) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("manifest.json", manifest.getBytes(StandardCharsets.UTF_8));
    entries.put("color.png", png(colorIcon()));
    entries.put("outline.png", png(outlineIcon()));
    Path tmp = Files.createTempFile(zip.toAbsolutePath().getParent(), ".teams-app", ".zip");
    try (OutputStream file = Files.newOutputStream(tmp); ZipOutputStream z = new ZipOutputStream(file)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        z.putNextEntry(new ZipEntry(e.getKey()));
        z.write(e.getValue());
        z.closeEntry();
      }
    }
    Files.move(tmp, zip, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  static BufferedImage colorIcon() {
    BufferedImage img = new BufferedImage(192, 192, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(ACCENT);
    g.fillRect(0, 0, 192, 192);
    drawBalancer(g, Color.WHITE, 192, 10f);
    g.dispose();
    return img;
  }

  static BufferedImage outlineIcon() {
    BufferedImage img = new BufferedImage(32, 32, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    drawBalancer(g, Color.WHITE, 32, 2f);
    g.dispose();
    return img;
  }

  /** One node fanning out to three: a load balancer. */
  private static void drawBalancer(Graphics2D g, Color color, int size, float stroke) {
    g.setColor(color);
    g.setStroke(new BasicStroke(stroke, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    int top = size / 5;
    int bottom = size * 4 / 5;
    int mid = size / 2;
    int r = Math.max(2, size / 12);
    g.fillOval(mid - r, top - r, 2 * r, 2 * r);
    for (int x : new int[] {size / 5, mid, size * 4 / 5}) {
      g.drawLine(mid, top, x, bottom);
      g.fillOval(x - r, bottom - r, 2 * r, 2 * r);
    }
  }

  private static byte[] png(BufferedImage img) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, "png", out);
    return out.toByteArray();
  }

  private static String jsonEscape(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
