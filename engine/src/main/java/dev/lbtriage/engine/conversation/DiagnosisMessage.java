package dev.lbtriage.engine.conversation;

import dev.lbtriage.engine.diagnosis.Diagnosis;
import dev.lbtriage.engine.message.Message;
import dev.lbtriage.engine.message.Section;
import dev.lbtriage.rules.facts.ArmId;
import java.util.Locale;

/**
 * A one-shot diagnosis ({@code lb-triage diagnose}) as ONE message of the message model, built from
 * the same parts as the conversation's conclusion: the headline ({@link Conclusion#headline}), the
 * details ({@link Conclusion#detailsMessage}), the questions still open, each with its how-to per
 * platform, and what to collect for a support case ({@link Conclusion#supportMessage}). Any renderer
 * prints it; there is no text renderer of diagnoses of its own.
 */
public final class DiagnosisMessage {
  private DiagnosisMessage() {}

  /**
   * @param howToAnswer how this face takes answers to open questions (e.g. {@code Answer with --answer ID=VALUE.}),
   *     shown under their heading; null for none
   * @param howToBundle how this face makes a support-case bundle (e.g. {@code add --bundle FILE.zip}), said in place
   *     of the chat's offer when no cause is confirmed; null to leave the offer out
   */
  public static Message of(Diagnosis d, String howToAnswer, String howToBundle) {
    Message head = Conclusion.headline(d);
    Message.Builder m = Message.builder(head.title());
    m.context("Symptom " + d.symptom().id() + (d.symptom().score() == null ? ""
        : String.format(Locale.ROOT, " (match %.2f)", d.symptom().score())) + "; load balancer "
        + ArmId.name(d.loadBalancer()) + " (resource group " + ArmId.resourceGroup(d.loadBalancer()) + ")");
    for (Section s : head.sections()) {
      if (s instanceof Section.Buttons b && b.offer()) {
        // the chat's offer is a command said in the chat; a one-shot diagnosis says its own way, if it has one
        if (howToBundle != null) {
          m.context(b.buttons().get(0).label() + ": " + howToBundle);
        }
      } else {
        m.add(s);
      }
    }
    Message details = Conclusion.detailsMessage(d);
    m.heading(details.title()).addAll(details.sections());
    if (!d.questions().isEmpty()) {
      m.heading("Open questions").context(howToAnswer);
      for (Diagnosis.OpenQuestion q : d.questions()) {
        m.text(q.id() + ": " + q.text());
        if (q.how() != null) {
          m.add(q.how());
        }
      }
    }
    if (!d.supportCase().isEmpty()) {
      Message support = Conclusion.supportMessage(d);
      m.heading(support.title()).addAll(support.sections());
    }
    return m.build();
  }

}
