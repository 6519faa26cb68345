package dev.sim.check.html;

/**
 * The key to a {@link HistoryTimeline}'s colours and marks, as an HTML paragraph of inline SVG
 * swatches: for the check page and for a run's report, which draw the same timeline.
 */
public final class TimelineLegend {
  private TimelineLegend() {}

  /**
   * A {@code <p class="legend">} saying what the outcome colours mean and, when {@code marks}, what
   * the witness's outlines mean.
   */
  public static String html(boolean marks) {
    return html(marks, marks);
  }

  /**
   * A {@code <p class="legend">} saying what the outcome colours mean, what the longest valid
   * prefix's outline means when {@code prefix} (registers have one, sets and counters none), and
   * what the witness's own marks mean when {@code marks}.
   */
  public static String html(boolean prefix, boolean marks) {
    StringBuilder b = new StringBuilder("<p class=\"legend\">");
    b.append(swatch(HistoryTimeline.OK, "none"))
        .append(" ok ")
        .append(swatch(HistoryTimeline.FAIL, "none"))
        .append(" fail ")
        .append(swatch(HistoryTimeline.INFO, "none"))
        .append(
            " info (a thin tail runs to the end: it may take effect any time after its invoke;"
                + " a bar that never completed runs to the end whole) ");
    if (prefix) {
      b.append(swatch("#fff", HistoryTimeline.PREFIX)).append(" in the longest valid prefix ");
    }
    if (marks) {
      b.append(swatch("#fff", HistoryTimeline.STUCK))
          .append(" ✗ cannot be placed ")
          .append(swatch("#fff", HistoryTimeline.RELATED))
          .append(" related.");
    }
    return b.append(" Hover over a bar for its details.</p>\n").toString();
  }

  private static String swatch(String fill, String stroke) {
    return "<svg width=\"22\" height=\"12\"><rect x=\"1\" y=\"1\" width=\"20\" height=\"10\" rx=\"2\""
        + " fill=\""
        + fill
        + "\" stroke=\""
        + stroke
        + "\" stroke-width=\"2\"/></svg>";
  }
}
