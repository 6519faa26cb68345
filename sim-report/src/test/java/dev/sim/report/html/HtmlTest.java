package dev.sim.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {
  @Test
  void escapesEveryCharacterThatCanOpenMarkupOrCloseAnAttribute() {
    assertThat(Html.escape("<script>alert(1)</script>"))
        .isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt;");
    assertThat(Html.escape("a & b \"c\" 'd'")).isEqualTo("a &amp; b &quot;c&quot; &#39;d&#39;");
    assertThat(Html.escape("plain text · ok")).isEqualTo("plain text · ok");
    assertThat(Html.escape(null)).isEmpty();
  }

  @Test
  void escapingTwiceEscapesTheAmpersandsAgain() {
    assertThat(Html.escape(Html.escape("<"))).isEqualTo("&amp;lt;");
  }

  @Test
  void paragraphsSplitOnBlankLinesAndJoinWrappedLines() {
    assertThat(Html.paragraphs("one\ntwo\n\n<three>"))
        .isEqualTo("<p>one two</p>\n<p>&lt;three&gt;</p>\n");
    assertThat(Html.paragraphs("  ")).isEmpty();
  }

  @Test
  void listItemsAndIndentedLinesKeepTheirLineBreaks() {
    assertThat(Html.paragraphs("Steps:\n- one\n- two\n  indented\n1. numbered"))
        .isEqualTo("<p>Steps:<br>\n- one<br>\n- two<br>\nindented<br>\n1. numbered</p>\n");
  }

  @Test
  void hrefsPercentEncodeAnythingButSafeFileNameCharacters() {
    assertThat(Html.href("gauge-queue.png")).isEqualTo("gauge-queue.png");
    assertThat(Html.href("a b\".png")).isEqualTo("a%20b%22.png");
  }
}
