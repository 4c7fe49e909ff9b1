package dev.lbtriage.engine.gather.snapshot;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Jackson set up for untrusted input: tree model only (no default typing, no polymorphic
 * binding), bounded document length, nesting depth, string, number and name lengths, and trailing
 * garbage rejected. Text must be UTF-8; binary content is refused before parsing.
 */
final class SafeJson {

  private final ObjectMapper mapper;

  SafeJson(SnapshotLimits limits) {
    JsonFactory factory = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxDocumentLength(limits.maxFileBytes())
            .maxNestingDepth(limits.maxNestingDepth())
            .maxStringLength(limits.maxStringLength())
            .maxNumberLength(1000)
            .maxNameLength(50_000)
            .build())
        .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
        .build();
    this.mapper = JsonMapper.builder(factory)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
        .build();
  }

  /** Decodes strict UTF-8 (a leading BOM is dropped); binary content and bad bytes are errors. */
  static String decode(byte[] bytes) throws NotText {
    if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
        || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF))) {
      throw new NotText("is UTF-16, not UTF-8 (Windows PowerShell's '>' writes UTF-16;"
          + " use '| Out-File -Encoding utf8' or run az from another shell)");
    }
    for (byte b : bytes) {
      if (b == 0) {
        throw new NotText("contains NUL bytes: a binary file, not JSON text");
      }
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new NotText("is not UTF-8 text; save the file as UTF-8");
    }
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  /** The bytes are not UTF-8 text. */
  static final class NotText extends IOException {
    private static final long serialVersionUID = 1L;

    NotText(String message) {
      super(message);
    }
  }

  JsonNode parse(String text) throws IOException {
    return mapper.readTree(text);
  }

  /** A streaming parser with the same limits, for finding the line of a JSON path. */
  JsonParser streaming(String text) throws IOException {
    return mapper.getFactory().createParser(text);
  }
}
