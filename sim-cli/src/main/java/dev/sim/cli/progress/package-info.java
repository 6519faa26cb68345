/**
 * Progress bars on stderr (the {@code me.tongfei:progressbar} library): runs done of a sweep, and
 * simulated time of a single run that takes more than a couple of seconds. Shown only when stderr
 * is a terminal and {@code --quiet} is not given; they read the wall clock, which the simulation
 * never sees, so a run with a bar is the same run as one without.
 */
package dev.sim.cli.progress;
