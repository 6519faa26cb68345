/** The run-result model: what a run produced, read by the report and written as summary.json. */
package dev.sim.kernel.result;
