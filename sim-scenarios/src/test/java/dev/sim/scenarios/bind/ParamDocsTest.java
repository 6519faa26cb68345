package dev.sim.scenarios.bind;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ParamDocsTest {
  @Test
  void shouldRenderATableWithNestedKeysIndented() {
    String table = ParamDocs.table(TestTypes.Everything.class);
    assertThat(table.lines().findFirst().orElseThrow()).matches("KEY +UNIT +DEFAULT +DESCRIPTION");
    assertThat(table).contains("\ntimeout ", "duration", "500ms", "A duration.");
    assertThat(table.lines()).anyMatch(l -> l.matches("retry +section +- +A nested section\\."));
    assertThat(table.lines())
        .anyMatch(l -> l.matches("  max +whole number +3 +Retries after" + " the first try\\."));
    assertThat(table.lines())
        .anyMatch(l -> l.matches("profile +list of sections +- +A list of" + " sections\\."));
    assertThat(table.lines()).anyMatch(l -> l.matches("  at +duration +required +When\\."));
    assertThat(table.lines())
        .anyMatch(l -> l.matches("discipline +fifo \\| lifo +fifo +A choice\\."));
    assertThat(table.lines())
        .anyMatch(
            l ->
                l.matches(
                    "policy +round-robin \\| least-outstanding +round-robin +An enum choice\\."));
    assertThat(table.lines())
        .anyMatch(l -> l.matches("workers +count \\| unbounded +unbounded +A count\\."));
    assertThat(table.lines())
        .anyMatch(l -> l.matches("skew +signed duration +- +A signed" + " duration\\."));
    assertThat(table.lines())
        .anyMatch(l -> l.matches("peers +node or list of nodes +- +Some" + " nodes\\."));
    assertThat(table.lines()).noneMatch(l -> l.endsWith(" "));
  }

  @Test
  void shouldGiveRowsWithDepthForOtherRenderings() {
    assertThat(ParamDocs.rows(TestTypes.Retry.class))
        .containsExactly(
            new ParamDocs.Row(0, "max", "whole number", "3", "Retries after the first try."),
            new ParamDocs.Row(0, "base", "duration", "50ms", "First back-off."));
  }

  @Test
  void shouldRenderMarkdownWithDottedNestedKeys() {
    String md = ParamDocs.markdown(TestTypes.Everything.class);
    assertThat(md).startsWith("| key | unit | default | description |\n| --- |");
    assertThat(md).contains("| `retry.max` | whole number | `3` | Retries after the first try. |");
    assertThat(md).contains("| `discipline` | fifo \\| lifo | `fifo` | A choice. |");
    assertThat(md).contains("| `target` | node |  | A node. |");
    assertThat(md).contains("| `profile[].at` | duration | **required** | When. |");
  }
}
