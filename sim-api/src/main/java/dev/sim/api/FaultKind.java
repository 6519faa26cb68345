package dev.sim.api;

import java.util.List;
import java.util.function.Function;

/**
 * A kind of fault usable in a scenario's {@code faults:} list by its name, which is the key that
 * says what the fault does ({@code {at: 60s, crash: api-2, restart: 20s}}). Found through {@link
 * java.util.ServiceLoader} (register implementations in {@code
 * META-INF/services/dev.sim.api.FaultKind}); built-in kinds use the same interface as plugins.
 * Names are unique and follow {@link Names}; a duplicate, or a name that is also a common key, is
 * an error.
 *
 * <p>A fault kind describes itself: its keys ({@link #parameters}, each component carrying a {@link
 * Param}, one of them keyed by the kind's name), how long it lasts ({@link #lasting}), the checks
 * across its keys ({@link #check}), its one-line description ({@link #describe}) and what it does
 * ({@link #start}). The common keys {@code at}, {@code every} and {@code for} are bound and checked
 * by the loader for every kind alike; the loader, runner, report and {@code sim explain} never name
 * a kind.
 *
 * @param <P> the parameter record, bound from the fault's keys other than the common ones
 */
public interface FaultKind<P extends Record> {
  /** The unique name, which is also the key that says what the fault does; see {@link Names}. */
  String name();

  /** One sentence for {@code sim explain faults}. */
  String summary();

  /**
   * The parameter record class. One component has the key {@link #name()}: the value written after
   * it ({@code crash: api-2}).
   */
  Class<P> parameters();

  /** How long one occurrence lasts and which key says so; {@link Lasting#FOR} by default. */
  default Lasting lasting() {
    return Lasting.FOR;
  }

  /**
   * Whether an occurrence may step nodes' clocks ({@link FaultControls#stepClock}). A run whose
   * clocks are all perfect (no {@code clocks:} offsets or drift) and none of whose faults step a
   * clock keeps every local clock equal to simulated time, which the kernel runs faster; a kind
   * that steps clocks must say so, or its {@code stepClock} call fails the run.
   */
  default boolean stepsClocks() {
    return false;
  }

  /**
   * Cross-checks bound parameters beyond single values; empty when all is well. Each problem names
   * the key it is about, so the loader can point at its line.
   */
  default List<Problem> check(P params) {
    return List.of();
  }

  /**
   * One short line saying what an occurrence does, e.g. {@code crash api-2} or {@code partition
   * api-1 | api-2,db}: {@code sim explain} prints it with targets as written ({@code crash
   * random(api)}), and the runner's fault timeline and chart bands show it with the instances hit.
   *
   * @param params the fault's parameters
   * @param targets how to write each target: as written, or as the instance names it hit
   */
  String describe(P params, Function<Target, String> targets);

  /**
   * Does the fault, at each occurrence: acts through {@code controls}, schedules its undoing with
   * {@link FaultControls#after} and marks itself with {@link FaultControls#annotate}.
   */
  void start(P params, FaultControls controls);
}
