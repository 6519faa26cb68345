/**
 * A sweep as the report draws it: its definition, its points with each figure's spread across
 * seeds, and the expectations' thresholds ({@link dev.sim.report.sweep.SweepModel}), handed in by
 * the command that ran or merged the sweep. The analysis the charts show is computed here as plain
 * values, so tests check it rather than pixels: the knee along a varied path ({@link
 * dev.sim.report.sweep.SweepModel#knee}), the band of a figure, and the cells and edges of the
 * boundary where expectations stop holding ({@link dev.sim.report.sweep.Heatmap}).
 */
package dev.sim.report.sweep;
