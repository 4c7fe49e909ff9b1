package dev.lbtriage.engine.session;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.lbtriage.engine.conversation.ConversationState;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The JSON form of a {@link ConversationState}. Read as untrusted input: no default typing (no
 * class names in the JSON, only the fixed record types), bounded nesting and string lengths,
 * trailing tokens refused. Unknown properties are ignored so a newer version's state still loads.
 * Times are ISO-8601 strings.
 */
public final class StateJson {
  /** Largest state read, in characters. */
  public static final int MAX_CHARS = 1 << 20;

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .addModule(new SimpleModule("instant").addSerializer(Instant.class, new InstantWriter())
          .addDeserializer(Instant.class, new InstantReader()))
      .build();

  static {
    MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
        .maxNestingDepth(32).maxStringLength(MAX_CHARS).maxDocumentLength(MAX_CHARS).build());
  }

  private StateJson() {}

  public static String write(ConversationState state) {
    try {
      return MAPPER.writeValueAsString(state);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write session " + state.id() + " as JSON", e);
    }
  }

  /** @throws IllegalArgumentException when the text is not a valid state */
  public static ConversationState read(String json) {
    if (json == null || json.length() > MAX_CHARS) {
      throw new IllegalArgumentException("no state, or a state over " + MAX_CHARS + " characters");
    }
    try {
      return MAPPER.readValue(json, ConversationState.class);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("not a valid saved conversation: " + e.getMessage(), e);
    }
  }

  private static final class InstantWriter extends JsonSerializer<Instant> {
    @Override
    public void serialize(Instant value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
      gen.writeString(value.toString());
    }
  }

  private static final class InstantReader extends JsonDeserializer<Instant> {
    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      try {
        return Instant.parse(p.getValueAsString());
      } catch (DateTimeParseException | NullPointerException e) {
        return (Instant) ctxt.handleWeirdStringValue(Instant.class, p.getValueAsString(), "not an ISO-8601 instant");
      }
    }
  }
}
