package dev.lbtriage.engine.session;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.lbtriage.engine.conversation.Reply;
import dev.lbtriage.engine.message.Section;
import java.io.IOException;
import java.util.List;

/**
 * The JSON form of a turn's replies, kept with the turn until they are delivered (so a replica that dies between
 * saving a turn and sending it loses nothing: another sends them). The kind of each reply is a fixed name
 * ({@code "kind":"Prompt"}), never a class name; read as untrusted input like {@link StateJson}. An attachment's bytes
 * are kept as base64 (Jackson's form of {@code byte[]}).
 */
final class RepliesJson {
  /**
   * Longest replies read, in characters: an attachment of {@link Reply.Attachment#MAX_BYTES} as base64 and a
   * saved state's worth of text besides. Only this path, replies our own replicas wrote, reads that much; a
   * saved state (user input in it) keeps {@link StateJson#MAX_CHARS}, and user lines their own bound.
   */
  static final int MAX_CHARS = 4 * ((Reply.Attachment.MAX_BYTES + 2) / 3) + StateJson.MAX_CHARS;
  private static final TypeReference<List<Reply>> LIST = new TypeReference<>() {};

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
  @JsonSubTypes({
    @JsonSubTypes.Type(value = Reply.Say.class, name = "Say"),
    @JsonSubTypes.Type(value = Reply.Prompt.class, name = "Prompt"),
    @JsonSubTypes.Type(value = Reply.ProgressUpdate.class, name = "ProgressUpdate"),
    @JsonSubTypes.Type(value = Reply.Attachment.class, name = "Attachment")
  })
  private interface Kinds {}

  /** The message model's sections, by a fixed name each (never a class name). */
  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "section")
  @JsonSubTypes({
    @JsonSubTypes.Type(value = Section.Heading.class, name = "heading"),
    @JsonSubTypes.Type(value = Section.Text.class, name = "text"),
    @JsonSubTypes.Type(value = Section.Bullets.class, name = "bullets"),
    @JsonSubTypes.Type(value = Section.Steps.class, name = "steps"),
    @JsonSubTypes.Type(value = Section.Commands.class, name = "commands"),
    @JsonSubTypes.Type(value = Section.HowTo.class, name = "howTo"),
    @JsonSubTypes.Type(value = Section.Findings.class, name = "findings"),
    @JsonSubTypes.Type(value = Section.Buttons.class, name = "buttons"),
    @JsonSubTypes.Type(value = Section.Context.class, name = "context"),
    @JsonSubTypes.Type(value = Section.Notice.class, name = "notice")
  })
  private interface SectionKinds {}

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .addMixIn(Reply.class, Kinds.class)
      .addMixIn(Section.class, SectionKinds.class)
      .disable(com.fasterxml.jackson.databind.MapperFeature.AUTO_DETECT_IS_GETTERS)
      .build();

  static {
    MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
        .maxNestingDepth(32).maxStringLength(MAX_CHARS).maxDocumentLength(MAX_CHARS).build());
  }

  private RepliesJson() {}

  static String write(List<Reply> replies) {
    try {
      return MAPPER.writerFor(LIST).writeValueAsString(replies);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write replies as JSON", e);
    }
  }

  /** @throws IllegalArgumentException when the text is not a list of replies */
  static List<Reply> read(String json) {
    return json == null ? List.of() : read(new java.io.StringReader(json));
  }

  /**
   * Reads the replies as they stream from the store (an attachment's base64 is decoded as it is read,
   * never held as one more string); null reads as none.
   *
   * @throws IllegalArgumentException when the text is not a list of replies, or longer than {@link #MAX_CHARS}
   */
  static List<Reply> read(java.io.Reader json) {
    if (json == null) {
      return List.of();
    }
    try (java.io.Reader in = json) {
      return List.copyOf(MAPPER.readValue(in, LIST));
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("not valid saved replies: " + e.getMessage(), e);
    }
  }
}
