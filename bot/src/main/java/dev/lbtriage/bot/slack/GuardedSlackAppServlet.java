package dev.lbtriage.bot.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.jakarta_servlet.SlackAppServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bolt's servlet, but a body Bolt cannot parse (it parses before it checks the signature) is answered 400 with a
 * short JSON error instead of a 500 page carrying the exception text. Anyone can reach this path, so garbage must
 * not reach a stack trace on the wire.
 */
final class GuardedSlackAppServlet extends SlackAppServlet {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(GuardedSlackAppServlet.class);

  GuardedSlackAppServlet(App app) {
    super(app);
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    try {
      super.doPost(req, resp);
    } catch (RuntimeException e) {
      LOG.info("Unparseable request on {} refused: {}", req.getRequestURI(), e.getClass().getSimpleName());
      if (!resp.isCommitted()) {
        resp.reset();
        resp.setStatus(400);
        resp.setContentType("application/json");
        resp.getWriter().write("{\"error\":\"invalid request\"}");
      }
    }
  }
}
