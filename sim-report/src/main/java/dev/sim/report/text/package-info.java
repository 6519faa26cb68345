/** Human-readable numbers and durations, shared by chart captions and report pages. */
package dev.sim.report.text;
