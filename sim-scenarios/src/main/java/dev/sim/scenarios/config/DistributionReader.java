package dev.sim.scenarios.config;

import dev.sim.kernel.random.Distribution;
import dev.sim.kernel.random.Distributions;
import dev.sim.scenarios.config.yaml.YamlList;
import dev.sim.scenarios.config.yaml.YamlMap;
import dev.sim.scenarios.config.yaml.YamlNode;
import dev.sim.scenarios.config.yaml.YamlScalar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads distributions, {@code {dist: NAME, ...}} or a bare duration, for {@link Values}: each
 * distribution's parameters with their units, the checks across them ({@code max >= min}), and the
 * names people use for them ({@code sd} for {@code stddev}). Not thread-safe.
 */
final class DistributionReader {
  /** The distributions of the scenario format and their parameter keys. */
  static final Map<String, List<String>> DISTRIBUTIONS = distributions();

  private static final String DIST_EXAMPLE = "{dist: exponential, mean: 5ms}";

  /** Names people use for a distribution's parameters, and the key the format uses. */
  private static final Map<String, String> PARAM_SYNONYMS =
      Map.of(
          "sd", "stddev", "std", "stddev", "sigma", "stddev", "stdev", "stddev", "median", "p50",
          "avg", "mean", "average", "mean", "mu", "mean", "alpha", "shape", "xm", "scale");

  private final Values reader;
  private final Problems problems;

  DistributionReader(Values reader) {
    this.reader = reader;
    this.problems = reader.problems();
  }

  /**
   * A distribution of durations: {@code {dist: NAME, ...}} or a bare duration meaning constant.
   * Values are nanoseconds. Returns null after recording problems.
   */
  Distribution distribution(YamlNode node, String path) {
    if (node instanceof YamlScalar s && !s.isNull()) {
      String t = s.text().strip();
      if (DISTRIBUTIONS.containsKey(t)) {
        reader.problem(
            node,
            path,
            Words.withArticle(t) + " distribution needs its parameters: write " + example(t));
        return null;
      }
      try {
        return Distributions.constant(Units.durationNanos(t));
      } catch (IllegalArgumentException e) {
        reader.problem(node, path, e.getMessage() + "; or a distribution like " + DIST_EXAMPLE);
        return null;
      }
    }
    YamlMap m =
        reader.map(node, path, "a duration like 5ms or a distribution like " + DIST_EXAMPLE);
    if (m == null) {
      return null;
    }
    String name = distName(m, path);
    if (name == null) {
      return null;
    }
    int before = problems.size();
    List<String> keys = DISTRIBUTIONS.get(name);
    Map<String, YamlNode> p = distParams(m, path, name, keys);
    if (p == null) {
      return null;
    }
    Map<String, Double> v = new LinkedHashMap<>();
    for (Map.Entry<String, YamlNode> e : p.entrySet()) {
      String k = e.getKey();
      String kp = join(path, k);
      if (k.equals("shape")) {
        v.put(k, positive(e.getValue(), kp));
      } else if (k.equals("values") || k.equals("weights")) {
        continue;
      } else {
        Long d = reader.duration(e.getValue(), kp);
        v.put(k, d == null ? null : d.doubleValue());
      }
    }
    double[] values = null;
    double[] weights = null;
    if (name.equals("empirical")) {
      values = durationArray(p.get("values"), join(path, "values"));
      if (p.containsKey("weights")) {
        weights = weightArray(p.get("weights"), join(path, "weights"), values);
      }
    }
    if (problems.size() > before) {
      return null;
    }
    String err = crossCheck(name, v);
    if (err != null) {
      reader.problem(m, path, err);
      return null;
    }
    try {
      return switch (name) {
        case "constant" -> Distributions.constant(v.get("value"));
        case "uniform" -> Distributions.uniform(v.get("min"), v.get("max"));
        case "exponential" -> Distributions.exponential(v.get("mean"));
        case "normal" -> Distributions.normal(v.get("mean"), v.get("stddev"));
        case "lognormal" ->
            v.containsKey("p50")
                ? Distributions.lognormal(v.get("p50"), v.get("p99"))
                : Distributions.lognormalMeanStddev(v.get("mean"), v.get("stddev"));
        case "pareto" -> Distributions.pareto(v.get("scale"), v.get("shape"));
        case "empirical" -> Distributions.empirical(values, weights);
        default -> throw new IllegalStateException(name);
      };
    } catch (IllegalArgumentException e) {
      reader.problem(m, path, e.getMessage());
      return null;
    }
  }

