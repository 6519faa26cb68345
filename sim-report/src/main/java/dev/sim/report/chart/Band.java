package dev.sim.report.chart;

/**
 * A shaded span of simulated time on a time chart: a fault window, in seconds.
 *
 * @param kind fault kind ({@code partition}, {@code crash}, ...), which picks the colour
 * @param label short text drawn above the band
 * @param startSeconds start of the span
 * @param endSeconds end of the span (the run's end when the fault lasted to the end)
 */
public record Band(String kind, String label, double startSeconds, double endSeconds) {}
