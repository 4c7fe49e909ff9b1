package dev.lbtriage.engine.gather.azure;

import java.io.IOException;

/** One request to the stub ARM and its answer, whatever the transport ({@link StubFront}). */
interface StubExchange {

  String method();

  String path();

  /** The raw query, or null. */
  String rawQuery();

  /** A request header, or null. */
  String header(String name);

  /** The request body as UTF-8 text. */
  String body() throws IOException;

  /** {@code HTTP/1.1} or {@code HTTP/2.0}. */
  String protocol();

  /** The client's address and port: the same for every request of one connection. */
  String connection();

  void addHeader(String name, String value);

  /** Sends the status and body (empty: none) and ends the exchange. */
  void send(int status, String body) throws IOException;

  /** Ends the exchange without an answer: the connection is closed under it. */
  void drop() throws IOException;

  /** What the stub does with each exchange. */
  @FunctionalInterface
  interface Handler {
    void handle(StubExchange exchange) throws IOException;
  }
}