  /**
   * A distribution of signed durations (clock offsets): a duration such as {@code -300ms}, {@code
   * {dist: constant, value: D}} or {@code {dist: uniform, min: -5ms, max: 5ms}}; or null.
   */
  SignedDistribution signedDistribution(YamlNode node, String path) {
    String like = "a duration like 300ms or -5ms, or {dist: uniform, min: -5ms, max: 5ms}";
    if (node instanceof YamlScalar s && !s.isNull()) {
      Long v = reader.scalar(node, path, like, Units::signedDurationNanos);
      return v == null ? null : SignedDistribution.constant(v);
    }
    YamlMap m = reader.map(node, path, like);
    if (m == null) {
      return null;
    }
    String name = distName(m, path);
    if (name == null) {
      return null;
    }
    if (!name.equals("constant") && !name.equals("uniform")) {
      reader.problem(
          m.get("dist"),
          join(path, "dist"),
          "a clock offset takes a constant or a uniform "
              + "distribution (offsets may be negative), found '"
              + name
              + "'");
      return null;
    }
    Map<String, YamlNode> p = distParams(m, path, name, DISTRIBUTIONS.get(name));
    if (p == null) {
      return null;
    }
    int before = problems.size();
    Map<String, Long> v = new LinkedHashMap<>();
    p.forEach((k, n) -> v.put(k, reader.signedDuration(n, join(path, k))));
    if (problems.size() > before) {
      return null;
    }
    if (name.equals("constant")) {
      return SignedDistribution.constant(v.get("value"));
    }
    if (v.get("max") < v.get("min")) {
      reader.problem(
          m,
          path,
          "uniform: max must be at least min, found min "
              + text(p.get("min"))
              + " and max "
              + text(p.get("max")));
      return null;
    }
    return new SignedDistribution(v.get("min"), v.get("max"));
  }

  /** An example of distribution {@code name} in YAML, for messages. */
  static String example(String name) {
    return switch (name) {
      case "constant" -> "{dist: constant, value: 5ms} (or just 5ms)";
      case "uniform" -> "{dist: uniform, min: 1ms, max: 5ms}";
      case "exponential" -> "{dist: exponential, mean: 5ms}";
      case "normal" -> "{dist: normal, mean: 5ms, stddev: 1ms}";
      case "lognormal" -> "{dist: lognormal, p50: 2ms, p99: 20ms}";
      case "pareto" -> "{dist: pareto, scale: 1ms, shape: 1.5}";
      case "empirical" -> "{dist: empirical, values: [1ms, 5ms, 50ms], weights: [90, 9, 1]}";
      default -> DIST_EXAMPLE;
    };
  }

  private String distName(YamlMap m, String path) {
    YamlNode d = m.get("dist");
    if (d == null) {
      reader.missing(
          m,
          path,
          "dist",
          "write a distribution as "
              + DIST_EXAMPLE
              + ", with dist one of "
              + String.join(", ", DISTRIBUTIONS.keySet())
              + "; or a plain duration like 5ms");
      return null;
    }
    String name = reader.text(d, join(path, "dist"), "a distribution name");
    if (name == null) {
      return null;
    }
    if (!DISTRIBUTIONS.containsKey(name)) {
      String near = DidYouMean.suffix(name, DISTRIBUTIONS.keySet());
      reader.problem(
          d,
          join(path, "dist"),
          "unknown distribution '"
              + name
              + "'"
              + (near.isEmpty()
                  ? "; known distributions are " + String.join(", ", DISTRIBUTIONS.keySet())
                  : near));
      return null;
    }
    return name;
  }

  /** The parameters of distribution {@code name} present in {@code m}, checked; or null. */
  private Map<String, YamlNode> distParams(YamlMap m, String path, String name, List<String> keys) {
    int before = problems.size();
    List<String> allowed = new ArrayList<>(keys);
    allowed.add(0, "dist");
    String takes =
        name.equals("lognormal")
            ? "(lognormal takes p50 and p99, or mean and stddev)"
            : "(" + name + " takes " + String.join(" and ", keys) + ")";
    for (YamlMap.Entry e : m.entries()) {
      if (!allowed.contains(e.key())) {
        String meant = PARAM_SYNONYMS.get(e.key());
        String near =
            meant != null && keys.contains(meant)
                ? " — did you mean '" + meant + "'?"
                : DidYouMean.suffix(e.key(), keys);
        problems.add(
            e.keyLocation(),
            join(path, e.key()),
            "unknown key '"
                + e.key()
                + "' for "
                + Words.withArticle(name)
                + " distribution"
                + near
                + " "
                + takes);
      }
    }
    List<String> needed = new ArrayList<>(keys);
    if (name.equals("lognormal")) {
      boolean pct = m.has("p50") || m.has("p99");
      boolean moments = m.has("mean") || m.has("stddev");
      if (pct && moments) {
        reader.problem(
            m,
            path,
            "a lognormal distribution takes either p50 and p99, or mean and stddev," + " not both");
        return null;
      }
      needed = moments ? List.of("mean", "stddev") : List.of("p50", "p99");
    } else if (name.equals("empirical")) {
      needed = List.of("values");
    }
    for (String k : needed) {
      if (!m.has(k)) {
        problems.add(
            m.keyLocation(),
            path,
            Words.withArticle(name)
                + " distribution needs '"
                + k
                + "' "
                + takes
                + ", e.g. "
                + example(name));
      }
    }
    if (problems.size() > before) {
      return null;
    }
    Map<String, YamlNode> out = new LinkedHashMap<>();
    for (String k : keys) {
      if (m.has(k)) {
        out.put(k, m.get(k));
      }
    }
    return out;
  }

