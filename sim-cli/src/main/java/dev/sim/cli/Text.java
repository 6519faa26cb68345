package dev.sim.cli;

import dev.sim.kernel.time.Durations;

/**
 * How the command line writes values for people. Every duration the commands print goes through
 * {@link #duration}, which is {@link Durations#format}, the one duration format of the whole
 * simulator: {@code sim explain}, the run summary, the scenario loader's messages and the report
 * write the same time the same way ({@code 1.5s}, never {@code 1.500s}).
 */
final class Text {
  private Text() {}

  /**
   * A duration as a scenario file would write it, exactly: {@code 1.5s}, {@code 250us}, {@code
   * 5ms}, {@code 5m}, {@code 0s} (see {@link Durations#format}). Callers that print a measured
   * figure round it first to the precision worth showing.
   *
   * @param nanos the duration in nanoseconds; negative ones get a leading {@code -}
   */
  static String duration(long nanos) {
    return Durations.format(nanos);
  }
}
