package dev.sim.scenarios.faults;

import dev.sim.api.FaultControls;
import dev.sim.api.FaultKind;
import dev.sim.api.Lasting;
import dev.sim.api.NodeControls;
import dev.sim.api.Param;
import dev.sim.api.Param.Unit;
import dev.sim.api.Problem;
import dev.sim.api.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * {@code {at: 60s, rollout: api, version: v2, steps: [{at: 0s, share: 0.01}, ...], rollback:
 * {errorsAbove: 0.05, over: 10s}}}: deploys a new version to a group in stages. At each step (its
 * {@code at} counted from the fault's) the first ceil(share × n) instances by index run {@code
 * version} ({@link NodeControls#setVersion}); the node type decides what a version changes (a
 * server's error rate and latency factor). Without {@code steps}, one step at 0s to share 1: a
 * big-bang deploy.
 *
 * <p>With {@code rollback}, the fault watches the instances on the new version through the answers
 * they count ({@link NodeControls#answers}, {@link NodeControls#errors}), ten times per {@code
 * over}: when their errors in the last {@code over} (or since the first step, if less) are more
 * than {@code errorsAbove} of at least {@code minAnswers} answers, every instance it switched
 * returns to the version it ran before and the steps not yet taken are cancelled. Each step and the
 * rollback are lines on the charts, labelled.
 */
public final class RolloutFault implements FaultKind<RolloutFault.Params> {
  /** How many checks of the error rate per {@code over}. */
  static final int CHECKS_PER_WINDOW = 10;

  /**
   * The rollout's keys.
   *
   * @param group the group deployed to
   * @param version the version deployed
   * @param steps the stages, in time order; null: one step at 0s to share 1
   * @param rollback the automatic rollback, or null for none
   */
  public record Params(
      @Param(
              key = "rollout",
              doc =
                  "The group (of a type with versions, like a server with versions) the new"
                      + " version is deployed to.",
              unit = Unit.NODE_REF,
              required = true)
          String group,
      @Param(
              doc = "The version deployed: one its group declares (a server's versions).",
              unit = Unit.TEXT,
              required = true,
              versionOf = "rollout")
          String version,
      @Param(
              doc =
                  "The stages, in time order: at each step's at (after the fault's), the first"
                      + " ceil(share × instances) by index run the new version; absent: one step"
                      + " at 0s to share 1, a big-bang deploy.",
              unit = Unit.NESTED)
          List<Step> steps,
      @Param(
              doc =
                  "Roll back automatically when the new version's error rate is too high;"
                      + " absent: never.",
              unit = Unit.NESTED)
          Rollback rollback) {}

  /** One stage of a rollout: see the {@link Param} docs. */
  public record Step(
      @Param(
              key = "at",
              doc = "When the step happens, after the fault's at.",
              unit = Unit.DURATION,
              required = true)
          long atNanos,
      @Param(
              doc = "Share of the group's instances on the new version from then on, 0 to 1.",
              unit = Unit.PROBABILITY,
              required = true)
          double share) {}

  /** The automatic rollback: see the {@link Param} docs. */
  public record Rollback(
      @Param(
              key = "errorsAbove",
              doc =
                  "Roll back when more than this share of the new version's answers are errors,"
                      + " 0 to 1 (0.05 is 5%).",
              unit = Unit.PROBABILITY,
              required = true)
          double errorsAbove,
      @Param(
              key = "over",
              doc =
                  "The sliding window the error rate is measured over (checked ten times per"
                      + " window, from the first step on).",
              unit = Unit.DURATION,
              defaultValue = "10s",
              min = 1)
          long overNanos,
      @Param(
              key = "minAnswers",
              doc =
                  "Fewest answers of the new version in the window for the error rate to be"
                      + " judged: fewer judge nothing.",
              unit = Unit.COUNT,
              defaultValue = "20")
          int minAnswers) {}

  @Override
  public String name() {
    return "rollout";
  }

  @Override
  public String summary() {
    return "Deploys a new version to a group in staged shares of its instances, with an optional"
        + " automatic rollback on the new version's error rate.";
  }

  @Override
  public Class<Params> parameters() {
    return Params.class;
  }

  @Override
  public Lasting lasting() {
    return Lasting.instant(
        "a rollout takes steps (each with its own at, like steps: [{at: 0s, share: 0.01}, {at:"
            + " 30s, share: 1}]), not 'for'");
  }

  @Override
  public List<Problem> check(Params p) {
    List<Problem> out = new ArrayList<>();
    List<Step> steps = steps(p);
    if (steps.isEmpty()) {
      out.add(new Problem("steps", "a rollout needs at least one step, like [{at: 0s, share: 1}]"));
    }
    for (int i = 0; i < steps.size(); i++) {
      Step s = steps.get(i);
      if (!(s.share() > 0)) {
        out.add(
            new Problem(
                "steps[" + i + "].share",
                "a step moves some instances to the new version: expected a share above 0, found"
                    + " 0"));
      }
      if (i > 0) {
        Step before = steps.get(i - 1);
        if (s.atNanos() <= before.atNanos()) {
          out.add(
              new Problem(
                  "steps[" + i + "].at",
                  "steps go in time order: step "
                      + (i + 1)
                      + " at "
                      + duration(s.atNanos())
                      + " is not after step "
                      + i
                      + " at "
                      + duration(before.atNanos())));
        } else if (s.share() < before.share()) {
          out.add(
              new Problem(
                  "steps[" + i + "].share",
                  "a step's share cannot be below the one before ("
                      + Labels.trim(s.share())
                      + " after "
                      + Labels.trim(before.share())
                      + "); a rollback is the rollback key's job"));
        }
      }
    }
    Rollback r = p.rollback();
    if (r != null && r.errorsAbove() >= 1) {
      out.add(
          new Problem(
              "rollback.errorsAbove",
              "no error rate is above 1, so this rollback would never happen; use a share below"
                  + " 1, like 0.05"));
    }
    return out;
  }

  private static List<Step> steps(Params p) {
    return p.steps() == null ? List.of(new Step(0, 1.0)) : p.steps();
  }

  @Override
  public String describe(Params p, Function<Target, String> targets) {
    StringBuilder b = new StringBuilder("rollout ").append(p.version()).append(" to ");
    b.append(p.group()).append(' ');
    List<Step> steps = steps(p);
    for (int i = 0; i < steps.size(); i++) {
      b.append(i == 0 ? "" : "/").append(percent(steps.get(i).share()));
    }
    if (p.rollback() != null) {
      b.append(", rollback above ").append(percent(p.rollback().errorsAbove())).append(" errors");
    }
    return b.toString();
  }

  /** How many of {@code n} instances a share puts on the new version: ceil(share × n). */
  static int instancesFor(double share, int n) {
    // The small margin keeps 0.1 × 30 at 3, not 4, despite binary fractions.
    return (int) Math.min(n, StrictMath.ceil(share * n - 1e-9));
  }

  /** A step's time as written in YAML: 20s, 1500ms or 7ns (a kind formats its own labels). */
  static String duration(long nanos) {
    if (nanos % 1_000_000_000L == 0) {
      return nanos / 1_000_000_000L + "s";
    }
    return nanos % 1_000_000L == 0 ? nanos / 1_000_000L + "ms" : nanos + "ns";
  }

  static String percent(double share) {
    return Labels.trim(StrictMath.round(share * 10000) / 100.0) + "%";
  }

  @Override
  public void start(Params p, FaultControls c) {
    new Run(p, c).begin();
  }

  /** One occurrence: the steps taken so far and the window of answers the rollback judges. */
  private final class Run {
    private final Params p;
    private final FaultControls c;
    private final int[] ids;
    private final String[] before;
    private final long[] answersSeen;
    private final long[] errorsSeen;
    private final long[] windowAnswers = new long[CHECKS_PER_WINDOW];
    private final long[] windowErrors = new long[CHECKS_PER_WINDOW];
    private int checks;
    private int switched;
    private boolean rolledBack;

    Run(Params p, FaultControls c) {
      this.p = p;
      this.c = c;
      this.ids = c.nodes(List.of(p.group()));
      this.before = new String[ids.length];
      this.answersSeen = new long[ids.length];
      this.errorsSeen = new long[ids.length];
    }

    void begin() {
      List<Step> steps = steps(p);
      for (int i = 0; i < steps.size(); i++) {
        Step s = steps.get(i);
        c.after(s.atNanos(), "rollout step " + (i + 1) + " " + p.group(), () -> step(s));
      }
      if (p.rollback() != null) {
        long period = period();
        c.after(steps.get(0).atNanos() + period, "rollout check " + p.group(), this::check);
      }
    }

    private long period() {
      return Math.max(1, p.rollback().overNanos() / CHECKS_PER_WINDOW);
    }

    private void step(Step s) {
      if (rolledBack) {
        return; // a rollback cancels the steps not yet taken
      }
      int target = instancesFor(s.share(), ids.length);
      List<String> moved = new ArrayList<>();
      for (int i = switched; i < target; i++) {
        NodeControls n = c.controls(ids[i]);
        before[i] = n.version();
        // Only what the instance answers from now on counts for the new version.
        answersSeen[i] = n.answers();
        errorsSeen[i] = n.errors();
        n.setVersion(p.version());
        moved.add(c.names(new int[] {ids[i]}).get(0));
      }
      switched = Math.max(switched, target);
      c.annotate(
          "rollout "
              + p.version()
              + " "
              + percent(s.share())
              + ": "
              + switched
              + " of "
              + ids.length,
          moved);
    }

    private void check() {
      if (rolledBack) {
        return;
      }
      long a = 0;
      long e = 0;
      for (int i = 0; i < switched; i++) {
        NodeControls n = c.controls(ids[i]);
        a += n.answers() - answersSeen[i];
        e += n.errors() - errorsSeen[i];
        answersSeen[i] = n.answers();
        errorsSeen[i] = n.errors();
      }
      int slot = checks++ % CHECKS_PER_WINDOW;
      windowAnswers[slot] = a;
      windowErrors[slot] = e;
      long answers = 0;
      long errors = 0;
      for (int i = 0; i < CHECKS_PER_WINDOW; i++) {
        answers += windowAnswers[i];
        errors += windowErrors[i];
      }
      Rollback r = p.rollback();
      if (answers >= r.minAnswers() && errors > r.errorsAbove() * answers) {
        rollBack((double) errors / answers);
        return;
      }
      c.after(period(), "rollout check " + p.group(), this::check);
    }

    private void rollBack(double rate) {
      rolledBack = true;
      List<String> names = new ArrayList<>();
      for (int i = 0; i < switched; i++) {
        c.controls(ids[i]).setVersion(before[i]);
        names.add(c.names(new int[] {ids[i]}).get(0));
      }
      c.annotate(
          "rollback "
              + p.version()
              + ": "
              + percent(rate)
              + " errors > "
              + percent(p.rollback().errorsAbove()),
          names);
      switched = 0;
    }
  }
}
