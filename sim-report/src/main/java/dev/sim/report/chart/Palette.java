package dev.sim.report.chart;

import java.awt.Color;
import java.util.Locale;

/**
 * Colours. Series use the Okabe–Ito palette, which stays distinguishable under the common forms of
 * colour blindness, and one series always has one colour on every chart: {@code ok} is bluish green
 * wherever it appears, {@code timedOut} orange, and so on.
 */
public final class Palette {
  private Palette() {}

  /** Okabe–Ito black. */
  public static final Color BLACK = new Color(0x000000);

  /** Okabe–Ito orange. */
  public static final Color ORANGE = new Color(0xE69F00);

  /** Okabe–Ito sky blue. */
  public static final Color SKY_BLUE = new Color(0x56B4E9);

  /** Okabe–Ito bluish green. */
  public static final Color BLUISH_GREEN = new Color(0x009E73);

  /** Okabe–Ito yellow. */
  public static final Color YELLOW = new Color(0xF0E442);

  /** Okabe–Ito blue. */
  public static final Color BLUE = new Color(0x0072B2);

  /** Okabe–Ito vermillion. */
  public static final Color VERMILLION = new Color(0xD55E00);

  /** Okabe–Ito reddish purple. */
  public static final Color REDDISH_PURPLE = new Color(0xCC79A7);

  /** A neutral grey for secondary lines (latency max). */
  public static final Color GREY = new Color(0x8C8C8C);

  /** Text and axis colours. */
  static final Color INK = new Color(0x222222);

  static final Color MUTED = new Color(0x5F6368);
  static final Color GRID = new Color(0xE3E3E3);
  static final Color AXIS = new Color(0xB0B0B0);

  /**
   * Colours for series that are not one of the named figures (groups, nodes, runs), in the order
   * they are handed out; yellow is left out because it is hard to see on white.
   */
  private static final Color[] CYCLE = {
    BLUE, ORANGE, BLUISH_GREEN, VERMILLION, REDDISH_PURPLE, SKY_BLUE, BLACK, GREY
  };

  /** The colour of a named request figure: offered, ok, failed, timedOut, rejected, attempts. */
  public static Color figure(String name) {
    return switch (name) {
      case "offered" -> BLACK;
      case "ok", "yield" -> BLUISH_GREEN;
      case "failed" -> VERMILLION;
      case "timedOut" -> ORANGE;
      case "rejected" -> REDDISH_PURPLE;
      case "attempts" -> BLUE;
      case "harvest" -> BLUE;
      case "p50" -> SKY_BLUE;
      case "p90" -> BLUE;
      case "p99" -> VERMILLION;
      case "max" -> GREY;
      default -> throw new IllegalArgumentException("no fixed colour for " + name);
    };
  }

  /** The {@code i}-th colour for groups, nodes or compared runs. */
  public static Color cycle(int i) {
    return CYCLE[Math.floorMod(i, CYCLE.length)];
  }

  /** The colour of a fault window of the given kind ({@code partition}, {@code crash}, ...). */
  public static Color fault(String kind) {
    return switch (kind == null ? "" : kind.toLowerCase(Locale.ROOT)) {
      case "partition" -> REDDISH_PURPLE;
      case "crash" -> VERMILLION;
      case "pause", "gc" -> new Color(0x6E6E6E);
      case "slow" -> ORANGE;
      case "loss" -> SKY_BLUE;
      case "clock" -> BLUISH_GREEN;
      case "load" -> YELLOW;
      default -> BLUE;
    };
  }

  /** {@code c} with the given alpha in [0, 255]. */
  static Color alpha(Color c, int alpha) {
    return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
  }
}
