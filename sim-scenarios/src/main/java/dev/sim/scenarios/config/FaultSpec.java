package dev.sim.scenarios.config;

import java.util.List;

/**
 * One entry of the fault schedule. {@code atNanos} is when it first happens; {@code forNanos} (-1
 * if absent) undoes it after that long; {@code everyNanos} (-1 if absent) repeats it.
 */
public sealed interface FaultSpec {
  /** First occurrence, simulated nanoseconds. */
  long atNanos();

  /** Duration before the fault is undone, or -1 for never. */
  long forNanos();

  /** Repetition period, or -1 for once. */
  long everyNanos();

  /** Where it was written. */
  SourceLocation location();

  /** Groups that cannot reach each other ({@code partition: [[a], [b, c]]}). */
  record Partition(
      List<List<String>> groups,
      long atNanos,
      long forNanos,
      long everyNanos,
      SourceLocation location)
      implements FaultSpec {}

  /** A one-way cut ({@code partition: {from: db, to: api}}). */
  record OneWayCut(
      List<String> from,
      List<String> to,
      long atNanos,
      long forNanos,
      long everyNanos,
      SourceLocation location)
      implements FaultSpec {}

  /** A crash, with an optional restart delay ({@code restartNanos} -1: stays down). */
  record Crash(
      Target target, long restartNanos, long atNanos, long everyNanos, SourceLocation location)
      implements FaultSpec {
    @Override
    public long forNanos() {
      return restartNanos;
    }
  }

  /** A stop-the-world pause for {@code forNanos}. */
  record Pause(Target target, long atNanos, long forNanos, long everyNanos, SourceLocation location)
      implements FaultSpec {}

  /** Service times multiplied by {@code factor}. */
  record Slow(
      Target target,
      double factor,
      long atNanos,
      long forNanos,
      long everyNanos,
      SourceLocation location)
      implements FaultSpec {}

  /** The target's local clock stepped by {@code jumpNanos} (signed). */
  record ClockJump(
      Target target, long jumpNanos, long atNanos, long everyNanos, SourceLocation location)
      implements FaultSpec {
    @Override
    public long forNanos() {
      return -1;
    }
  }

  /** Extra message loss on the links between two sides. */
  record LossBurst(
      List<String> a,
      List<String> b,
      double rate,
      long atNanos,
      long forNanos,
      long everyNanos,
      SourceLocation location)
      implements FaultSpec {}

  /**
   * What a fault hits: a group or instance name, or {@code random(group)}: one instance drawn from
   * the fault schedule's own random stream at each occurrence.
   *
   * @param ref the group or instance name
   * @param random true for {@code random(ref)}
   */
  record Target(String ref, boolean random) {
    @Override
    public String toString() {
      return random ? "random(" + ref + ")" : ref;
    }
  }
}
