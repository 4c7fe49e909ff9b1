package dev.lbtriage.bot.teams;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The Teams endpoint in Jetty 12 on a chosen address: {@value #MESSAGES_PATH} (the Azure Bot's messaging
 * endpoint), {@value #HEALTH_PATH} (200 for load balancers); every other path 404.
 */
final class TeamsServer implements AutoCloseable {
  static final String MESSAGES_PATH = "/api/messages";
  static final String HEALTH_PATH = "/healthz";

  private final Server server;
  private final ServerConnector connector;

  TeamsServer(MessagesServlet messages, String bindAddress, int port) {
    server = new Server();
    connector = new ServerConnector(server);
    connector.setHost(bindAddress);
    connector.setPort(port);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");
    context.addServlet(new ServletHolder(messages), MESSAGES_PATH);
    context.addServlet(new ServletHolder(new Health()), HEALTH_PATH);
    context.addServlet(new ServletHolder(new Elsewhere()), "/");
    server.setHandler(context);
    server.setStopAtShutdown(true);
  }

  TeamsServer start() throws Exception {
    server.start();
    return this;
  }

  int port() {
    return connector.getLocalPort();
  }

  URI messagesUri() {
    String host = connector.getHost() == null ? "127.0.0.1" : connector.getHost();
    return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + MESSAGES_PATH);
  }

  void join() throws InterruptedException {
    server.join();
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }

  private static final class Health extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      if (!"GET".equals(req.getMethod())) {
        resp.setHeader("Allow", "GET");
        MessagesServlet.plain(resp, 405, "method not allowed");
        return;
      }
      MessagesServlet.plain(resp, 200, "ok");
    }
  }

  private static final class Elsewhere extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      MessagesServlet.plain(resp, 404, "not found");
    }
  }
}
