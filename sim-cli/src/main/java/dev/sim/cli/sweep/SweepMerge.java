package dev.sim.cli.sweep;

import dev.sim.cli.RunPipeline;
import dev.sim.cli.UserError;
import dev.sim.report.io.JsonTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code sim merge}: joins the folders of the N shards of one sweep into what the unsharded sweep
 * writes. Each folder's {@code sweep.json} must describe the same sweep (scenario, seeds, values,
 * overrides, plugins, limits, version) and name a different shard of the same N, every shard once;
 * the rows of the tables are put back in file order, and with {@code --until-fail} cut at the
 * smallest failing seed of all the shards. Since every shard runs every seed up to its own failing
 * one, the rows up to the smallest are all there.
 */
public final class SweepMerge {
  /** The keys of {@code sweep.json} that define a sweep: shards of one sweep agree on all. */
  static final List<String> DEFINITION =
      List.of(
          "scenario",
          "source",
          "version",
          "seeds",
          "vary",
          "overrides",
          "plugins",
          "limits",
          "untilFail",
          "expectations",
          "heatmap");

  private SweepMerge() {}

  /**
   * The merged sweep.
   *
   * @param plan the whole sweep's plan (its points hold no scenario)
   * @param outcome its rows, as the unsharded sweep keeps them
   * @param untilFail whether the sweep searched for the smallest failing seed
   * @param version the simulator version that ran the shards
   * @param shards how many shards were merged
   * @param charting the expectations and heatmap figure the shards recorded
   */
  public record Merged(
      SweepPlan plan,
      SweepRunner.Outcome outcome,
      boolean untilFail,
      String version,
      int shards,
      SweepCharting charting) {}

  /** One shard's folder, read. */
  private record Part(Path dir, Map<String, Object> json, Shard shard) {}

  /**
   * Reads and joins the shard folders {@code dirs}.
   *
   * @throws UserError for a folder that is not a shard, shards of different sweeps, a shard missing
   *     or given twice, or a table that does not match its sweep
   */
  public static Merged merge(List<Path> dirs) {
    List<Part> parts = new ArrayList<>();
    for (Path dir : dirs) {
      parts.add(read(dir));
    }
    Part first = parts.get(0);
    int count = first.shard().count();
    Part[] byIndex = new Part[count];
    for (Part p : parts) {
      for (String key : DEFINITION) {
        if (!Objects.equals(p.json().get(key), first.json().get(key))) {
          throw new UserError(
              p.dir()
                  + " is a shard of a different sweep than "
                  + first.dir()
                  + ": its '"
                  + key
                  + "' is "
                  + JsonText.write(p.json().get(key)).strip()
                  + ", the other's "
                  + JsonText.write(first.json().get(key)).strip()
                  + "; merge the shards of one sweep");
        }
      }
      if (p.shard().count() != count) {
        throw new UserError(
            p.dir()
                + " is shard "
                + p.shard()
                + " but "
                + first.dir()
                + " is shard "
                + first.shard()
                + ": the shards of one sweep are all K/N with the same N");
      }
      Part twice = byIndex[p.shard().index() - 1];
      if (twice != null) {
        throw new UserError(
            twice.dir() + " and " + p.dir() + " are both shard " + p.shard() + "; give each once");
      }
      byIndex[p.shard().index() - 1] = p;
    }
    List<String> missing = new ArrayList<>();
    for (int k = 0; k < count; k++) {
      if (byIndex[k] == null) {
        missing.add((k + 1) + "/" + count);
      }
    }
    if (!missing.isEmpty()) {
      throw new UserError(
          (missing.size() == 1 ? "shard " : "shards ")
              + String.join(", ", missing)
              + (missing.size() == 1 ? " is" : " are")
              + " missing: add the folder"
              + (missing.size() == 1 ? "" : "s")
              + " that 'sim sweep ... --shard "
              + missing.get(0)
              + "'"
              + (missing.size() == 1 ? "" : " and the others")
              + " wrote");
    }
    SweepPlan plan = plan(first);
    boolean untilFail = Boolean.TRUE.equals(first.json().get("untilFail"));
    Long failing = null;
    List<RunRow> rows = new ArrayList<>();
    Map<List<String>, String[]> names = new ConcurrentHashMap<>();
    for (Part p : byIndex) {
      Object f = p.json().get("firstFailingSeed");
      if (untilFail && f instanceof Long seed) {
        failing = failing == null ? seed : Math.min(failing, seed);
      }
      rows.addAll(table(p, plan, names));
    }
    if (failing != null) {
      long cut = failing;
      rows.removeIf(r -> r.seed() > cut);
    }
    rows.sort(Comparator.comparingInt(RunRow::point).thenComparingLong(RunRow::seed));
    long seeds = failing == null ? plan.seeds().count() : failing - plan.seeds().first() + 1;
    long expected = seeds * plan.points().size();
    for (int i = 1; i < rows.size(); i++) {
      RunRow a = rows.get(i - 1);
      RunRow b = rows.get(i);
      if (a.point() == b.point() && a.seed() == b.seed()) {
        throw new UserError(
            "the run of point " + a.point() + " and seed " + a.seed() + " is in two shards");
      }
    }
    if (rows.size() != expected) {
      throw new UserError(
          "the shards hold "
              + rows.size()
              + " of the sweep's "
              + expected
              + " runs: a shard's table is incomplete (was its sweep stopped?)");
    }
    SweepRunner.Outcome outcome = new SweepRunner.Outcome(rows, failing, 0, Double.NaN);
    SweepCharting charting =
        SweepCharting.fromJson(first.json(), first.dir().resolve(SweepJson.FILE));
    return new Merged(
        plan, outcome, untilFail, (String) first.json().get("version"), count, charting);
  }

