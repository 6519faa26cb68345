package dev.sim.scenarios.faults;

import dev.sim.api.FaultControls;
import dev.sim.api.FaultKind;
import dev.sim.api.Param;
import dev.sim.api.Param.Unit;
import dev.sim.api.Target;
import dev.sim.kernel.random.Rng;
import dev.sim.kernel.time.Durations;
import java.util.List;
import java.util.function.Function;

/**
 * {@code {at: 0s, random-failures: replicas, mtbf: 30d, mttr: 8h}}: every instance of the target
 * fails on its own, again and again: it runs for an exponentially distributed time with mean {@code
 * mtbf} (a memoryless failure rate, the usual model of hardware failing at random), crashes, stays
 * down for a repair time with mean {@code mttr}, restarts fresh, and runs again. Until {@code for}
 * has passed (absent: to the end of the run); a repair under way then still finishes.
 *
 * <p>Each instance draws its failure and repair times from a stream of its own, named after it, so
 * adding an instance changes no other instance's failures (determinism rule 3). Over a long run an
 * instance is down a share mttr / (mtbf + mttr) of the time whatever the repair distribution (the
 * renewal-reward theorem), and n independent instances are all down at once a share of about that
 * to the power n.
 *
 * <p>A year of failures is a few dozen crashes: the fault marks its whole window once (one band,
 * its label giving the figures), and the report marks each crash on the charts with a cross.
 */
public final class RandomFailuresFault implements FaultKind<RandomFailuresFault.Params> {
  /** A day in nanoseconds, for the label. */
  private static final long DAY = 86_400_000_000_000L;

  /**
   * The fault's keys.
   *
   * @param target whose instances fail
   * @param mtbfNanos mean time between failures (from a repair to the next failure)
   * @param mttrNanos mean time to repair (from a failure to the restart)
   * @param repair how repair times are distributed around their mean
   */
  public record Params(
      @Param(
              key = "random-failures",
              doc =
                  "Whose instances fail at random, each on its own: a group (all its instances), a"
                      + " node, or random(group) (one instance drawn at the start).",
              unit = Unit.TARGET,
              required = true)
          Target target,
      @Param(
              key = "mtbf",
              doc =
                  "Mean time between failures of one instance, like 30d: the time from a restart"
                      + " to the next crash is exponential with this mean.",
              unit = Unit.DURATION,
              required = true,
              min = 1)
          long mtbfNanos,
      @Param(
              key = "mttr",
              doc =
                  "Mean time to repair, like 8h: how long a failed instance stays down before it"
                      + " restarts fresh.",
              unit = Unit.DURATION,
              required = true,
              min = 1)
          long mttrNanos,
      @Param(
              doc =
                  "How repair times vary around mttr: exponential (memoryless, mean mttr) or fixed"
                      + " (always exactly mttr).",
              unit = Unit.CHOICE,
              defaultValue = "exponential")
          Repair repair) {}

  /** How repair times are drawn. */
  public enum Repair {
    /** Exponential with mean mttr: most repairs are quick, a few take very long. */
    EXPONENTIAL,
    /** Always exactly mttr: a replacement on a fixed schedule. */
    FIXED
  }

  @Override
  public String name() {
    return "random-failures";
  }

  @Override
  public String summary() {
    return "Each instance fails on its own at random (mean time between failures `mtbf`) and"
        + " restarts after a repair (mean time to repair `mttr`), again and again.";
  }

  @Override
  public Class<Params> parameters() {
    return Params.class;
  }

  @Override
  public String describe(Params p, Function<Target, String> targets) {
    return "random failures "
        + targets.apply(p.target())
        + " (mtbf "
        + duration(p.mtbfNanos())
        + ", mttr "
        + duration(p.mttrNanos())
        + ")";
  }

  @Override
  public void start(Params p, FaultControls c) {
    int[] ids = c.resolve(p.target());
    // The end of the failing: failures drawn after it are not acted on; -1 runs to the end.
    long until = c.lastsNanos() < 0 ? Long.MAX_VALUE : c.now() + c.lastsNanos();
    List<String> names = c.names(ids);
    for (int i = 0; i < ids.length; i++) {
      Instance in = new Instance(p, c, ids[i], names.get(i), until);
      in.scheduleFailure();
    }
    // One band for the whole window, short enough to be read above a chart (the instances are in
    // the timeline's nodes column); each crash is marked on the charts by the report.
    c.annotate(
        "random failures, mtbf " + duration(p.mtbfNanos()) + ", mttr " + duration(p.mttrNanos()),
        names);
  }

  /** One instance's failures and repairs, drawn from its own stream. */
  private static final class Instance {
    private final Params p;
    private final FaultControls c;
    private final int id;
    private final String name;
    private final long until;
    private final Rng failures;
    private final Rng repairs;

    Instance(Params p, FaultControls c, int id, String name, long until) {
      this.p = p;
      this.c = c;
      this.id = id;
      this.name = name;
      this.until = until;
      // Two streams, so that choosing another repair distribution leaves the failure times alone.
      this.failures = c.random("failures/" + name);
      this.repairs = c.random("repairs/" + name);
    }

    void scheduleFailure() {
      long delay = draw(failures, p.mtbfNanos());
      if (delay > until - c.now()) {
        return;
      }
      c.after(
          delay,
          "random failure " + name,
          () -> {
            c.crash(id);
            long repair = p.repair() == Repair.FIXED ? p.mttrNanos() : draw(repairs, p.mttrNanos());
            c.after(
                repair,
                "repair " + name,
                () -> {
                  c.restart(id);
                  scheduleFailure();
                });
          });
    }

    /** An exponential draw with mean {@code mean} ns, at least 1 ns so time moves on. */
    private static long draw(Rng rng, long mean) {
      return Math.max(1L, (long) rng.nextExponential(mean));
    }
  }

  /**
   * {@code 30d} for whole days, else the simulator's usual duration text ({@code 8h}, {@code 90s}).
   */
  static String duration(long nanos) {
    return nanos % DAY == 0 ? nanos / DAY + "d" : Durations.format(nanos);
  }
}
