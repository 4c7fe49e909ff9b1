package dev.lbtriage.kb.match.round3;

import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Drops tokens made only of digits and dots (ports, addresses, metric values) once the synonyms have
 * had their say ("0 percent", "168.63.129.16" and "0.0.0.0/0" are concepts by then). A port number
 * in a KB example ("move the app from 80 to 8080") is incidental, not evidence for a symptom.
 */
final class NumberFilter extends FilteringTokenFilter {
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

  NumberFilter(TokenStream in) {
    super(in);
  }

  @Override
  protected boolean accept() {
    for (int i = 0; i < term.length(); i++) {
      char c = term.charAt(i);
      if ((c < '0' || c > '9') && c != '.') {
        return true;
      }
    }
    return false;
  }
}
