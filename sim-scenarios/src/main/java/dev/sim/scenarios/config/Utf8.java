package dev.sim.scenarios.config;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Decodes a scenario file's bytes as UTF-8. A file that is not UTF-8 (saved as Latin-1 or UTF-16,
 * or not text at all) is answered at the line and column of its first byte that cannot be read, so
 * that the user can find it, like every other problem of a file.
 */
final class Utf8 {
  private Utf8() {}

  /**
   * The text of {@code bytes}.
   *
   * @param bytes the file's content
   * @param file the file's name, for the message
   * @throws ScenarioException at the first byte that is not UTF-8
   */
  static String decode(byte[] bytes, String file) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult r = decoder.decode(in, out, true);
    if (!r.isError()) {
      r = decoder.flush(out);
    }
    if (!r.isError()) {
      return out.flip().toString();
    }
    int bad = in.position();
    // Where the bad byte is, counted in the characters before it (CR LF, CR and LF each end a
    // line).
    String before = out.flip().toString();
    int line = 1;
    int column = 1;
    for (int i = 0; i < before.length(); i++) {
      char c = before.charAt(i);
      if (c == '\n' || c == '\r' && (i + 1 == before.length() || before.charAt(i + 1) != '\n')) {
        line++;
        column = 1;
      } else if (c != '\r' && !Character.isLowSurrogate(c)) {
        column++;
      }
    }
    String what =
        bytes.length >= 2
                && (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE
                    || bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
            ? "it looks like UTF-16; save it as UTF-8"
            : String.format(
                Locale.ROOT,
                "byte 0x%02X here is not UTF-8; save the file as UTF-8",
                bytes[bad] & 0xFF);
    throw new ScenarioException(
        List.of(
            new Problem(
                new SourceLocation(file, line, column),
                "",
                "cannot read the file: it is not UTF-8 text (" + what + ")")));
  }
}