  private static Part read(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new UserError(
          dir
              + ": "
              + (Files.exists(dir) ? "not a folder" : "no such folder")
              + " (expected the folder of a 'sim sweep --shard K/N')");
    }
    Path json = dir.resolve(SweepJson.FILE);
    if (!Files.isRegularFile(json) || !Files.isRegularFile(dir.resolve(SweepCsv.FILE))) {
      throw new UserError(
          dir
              + ": not a sweep's folder (it has no "
              + SweepJson.FILE
              + " and "
              + SweepCsv.FILE
              + "; expected the folder of a 'sim sweep --shard K/N')");
    }
    Object tree;
    try {
      tree = JsonTree.parse(Files.readString(json, StandardCharsets.UTF_8));
    } catch (IOException | IllegalArgumentException e) {
      throw new UserError(json + ": cannot read it: " + e.getMessage());
    }
    if (!(tree instanceof Map<?, ?> m) || !m.containsKey("scenario")) {
      throw new UserError(json + ": not the sweep.json of 'sim sweep'");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) m;
    Object shard = map.get("shard");
    if (shard == null) {
      throw new UserError(
          dir + " holds a whole sweep (run without --shard): there is nothing to merge into it");
    }
    try {
      Map<?, ?> s = (Map<?, ?>) shard;
      return new Part(
          dir,
          map,
          new Shard(
              Math.toIntExact((Long) s.get("index")), Math.toIntExact((Long) s.get("count"))));
    } catch (RuntimeException e) {
      throw new UserError(json + ": its 'shard' is not {\"index\": K, \"count\": N}");
    }
  }

  /** The whole sweep's plan, from a shard's definition. */
  private static SweepPlan plan(Part p) {
    Path json = p.dir().resolve(SweepJson.FILE);
    try {
      Map<String, Object> m = p.json();
      Map<?, ?> seeds = (Map<?, ?>) m.get("seeds");
      Map<?, ?> limits = (Map<?, ?>) m.get("limits");
      List<Vary> varies = new ArrayList<>();
      for (Object o : (List<?>) m.get("vary")) {
        Map<?, ?> v = (Map<?, ?>) o;
        List<String> values = new ArrayList<>();
        for (Object value : (List<?>) v.get("values")) {
          values.add((String) value);
        }
        varies.add(new Vary((String) v.get("path"), values, (String) v.get("argument"), false));
      }
      List<String> overrides = new ArrayList<>();
      for (Object o : (List<?>) m.get("overrides")) {
        overrides.add((String) o);
      }
      List<Path> plugins = new ArrayList<>();
      for (Object o : (List<?>) m.get("plugins")) {
        plugins.add(Path.of((String) o));
      }
      double wall = ((Number) limits.get("maxWallSeconds")).doubleValue();
      return SweepPlan.described(
          Path.of((String) m.get("source")),
          overrides,
          plugins,
          varies,
          new Seeds((Long) seeds.get("first"), (Long) seeds.get("last")),
          new RunPipeline.Limits((Long) limits.get("maxEvents"), Math.round(wall * 1e9)),
          (String) m.get("scenario"));
    } catch (ClassCastException | NullPointerException | IllegalArgumentException e) {
      throw new UserError(json + ": the sweep's definition is incomplete or malformed (" + e + ")");
    }
  }

  /** The rows of a shard's table, each checked to be the shard's. */
  private static List<RunRow> table(Part p, SweepPlan plan, Map<List<String>, String[]> names) {
    Path csv = p.dir().resolve(SweepCsv.FILE);
    List<RunRow> rows;
    try {
      rows =
          TableReader.read(
              Files.readString(csv, StandardCharsets.UTF_8), csv.toString(), plan, names);
    } catch (IOException | IllegalArgumentException e) {
      throw new UserError("cannot merge " + csv + ": " + e.getMessage());
    }
    for (RunRow r : rows) {
      long row = (long) r.point() * plan.seeds().count() + (r.seed() - plan.seeds().first());
      if (!p.shard().holds(row)) {
        throw new UserError(
            csv
                + ": the run of point "
                + r.point()
                + " and seed "
                + r.seed()
                + " is not shard "
                + p.shard()
                + "'s");
      }
    }
    return rows;
  }
}
