package dev.lbtriage.bot.slack;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A tiny Socket Mode server on loopback: a bare RFC 6455 WebSocket (one client, text, ping/pong, close) that says
 * {@code hello}, lets the test push envelopes and records what the client sends back (the acks).
 */
final class FakeSocketMode implements AutoCloseable {

  private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

  private final ServerSocket server;
  private final List<String> received = new CopyOnWriteArrayList<>();
  private volatile Socket client;

  FakeSocketMode() throws IOException {
    server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::serve, "fake-socket-mode");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  String url() {
    return "ws://127.0.0.1:" + server.getLocalPort() + "/link";
  }

  boolean connected() {
    return client != null;
  }

  List<String> received() {
    return List.copyOf(received);
  }

  /** Pushes one text frame (an envelope) to the client. */
  synchronized void send(String text) throws IOException {
    writeFrame(client.getOutputStream(), 0x1, text.getBytes(StandardCharsets.UTF_8));
  }

  private void serve() {
    try {
      while (!server.isClosed()) {
        Socket socket = server.accept();
        handshake(socket);
        client = socket;
        send("{\"type\":\"hello\",\"num_connections\":1,\"debug_info\":{\"host\":\"fake\"},\"connection_info\":{\"app_id\":\"A1\"}}");
        read(socket);
      }
    } catch (IOException e) {
      // closed
    }
  }

  private static void handshake(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("closed during handshake");
      }
      head.write(b);
    }
    String key = head.toString(StandardCharsets.ISO_8859_1).lines()
        .filter(l -> l.toLowerCase(java.util.Locale.ROOT).startsWith("sec-websocket-key:"))
        .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElseThrow();
    String accept;
    try {
      accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.ISO_8859_1)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    socket.getOutputStream().write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: "
        + accept + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
    socket.getOutputStream().flush();
  }

  private void read(Socket socket) throws IOException {
    DataInputStream in = new DataInputStream(socket.getInputStream());
    while (true) {
      int b0 = in.readUnsignedByte();
      int b1 = in.readUnsignedByte();
      long length = b1 & 0x7f;
      if (length == 126) {
        length = in.readUnsignedShort();
      } else if (length == 127) {
        length = in.readLong();
      }
      byte[] mask = new byte[4];
      if ((b1 & 0x80) != 0) {
        in.readFully(mask);
      }
      byte[] payload = new byte[(int) length];
      in.readFully(payload);
      for (int i = 0; i < payload.length; i++) {
        payload[i] ^= mask[i % 4];
      }
      int opcode = b0 & 0x0f;
      if (opcode == 0x1) {
        received.add(new String(payload, StandardCharsets.UTF_8));
      } else if (opcode == 0x9) {
        synchronized (this) {
          writeFrame(socket.getOutputStream(), 0xA, payload);
        }
      } else if (opcode == 0x8) {
        synchronized (this) {
          writeFrame(socket.getOutputStream(), 0x8, new byte[0]);
        }
        socket.close();
        client = null;
        return;
      }
    }
  }

  private static void writeFrame(OutputStream out, int opcode, byte[] payload) throws IOException {
    out.write(0x80 | opcode);
    if (payload.length < 126) {
      out.write(payload.length);
    } else if (payload.length < 65536) {
      out.write(126);
      out.write(payload.length >>> 8);
      out.write(payload.length & 0xff);
    } else {
      out.write(127);
      for (int i = 7; i >= 0; i--) {
        out.write((int) ((long) payload.length >>> (8 * i)) & 0xff);
      }
    }
    out.write(payload);
    out.flush();
  }

  @Override
  public void close() throws IOException {
    server.close();
    Socket c = client;
    if (c != null) {
      c.close();
    }
  }
}
