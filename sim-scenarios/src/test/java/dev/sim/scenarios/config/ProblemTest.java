package dev.sim.scenarios.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProblemTest {
  private static final SourceLocation AT = new SourceLocation("f.yaml", 3, 7);

  @Test
  void shouldRenderLineBreaksInTheUsersTextAsEscapesSoEveryLineStartsWithALocation() {
    Problem p = new Problem(AT, "nodes.a\nb", "unknown key 'a\nb'; found\r\n'x\ty'");

    assertThat(p.render())
        .isEqualTo("f.yaml:3:7: nodes.a\\nb: unknown key 'a\\nb'; found\\r\\n'x\\ty'")
        .doesNotContain("\n");
  }

  @Test
  void shouldEscapeControlCharactersUnicodeLineSeparatorsAndBidiOverrides() {
    Problem p = new Problem(AT, "", "found 'a\u0000b\u0085c\u2028d\u2029e\u202ef\ufeff'");

    assertThat(p.render())
        .isEqualTo("f.yaml:3:7: found 'a\\u0000b\\u0085c\\u2028d\\u2029e\\u202ef\\ufeff'");
  }

  @Test
  void shouldLeaveOrdinaryTextIncludingNonAsciiLettersAlone() {
    Problem p = new Problem(AT, "nodes.api", "expected 5µs — did you mean 'é'? 日本 💥");

    assertThat(p.render())
        .isEqualTo("f.yaml:3:7: nodes.api: expected 5µs — did you mean 'é'? 日本 💥");
  }

  @Test
  void shouldEscapeALineBreakInTheLocationToo() {
    Problem p = new Problem(SourceLocation.unknown("--set x\ny=1"), "x\ny", "unknown key 'x\ny'");

    assertThat(p.render()).isEqualTo("--set x\\ny=1: x\\ny: unknown key 'x\\ny'");
  }
}
