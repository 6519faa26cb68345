package dev.sim.report.chart;

import java.nio.file.Path;

/**
 * A chart written to disk.
 *
 * @param id chart name, e.g. {@code latency}
 * @param title the chart's title
 * @param caption one sentence saying what it shows (and what was left out)
 * @param png the PNG file
 * @param svg the SVG file
 * @param width width in pixels
 * @param height height in pixels
 * @param plotLeft left edge of the area the data is drawn in, in pixels from the image's left
 * @param plotRight right edge of that area, in pixels from the image's left
 */
public record ChartFile(
    String id,
    String title,
    String caption,
    Path png,
    Path svg,
    int width,
    int height,
    double plotLeft,
    double plotRight) {}
