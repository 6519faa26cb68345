package dev.sim.scenarios.config;

import dev.sim.kernel.random.Distribution;
import dev.sim.scenarios.config.yaml.YamlList;
import dev.sim.scenarios.config.yaml.YamlMap;
import dev.sim.scenarios.config.yaml.YamlNode;
import dev.sim.scenarios.config.yaml.YamlScalar;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads typed values out of located YAML nodes, recording a {@link Problem} (and returning null)
 * for anything that does not fit. Shared by the scenario loader and the parameter binder so that
 * every key of every node type answers mistakes with the same words. Not thread-safe.
 */
public final class Values {
  /** The distributions of the scenario format and their parameter keys. */
  public static final Map<String, List<String>> DISTRIBUTIONS = DistributionReader.DISTRIBUTIONS;

  private final Problems problems;
  private final DistributionReader distributions;

  /** Creates a reader that records into {@code problems}. */
  public Values(Problems problems) {
    this.problems = problems;
    this.distributions = new DistributionReader(this);
  }

  /** Where problems go. */
  public Problems problems() {
    return problems;
  }

  /** Records a problem at {@code node}'s value. */
  public void problem(YamlNode node, String path, String message) {
    problems.add(node.location(), path, message);
  }

  // ------------------------------------------------------------------ scalars with units

  /** A non-negative duration in nanoseconds, or null. */
  public Long duration(YamlNode node, String path) {
    return scalar(node, path, "a duration like 5ms or 1.5s", Units::durationNanos);
  }

  /** A duration that may be negative (clock offsets and jumps), in nanoseconds, or null. */
  public Long signedDuration(YamlNode node, String path) {
    return scalar(node, path, "a duration like 5ms or -300ms", Units::signedDurationNanos);
  }

  /** A rate in events per second, or null. */
  public Double rate(YamlNode node, String path) {
    return scalar(node, path, "a rate like 800/s or 30/m", Units::ratePerSecond);
  }

  /** A size in bytes, or null. */
  public Long size(YamlNode node, String path) {
    return scalar(node, path, "a size like 2MB or 4GB", Units::sizeBytes);
  }

  /** A bandwidth in bits per second, or null. */
  public Double bandwidth(YamlNode node, String path) {
    return scalar(node, path, "a bandwidth like 100Mbps or 1Gbps", Units::bandwidthBitsPerSecond);
  }

  /** A probability in [0, 1], or null. */
  public Double probability(YamlNode node, String path) {
    return scalar(node, path, "a probability between 0 and 1", Units::probability);
  }

  /** A plain number, or null. */
  public Double number(YamlNode node, String path) {
    return scalar(node, path, "a number", t -> Units.number(t, "a number"));
  }

  /** A whole number that fits a long, or null; {@code expected} words the message. */
  public Long wholeNumber(YamlNode node, String path, String expected) {
    return scalar(node, path, expected, t -> Units.wholeNumber(t, expected));
  }

  /** Any scalar's text (numbers and booleans as written), or null for a list, map or nothing. */
  public String text(YamlNode node, String path, String expected) {
    return scalar(node, path, expected, t -> t);
  }

  /**
   * Reads a scalar with {@code parse}; a map, list or empty value is reported as "expected {@code
   * expected}, found ...", and a parse failure with its own message.
   */
  public <T> T scalar(YamlNode node, String path, String expected, Function<String, T> parse) {
    if (!(node instanceof YamlScalar s) || s.isNull()) {
      problem(node, path, "expected " + expected + ", found " + node.describe());
      return null;
    }
    try {
      return parse.apply(s.text());
    } catch (IllegalArgumentException e) {
      problem(node, path, e.getMessage());
      return null;
    }
  }

  /** One of {@code choices}, with a did-you-mean for a near miss, or null. */
  public String choice(YamlNode node, String path, List<String> choices) {
    String text = text(node, path, "one of " + quotedList(choices, "or"));
    if (text == null) {
      return null;
    }
    if (!choices.contains(text)) {
      problem(
          node,
          path,
          "expected one of "
              + quotedList(choices, "or")
              + ", found '"
              + text
              + "'"
              + DidYouMean.suffix(text, choices));
      return null;
    }
    return text;
  }

  // ------------------------------------------------------------------ structure

  /** The node as a map, or null after recording "expected {@code what}, found ...". */
  public YamlMap map(YamlNode node, String path, String what) {
    if (node instanceof YamlMap m) {
      return m;
    }
    problem(node, path, "expected " + what + ", found " + node.describe());
    return null;
  }

  /** The node as a list, or null after recording "expected {@code what}, found ...". */
  public YamlList list(YamlNode node, String path, String what) {
    if (node instanceof YamlList l) {
      return l;
    }
    problem(node, path, "expected " + what + ", found " + node.describe());
    return null;
  }

  /**
   * Reports each key of {@code map} not in {@code allowed} as "unknown key 'x' — did you mean
   * 'y'?"; {@code where} names the section for the message ("in network"), may be empty.
   */
  public void unknownKeys(YamlMap map, String path, Collection<String> allowed, String where) {
    for (YamlMap.Entry e : map.entries()) {
      if (!allowed.contains(e.key())) {
        String near = DidYouMean.suffix(e.key(), allowed);
        problems.add(
            e.keyLocation(),
            join(path, e.key()),
            "unknown key '"
                + e.key()
                + "'"
                + (where.isEmpty() ? "" : " " + where)
                + (near.isEmpty() ? "; known keys are " + String.join(", ", allowed) : near));
      }
    }
  }

  /** Records that {@code map} lacks {@code key}; {@code why} may add what the key is for. */
  public void missing(YamlNode map, String path, String key, String why) {
    problems.add(
        map.keyLocation(),
        path,
        "missing key '" + key + "'" + (why == null || why.isEmpty() ? "" : " (" + why + ")"));
  }

  // ------------------------------------------------------------------ distributions

  /**
   * A distribution of durations: {@code {dist: NAME, ...}} or a bare duration meaning constant.
   * Values are nanoseconds. Returns null after recording problems.
   */
  public Distribution distribution(YamlNode node, String path) {
    return distributions.distribution(node, path);
  }

  /**
   * A distribution of signed durations (clock offsets): a duration such as {@code -300ms}, {@code
   * {dist: constant, value: D}} or {@code {dist: uniform, min: -5ms, max: 5ms}}; or null.
   */
  public SignedDistribution signedDistribution(YamlNode node, String path) {
    return distributions.signedDistribution(node, path);
  }

  // ------------------------------------------------------------------ helpers

  /** {@code a.b} from a path and a key. */
  public static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /** {@code 'a', 'b' or 'c'}. */
  public static String quotedList(List<String> items, String lastJoin) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        sb.append(i == items.size() - 1 ? " " + lastJoin + " " : ", ");
      }
      sb.append('\'').append(items.get(i)).append('\'');
    }
    return sb.toString();
  }
}
