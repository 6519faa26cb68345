package dev.sim.cli.sweep;

import dev.sim.cli.RunPipeline;
import dev.sim.cli.UserError;
import dev.sim.scenarios.config.ScenarioLoader;
import dev.sim.scenarios.config.ScenarioSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a sweep runs: one scenario with the {@code --set} overrides, the points (the cross product
 * of the {@code --vary} values, the first {@code --vary} varying slowest) and the seeds, every
 * point's scenario loaded and validated before any run starts. Run {@code i} of the run order is
 * seed {@code i / points} at point {@code i % points}: seeds ascend, so that a search for the
 * smallest failing seed finishes the small ones first. The files list the runs by point, then seed.
 *
 * @param source the scenario file (or {@code plugin:NAME}) as given
 * @param overrides the {@code --set} and {@code --unset} arguments, in order, before the points'
 * @param plugins the {@code --plugin} paths
 * @param varies the {@code --vary} arguments, in order
 * @param seeds the seeds
 * @param limits when to stop a runaway run
 * @param name the scenario's name
 * @param points every point, in order
 * @param shard the slice of the runs this sweep makes ({@link Shard#WHOLE} for all)
 */
public record SweepPlan(
    Path source,
    List<String> overrides,
    List<Path> plugins,
    List<Vary> varies,
    Seeds seeds,
    RunPipeline.Limits limits,
    String name,
    List<Point> points,
    Shard shard) {

  /** Arguments a shell passes on unchanged: no spaces, globs, braces, quotes or variables. */

  /** The most runs one sweep may hold (its rows are indexed by an int). */
  public static final long MAX_RUNS = Integer.MAX_VALUE - 8;

  /** Copies the lists. */
  public SweepPlan {
    overrides = List.copyOf(overrides);
    plugins = List.copyOf(plugins);
    varies = List.copyOf(varies);
    points = List.copyOf(points);
  }

  /**
   * One combination of the varied values.
   *
   * @param index its place in the sweep, from 0
   * @param values one value per varied path, in the order of the {@code --vary} arguments
   * @param overrides every override its runs load with: the sweep's, then {@code PATH=VALUE} for
   *     each varied path
   * @param scenario the validated scenario its runs use
   */
  public record Point(
      int index, List<String> values, List<String> overrides, ScenarioSpec scenario) {
    /** Copies the lists. */
    public Point {
      values = List.copyOf(values);
      overrides = List.copyOf(overrides);
    }
  }

  /** Loads the scenario of a point from the overrides it runs with and its value indexes. */
  private interface PointLoader {
    ScenarioSpec load(List<String> edits, int[] digits);
  }

  /**
   * Reads the arguments and loads every point's scenario.
   *
   * @param seedsArgument the {@code --seeds} text, or null for the scenario's own seed alone
   * @param varyArguments the {@code --vary} texts, in order
   * @param shard the slice to run
   * @throws UserError for bad input: which argument, and what to write instead
   */
  public static SweepPlan of(
      RunPipeline pipeline,
      Path source,
      List<String> overrides,
      List<Path> plugins,
      List<String> varyArguments,
      String seedsArgument,
      RunPipeline.Limits limits,
      Shard shard) {
    Seeds parsedSeeds = seedsArgument == null ? null : Seeds.parse(seedsArgument);
    List<Vary> varies = new ArrayList<>();
    Map<String, Vary> byPath = new LinkedHashMap<>();
    for (String a : varyArguments) {
      Vary v = Vary.parse(a);
      Vary earlier = byPath.putIfAbsent(v.path(), v);
      if (earlier != null) {
        throw new UserError(
            "--vary "
                + a
                + ": "
                + v.path()
                + " is already varied by --vary "
                + earlier.argument()
                + "; give all its values in one --vary");
      }
      varies.add(v);
    }
    long count = pointCount(varies);
    // The scenario alone first, so that a mistake in the file or a --set is reported as such.
    ScenarioSpec base = pipeline.load(source, overrides);
    Seeds seeds = parsedSeeds != null ? parsedSeeds : Seeds.of(base.seed());
    if (seeds.count() > MAX_RUNS / count) {
      throw tooMany((double) seeds.count() * count);
    }
    List<Point> points =
        points(
            varies,
            overrides,
            (edits, digits) ->
                varies.isEmpty() ? base : load(pipeline, source, edits, varies, digits));
    return new SweepPlan(
        source, overrides, plugins, varies, seeds, limits, base.name(), points, shard);
  }

  /**
   * The plan a sweep's definition describes, without loading its scenario (its points' {@code
   * scenario} is null): enough to write the sweep's files and replay commands, as {@code sim merge}
   * does.
   *
   * @throws UserError when the definition holds too many runs
   */
  public static SweepPlan described(
      Path source,
      List<String> overrides,
      List<Path> plugins,
      List<Vary> varies,
      Seeds seeds,
      RunPipeline.Limits limits,
      String name) {
    long count = pointCount(varies);
    if (seeds.count() > MAX_RUNS / count) {
      throw tooMany((double) seeds.count() * count);
    }
    List<Point> points = points(varies, overrides, (edits, digits) -> null);
    return new SweepPlan(
        source, overrides, plugins, varies, seeds, limits, name, points, Shard.WHOLE);
  }

  /** This plan whole, as the merged shards make it. */
  public SweepPlan whole() {
    return new SweepPlan(
        source, overrides, plugins, varies, seeds, limits, name, points, Shard.WHOLE);
  }

  private static long pointCount(List<Vary> varies) {
    long count = 1;
    for (Vary v : varies) {
      count *= v.values().size();
      if (count > MAX_RUNS) {
        throw tooMany(count);
      }
    }
    return count;
  }

  /** Every point, the first {@code --vary} varying slowest. */
  private static List<Point> points(List<Vary> varies, List<String> overrides, PointLoader loader) {
    int count = (int) pointCount(varies);
    List<Point> points = new ArrayList<>(count);
    for (int p = 0; p < count; p++) {
      List<String> values = new ArrayList<>(varies.size());
      List<String> edits = new ArrayList<>(overrides);
      int rest = p;
      int[] digits = new int[varies.size()];
      for (int k = varies.size() - 1; k >= 0; k--) {
        int n = varies.get(k).values().size();
        digits[k] = rest % n;
        rest /= n;
      }
      for (int k = 0; k < varies.size(); k++) {
        values.add(varies.get(k).values().get(digits[k]));
        edits.add(varies.get(k).override(digits[k]));
      }
      points.add(new Point(p, values, edits, loader.load(edits, digits)));
    }
    return points;
  }

  /** The number of runs of the whole sweep: points × seeds. */
  public int runs() {
    return (int) (points.size() * seeds.count());
  }

  /** The number of runs of this plan's shard. */
  public int shardRuns() {
    long total = runs();
    long first = shard.index() - 1;
    return total <= first ? 0 : (int) ((total - first + shard.count() - 1) / shard.count());
  }

  /**
   * Whether run {@code i} of the run order (see the class comment) is this plan's shard's: its row
   * of the whole sweep's file order, point then seed, is the shard's.
   */
  public boolean inShard(int i) {
    if (shard.whole()) {
      return true;
    }
    long row = (long) (i % points.size()) * seeds.count() + i / points.size();
    return shard.holds(row);
  }

  /** The seed of run {@code i} of the run order. */
  public long seedOf(int i) {
    return seeds.get(i / points.size());
  }

  /** The point of run {@code i} of the run order. */
  public Point pointOf(int i) {
    return points.get(i % points.size());
  }

  /**
   * The {@code sim run} command that makes exactly the run of {@code point} and {@code seed}: the
   * same overrides, plugins and limits, each argument quoted for a POSIX shell where it needs it
   * ({@code --set 'nodes.clients.retry={max: 3}'}), so that it can be pasted as printed.
   */
  public String replay(Point point, long seed) {
    StringBuilder b = new StringBuilder("sim run ").append(quote(source.toString()));
    b.append(" --seed ").append(seed);
    for (String o : point.overrides()) {
      if (o.startsWith(ScenarioLoader.UNSET_PREFIX)) {
        b.append(" --unset ").append(quote(o.substring(ScenarioLoader.UNSET_PREFIX.length())));
      } else {
        b.append(" --set ").append(quote(o));
      }
    }
    for (Path p : plugins) {
      b.append(" --plugin ").append(quote(p.toString()));
    }
    if (limits.maxEvents() != RunPipeline.Limits.DEFAULT.maxEvents()) {
      b.append(" --max-events ").append(limits.maxEvents());
    }
    if (limits.maxWallNanos() != RunPipeline.Limits.DEFAULT.maxWallNanos()) {
      b.append(" --max-wall ").append(Decimals.shortest(limits.maxWallNanos() / 1e9));
    }
    return b.toString();
  }

  /** {@code arg} as a POSIX shell reads it back: see {@link RunPipeline#quote}. */
  static String quote(String arg) {
    return RunPipeline.quote(arg);
  }

  /**
   * Loads one point; a problem in a varied value is reported as the {@code --vary} that gave it,
   * not as the {@code --set} the loader saw.
   */
  private static ScenarioSpec load(
      RunPipeline pipeline, Path source, List<String> edits, List<Vary> varies, int[] digits) {
    try {
      return pipeline.load(source, edits);
    } catch (UserError e) {
      String message = e.getMessage();
      for (int k = 0; k < varies.size(); k++) {
        Vary v = varies.get(k);
        String set = v.override(digits[k]);
        String as =
            "--vary "
                + set
                + (v.range() || v.values().size() > 1
                    ? " (value " + (digits[k] + 1) + " of --vary " + v.argument() + ")"
                    : "");
        message = message.replace("--set " + set, as);
      }
      if (varies.size() > 1 || message.equals(e.getMessage())) {
        // A combination of values, or the file's own keys, clash with this point (a duration
        // shorter than a fault's time, say): name the whole point, since each value alone is fine.
        List<String> at = new ArrayList<>();
        for (int k = 0; k < varies.size(); k++) {
          at.add(varies.get(k).override(digits[k]));
        }
        message =
            "the point " + String.join(" ", at) + " of the --vary values is not valid:\n" + message;
      }
      throw new UserError(message);
    }
  }

  private static UserError tooMany(double runs) {
    return new UserError(
        String.format(
            java.util.Locale.ROOT,
            "the sweep would make %.3g runs; one sweep makes at most %,d: use fewer seeds or"
                + " values",
            runs,
            MAX_RUNS));
  }
}
