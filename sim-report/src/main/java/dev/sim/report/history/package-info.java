/**
 * A run's operation history as the report shows it: the keys that were checked and as which model
 * ({@link dev.sim.report.history.CheckedKeys}), the checker's witness found again so it can be
 * marked ({@link dev.sim.report.history.Witness}), and the readable window of the history that
 * {@code report.html} draws ({@link dev.sim.report.history.TimelineWindow}, {@link
 * dev.sim.report.history.RunTimeline}). The whole history is in the run folder's {@code
 * history.jsonl}; {@code sim check} draws all of it.
 */
package dev.sim.report.history;
