package dev.lbtriage.bot.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/messages}: reads the activity (at most {@value #MAX_BODY} bytes of JSON), checks its token
 * ({@link BotTokenCheck}; skipped only in development mode, which binds to loopback), then hands it to the bot. A
 * refused request gets 401 or 403 with one line and starts nothing.
 */
final class MessagesServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  static final int MAX_BODY = 512 * 1024;
  private static final Logger LOG = LoggerFactory.getLogger(MessagesServlet.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final transient BotTokenCheck check;
  private final transient TeamsBot bot;

  /** @param check null in development mode only */
  MessagesServlet(BotTokenCheck check, TeamsBot bot) {
    this.check = check;
    this.bot = bot;
  }

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    if (!"POST".equals(req.getMethod())) {
      resp.setHeader("Allow", "POST");
      plain(resp, 405, "method not allowed");
      return;
    }
    if (req.getContentLengthLong() > MAX_BODY) {
      plain(resp, 413, "activity too large");
      return;
    }
    byte[] raw;
    try (InputStream in = req.getInputStream()) {
      raw = in.readNBytes(MAX_BODY + 1);
    }
    if (raw.length > MAX_BODY) {
      plain(resp, 413, "activity too large");
      return;
    }
    JsonNode json;
    try {
      json = JSON.readTree(new String(raw, StandardCharsets.UTF_8));
    } catch (IOException e) {
      json = null;
    }
    if (json == null || !json.isObject()) {
      plain(resp, 400, "the body is not a JSON activity");
      return;
    }
    Activity activity = new Activity(json);
    if (check != null) {
      try {
        check.verify(req.getHeader("Authorization"), activity.serviceUrl(), activity.channelId());
      } catch (Rejected e) {
        LOG.warn("Refused an activity from {} with {}: {}", req.getRemoteAddr(), e.status(), e.getMessage());
        plain(resp, e.status(), e.status() == 401 ? "unauthorized" : "forbidden");
        return;
      }
    }
    TeamsBot.Answer answer = bot.onActivity(activity);
    resp.setStatus(answer.status());
    if (answer.body() != null) {
      resp.setContentType("application/json; charset=utf-8");
      resp.getOutputStream().write(JSON.writeValueAsBytes(answer.body()));
    }
  }

  static void plain(HttpServletResponse resp, int status, String line) throws IOException {
    resp.setStatus(status);
    resp.setContentType("text/plain; charset=utf-8");
    resp.getWriter().write(line + "\n");
  }
}
