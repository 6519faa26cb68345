package dev.sim.kernel.result;

import java.util.List;

/**
 * A marked span of simulated time, such as a fault window, shown shaded on charts.
 *
 * @param kind what happened: {@code partition}, {@code crash}, {@code pause}, {@code slow}, {@code
 *     loss}, {@code clock}, ...
 * @param label a short label for charts, e.g. {@code partition api-1 | rest}
 * @param startNanos start of the span
 * @param endNanos end of the span, or -1 if it lasted to the end of the run
 * @param targets instance names affected
 */
public record Annotation(
    String kind, String label, long startNanos, long endNanos, List<String> targets) {}
