package dev.sim.check.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongToDoubleFunction;

/**
 * The shaded spans of a {@link HistoryTimeline} (a run's fault windows): drawn behind the lanes in
 * their colour, each with a solid cap and its label in a row above the time labels, as the report's
 * charts draw them.
 */
final class TimelineBands {
  /** Height of the row of labels above the time labels. */
  static final int ROW = 18;

  /** Characters of a label shown before it is cut; the hover title has all of it. */
  private static final int MAX_LABEL = 48;

  private record Band(long fromNanos, long toNanos, String label, String colour) {}

  private final List<Band> bands = new ArrayList<>();

  /** Adds a span; {@code colour} is {@code #rrggbb}. */
  void add(long fromNanos, long toNanos, String label, String colour) {
    if (colour == null || !colour.matches("#[0-9a-fA-F]{6}")) {
      throw new IllegalArgumentException("a band's colour is #rrggbb, not " + colour);
    }
    bands.add(
        new Band(fromNanos, Math.max(fromNanos, toNanos), label == null ? "" : label, colour));
  }

  /** Whether any span reaches into {@code [fromNanos, toNanos]}: the row of labels is needed. */
  boolean any(long fromNanos, long toNanos) {
    for (Band s : bands) {
      if (s.fromNanos() <= toNanos && s.toNanos() >= fromNanos) {
        return true;
      }
    }
    return false;
  }

  /**
   * Draws the spans between {@code left} and {@code right}, mapping times with {@code x}: from the
   * axis line at {@code top - 4} down to {@code bottom}, caps and labels in the row above.
   */
  void draw(StringBuilder b, LongToDoubleFunction x, int left, int right, int top, int bottom) {
    double labelsEnd = Double.NEGATIVE_INFINITY;
    for (Band s : bands) {
      double x0 = Math.max(left, x.applyAsDouble(s.fromNanos()));
      double x1 = Math.min(right, x.applyAsDouble(s.toNanos()));
      if (x1 < left || x0 > right) {
        continue;
      }
      if (x1 - x0 < 2) {
        // An instant (a clock jump): a line, not an invisible band.
        b.append(
            String.format(
                Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\""
                    + " stroke-opacity=\"0.6\" stroke-width=\"2\"/>\n",
                x0,
                top - ROW - 2,
                x0,
                bottom,
                s.colour()));
      } else {
        b.append(
            String.format(
                Locale.ROOT,
                "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\""
                    + " fill-opacity=\"0.16\"/>\n"
                    + "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"3\" fill=\"%s\""
                    + " fill-opacity=\"0.82\"/>\n",
                x0,
                top - 4,
                x1 - x0,
                bottom - top + 4,
                s.colour(),
                x0,
                top - ROW - 2,
                x1 - x0,
                s.colour()));
      }
      // A label that would run into the one before is left out: the page lists every fault.
      String text =
          s.label().length() > MAX_LABEL ? s.label().substring(0, MAX_LABEL - 1) + "…" : s.label();
      double w = text.length() * 5.6;
      double at = Math.max(left, Math.min(x0, right - w));
      if (at >= labelsEnd + 8) {
        labelsEnd = at + w;
        b.append(
            String.format(
                Locale.ROOT,
                "<text x=\"%.1f\" y=\"%d\" fill=\"%s\">%s<title>%s</title></text>\n",
                at,
                top - ROW - 6,
                darker(s.colour()),
                Xml.escape(text),
                Xml.escape(s.label())));
      }
    }
  }

  /** A darker shade of {@code #rrggbb}, for text in a band's colour on white. */
  static String darker(String colour) {
    int rgb = Integer.parseInt(colour.substring(1), 16);
    int r = (int) (((rgb >> 16) & 0xff) * 0.72);
    int g = (int) (((rgb >> 8) & 0xff) * 0.72);
    int bl = (int) ((rgb & 0xff) * 0.72);
    return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, bl);
  }
}
