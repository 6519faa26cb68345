package dev.sim.report.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonOutEscapeTest {
  private static String escaped(String s) {
    StringBuilder b = new StringBuilder("[");
    JsonOut.escape(s, b);
    return b.append(']').toString();
  }

  @Test
  void copiesAStringWithNothingToEscapeAsItIs() {
    assertThat(escaped("clients-1000000")).isEqualTo("[clients-1000000]");
    assertThat(escaped("")).isEqualTo("[]");
    assertThat(escaped("ünïcødé ✕")).isEqualTo("[ünïcødé ✕]");
  }

  @Test
  void escapesQuotesBackslashesControlsAndLineSeparatorsWhereverTheyStand() {
    assertThat(escaped("\"a\"")).isEqualTo("[\\\"a\\\"]");
    assertThat(escaped("a\\b")).isEqualTo("[a\\\\b]");
    assertThat(escaped("x\ny\tz")).isEqualTo("[x\\ny\\tz]");
    assertThat(escaped("\u0001")).isEqualTo("[\\u0001]");
    assertThat(escaped("end\u2028")).isEqualTo("[end\\u2028]");
    assertThat(escaped("\u2029start")).isEqualTo("[\\u2029start]");
    assertThat(escaped("ok then \"quoted\" and ok")).isEqualTo("[ok then \\\"quoted\\\" and ok]");
  }
}
