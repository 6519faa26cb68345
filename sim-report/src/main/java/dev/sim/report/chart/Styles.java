package dev.sim.report.chart;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.Stroke;

/** Fonts and strokes shared by every chart, sized to read at 1000 px without zooming. */
final class Styles {
  private Styles() {}

  static final String FAMILY = Font.SANS_SERIF;
  static final Font TITLE = new Font(FAMILY, Font.BOLD, 18);
  static final Font SUBTITLE = new Font(FAMILY, Font.PLAIN, 13);
  static final Font AXIS_LABEL = new Font(FAMILY, Font.PLAIN, 13);
  static final Font TICK = new Font(FAMILY, Font.PLAIN, 12);
  static final Font LEGEND = new Font(FAMILY, Font.PLAIN, 13);
  static final Font BAND_LABEL = new Font(FAMILY, Font.PLAIN, 12);
  static final Font BAND_LABEL_ITALIC = new Font(FAMILY, Font.ITALIC, 12);
  static final Font LANE = new Font(FAMILY, Font.BOLD, 13);
  static final Font SMALL = new Font(FAMILY, Font.PLAIN, 11);

  static final Stroke GRID = new BasicStroke(0.8f);

  /** The stroke of a series line style. */
  static Stroke line(Series.Line line) {
    return switch (line) {
      case BOLD -> new BasicStroke(2.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
      case SOLID -> new BasicStroke(1.7f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
      case DASHED ->
          new BasicStroke(
              1.7f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {7f, 4f}, 0f);
      case THIN -> new BasicStroke(1.1f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    };
  }
}
