package dev.lbtriage.bot.teams;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for the OneDrive upload session behind {@code uploadInfo.uploadUrl}, on loopback: records every PUT
 * (Content-Range, Authorization, bytes) and answers as an upload session does: 202 with {@code nextExpectedRanges}
 * after a range that is not the last, 201 with the drive item after the last one, 416 to a range out of order.
 */
final class FakeUploadSession implements AutoCloseable {
  record Put(String method, String contentRange, String authorization, byte[] bytes, int status) {}

  private static final Pattern RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+)");
  private final HttpServer server;
  private final List<Put> puts = new ArrayList<>();
  private final ByteArrayOutputStream file = new ByteArrayOutputStream();

  FakeUploadSession() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  String uploadUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/up/fe6987415ace7X4e1eF866337";
  }

  synchronized List<Put> puts() {
    return List.copyOf(puts);
  }

  /** The bytes received, in order, when every range came and fitted. */
  synchronized byte[] file() {
    return file.toByteArray();
  }

  private void handle(HttpExchange ex) throws IOException {
    byte[] bytes = ex.getRequestBody().readAllBytes();
    String range = ex.getRequestHeaders().getFirst("Content-Range");
    int status;
    String answer;
    synchronized (this) {
      Matcher m = range == null ? null : RANGE.matcher(range);
      if (!"PUT".equals(ex.getRequestMethod()) || m == null || !m.matches()) {
        status = 400;
        answer = "{\"error\":{\"code\":\"invalidRequest\"}}";
      } else {
        long start = Long.parseLong(m.group(1));
        long end = Long.parseLong(m.group(2));
        long total = Long.parseLong(m.group(3));
        if (start != file.size() || end - start + 1 != bytes.length) {
          status = 416;
          answer = "{\"error\":{\"code\":\"invalidRange\"}}";
        } else {
          file.write(bytes);
          if (end + 1 < total) {
            status = 202;
            answer = "{\"expirationDateTime\":\"2026-12-04T09:21:55.523Z\",\"nextExpectedRanges\":[\"" + (end + 1) + "-\"]}";
          } else {
            status = 201;
            answer = "{\"id\":\"1150D938-8870-4044-9F2C-5BBDEBA70C8C\",\"name\":\"bundle.zip\",\"size\":" + total + "}";
          }
        }
      }
      puts.add(new Put(ex.getRequestMethod(), range, ex.getRequestHeaders().getFirst("Authorization"), bytes, status));
    }
    byte[] out = answer.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, out.length);
    ex.getResponseBody().write(out);
    ex.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
