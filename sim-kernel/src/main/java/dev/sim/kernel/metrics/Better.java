package dev.sim.kernel.metrics;

/**
 * Which way a figure improves, so that a comparison of two runs paints a change green or red by
 * what the figure means rather than by its sign. The built-in request figures state theirs in one
 * place ({@code FigureComparison}); a declared metric states its own ({@link MetricSpec#better}).
 */
public enum Better {
  /** More is better: yield, harvest, goodput. */
  HIGHER,
  /** Less is better: latencies, errors, timeouts. */
  LOWER,
  /** No direction: a count such as offered load, or a counter whose rise may be the point. */
  NEUTRAL;

  /** The arrow a comparison table shows: ↑, ↓ or a dash. */
  public String arrow() {
    return switch (this) {
      case HIGHER -> "↑";
      case LOWER -> "↓";
      case NEUTRAL -> "–";
    };
  }
}
