/**
 * Run-folder I/O: {@code summary.json} (the output contract other tools read), {@code metrics.csv}
 * (one row per window) and {@code result.json} (the whole run result, so a report can be rebuilt
 * from the folder alone). Output is deterministic: the same run gives the same bytes, apart from
 * {@code wallSeconds}. Jackson is used here and nowhere else in the report.
 */
package dev.sim.report.io;