  private static String crossCheck(String name, Map<String, Double> v) {
    return switch (name) {
      case "uniform" ->
          v.get("max") < v.get("min")
              ? "uniform: max must be at least min, found min "
                  + Units.formatDuration(v.get("min").longValue())
                  + " and max "
                  + Units.formatDuration(v.get("max").longValue())
              : null;
      case "exponential" ->
          v.get("mean") <= 0
              ? "exponential: mean must be more than 0s (for no delay write 0s)"
              : null;
      case "lognormal" ->
          v.containsKey("p50")
              ? (v.get("p50") <= 0
                  ? "lognormal: p50 must be more than 0s"
                  : v.get("p99") < v.get("p50")
                      ? "lognormal: p99 must be at least p50, found p50 "
                          + Units.formatDuration(v.get("p50").longValue())
                          + " and p99 "
                          + Units.formatDuration(v.get("p99").longValue())
                      : null)
              : (v.get("mean") <= 0 ? "lognormal: mean must be more than 0s" : null);
      case "pareto" -> v.get("scale") <= 0 ? "pareto: scale must be more than 0s" : null;
      default -> null;
    };
  }

  private Double positive(YamlNode node, String path) {
    Double d = reader.number(node, path);
    if (d != null && !(d > 0)) {
      reader.problem(node, path, "expected a number more than 0, found " + node.describe());
      return null;
    }
    return d;
  }

  private double[] durationArray(YamlNode node, String path) {
    YamlList l = reader.list(node, path, "a list of durations like [1ms, 5ms, 50ms]");
    if (l == null) {
      return null;
    }
    if (l.size() == 0) {
      reader.problem(node, path, "expected at least one value, found an empty list");
      return null;
    }
    double[] out = new double[l.size()];
    for (int i = 0; i < l.size(); i++) {
      Long d = reader.duration(l.get(i), path + "[" + i + "]");
      out[i] = d == null ? 0 : d;
    }
    return out;
  }

  private double[] weightArray(YamlNode node, String path, double[] values) {
    YamlList l = reader.list(node, path, "a list of weights like [90, 9, 1]");
    if (l == null) {
      return null;
    }
    double[] out = new double[l.size()];
    double sum = 0;
    int before = problems.size();
    for (int i = 0; i < l.size(); i++) {
      String ip = path + "[" + i + "]";
      Double w = reader.number(l.get(i), ip);
      if (w != null && !(w >= 0)) {
        reader.problem(
            l.get(i), ip, "expected a weight of 0 or more, found " + l.get(i).describe());
      }
      out[i] = w == null ? 0 : w;
      sum += out[i];
    }
    if (problems.size() == before && values != null && l.size() != values.length) {
      reader.problem(
          node, path, "expected one weight per value (" + values.length + "), found " + l.size());
    } else if (problems.size() == before && !(sum > 0)) {
      reader.problem(node, path, "the weights must not all be 0");
    }
    return out;
  }

  private static String text(YamlNode n) {
    return n instanceof YamlScalar s ? s.text() : n.describe();
  }

  private static String join(String path, String key) {
    return Values.join(path, key);
  }

  private static Map<String, List<String>> distributions() {
    Map<String, List<String>> m = new LinkedHashMap<>();
    m.put("constant", List.of("value"));
    m.put("uniform", List.of("min", "max"));
    m.put("exponential", List.of("mean"));
    m.put("normal", List.of("mean", "stddev"));
    m.put("lognormal", List.of("p50", "p99", "mean", "stddev"));
    m.put("pareto", List.of("scale", "shape"));
    m.put("empirical", List.of("values", "weights"));
    return java.util.Collections.unmodifiableMap(m);
  }
}
