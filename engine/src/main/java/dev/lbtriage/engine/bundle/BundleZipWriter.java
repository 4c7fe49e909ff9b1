package dev.lbtriage.engine.bundle;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Adapter: writes a {@link Bundle} as one {@code .zip} whose entries sit under a top folder named
 * after the file ({@code lb-web-case.zip} unpacks to {@code lb-web-case/SUMMARY.md} ...). Written to
 * a temporary file first and moved in place, so a half-written zip is never left under the name.
 */
public final class BundleZipWriter {
  private BundleZipWriter() {}

  /** The folder name inside the zip for a zip file name. */
  public static String topFolder(Path zip) {
    String name = zip.getFileName().toString();
    return name.toLowerCase(java.util.Locale.ROOT).endsWith(".zip") ? name.substring(0, name.length() - 4) : name;
  }

  public static void write(Bundle bundle, Path zip) {
    Path target = zip.toAbsolutePath();
    try {
      Files.createDirectories(target.getParent());
      Path tmp = Files.createTempFile(target.getParent(), ".lb-triage-bundle-", ".zip.part");
      try {
        try (OutputStream os = Files.newOutputStream(tmp); ZipOutputStream z = new ZipOutputStream(os)) {
          write(bundle, topFolder(zip), z);
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the bundle to " + zip, e);
    }
  }

  /** The zip in memory, for a face that uploads it (a Slack file, a Teams attachment) without a file on disk. */
  public static byte[] bytes(Bundle bundle, String top) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(out)) {
      write(bundle, top, z);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static void write(Bundle bundle, String top, ZipOutputStream z) throws IOException {
    java.util.Set<String> dirs = new java.util.TreeSet<>();
    for (String name : bundle.files().keySet()) {
      String d = name;
      while (d.contains("/")) {
        d = d.substring(0, d.lastIndexOf('/'));
        dirs.add(d + "/");
      }
    }
    ZipEntry topEntry = new ZipEntry(top + "/");
    topEntry.setLastModifiedTime(FileTime.fromMillis(315532800000L));
    z.putNextEntry(topEntry);
    z.closeEntry();
    for (String d : dirs) {
      ZipEntry e = new ZipEntry(top + "/" + d);
      e.setLastModifiedTime(FileTime.fromMillis(315532800000L));
      z.putNextEntry(e);
      z.closeEntry();
    }
    for (Map.Entry<String, byte[]> f : bundle.files().entrySet()) {
      ZipEntry e = new ZipEntry(top + "/" + f.getKey());
      e.setLastModifiedTime(FileTime.fromMillis(315532800000L));
      z.putNextEntry(e);
      z.write(f.getValue());
      z.closeEntry();
    }
  }
}
