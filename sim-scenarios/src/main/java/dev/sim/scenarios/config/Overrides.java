package dev.sim.scenarios.config;

import dev.sim.scenarios.config.yaml.YamlList;
import dev.sim.scenarios.config.yaml.YamlMap;
import dev.sim.scenarios.config.yaml.YamlNode;
import dev.sim.scenarios.config.yaml.YamlReader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies {@code --set PATH=VALUE} arguments to a located YAML tree before validation, so an
 * override is checked exactly like the file. PATH is keys joined by dots with list indexes in
 * brackets ({@code nodes.api.workers}, {@code faults[0].at}); VALUE is a YAML scalar or flow value
 * ({@code 16}, {@code 2m}, {@code {max: 3}}, {@code [a, b]}). Nodes an override creates are located
 * at the argument itself, so messages read {@code --set nodes.api.workrs=16: ...}.
 */
final class Overrides {
  private static final Pattern SEGMENT = Pattern.compile("([^\\[\\]]*)((?:\\[\\d+\\])*)");
  private static final Pattern INDEX = Pattern.compile("\\[(\\d+)\\]");

  private Overrides() {}

  /** Applies every override in order to {@code root}; problems go to {@code problems}. */
  static void apply(YamlMap root, List<String> overrides, Problems problems) {
    for (String arg : overrides) {
      apply(root, arg, problems);
    }
  }

  private static void apply(YamlMap root, String arg, Problems problems) {
    SourceLocation at = SourceLocation.unknown("--set " + arg);
    int eq = arg.indexOf('=');
    if (eq <= 0) {
      problems.add(at, "", "expected PATH=VALUE, e.g. --set nodes.api.workers=16");
      return;
    }
    String path = arg.substring(0, eq).strip();
    List<Object> steps = steps(path);
    if (steps == null) {
      problems.add(
          at,
          path,
          "not a key path; write keys joined by dots, with list positions in"
              + " brackets, e.g. nodes.api.workers or faults[0].at");
      return;
    }
    YamlNode value = YamlReader.readValue(arg.substring(eq + 1), at, path, problems);
    if (value == null) {
      return;
    }
    YamlNode current = root;
    StringBuilder walked = new StringBuilder();
    for (int i = 0; i < steps.size(); i++) {
      Object step = steps.get(i);
      boolean last = i == steps.size() - 1;
      String here = walked.length() == 0 ? "the scenario" : walked.toString();
      if (step instanceof String key) {
        if (!(current instanceof YamlMap map)) {
          problems.add(
              at,
              path,
              here
                  + " holds "
                  + current.describe()
                  + ", not a section of"
                  + " keys, so it has no key '"
                  + key
                  + "'");
          return;
        }
        String childPath = Values.join(walked.toString(), key);
        if (last) {
          map.put(key, at, value);
          return;
        }
        YamlNode child = map.get(key);
        if (child == null) {
          if (walked.toString().equals("nodes")) {
            problems.add(
                at,
                childPath,
                "there is no node group '"
                    + key
                    + "' to change"
                    + DidYouMean.suffix(key, map.keys()));
            return;
          }
          child =
              steps.get(i + 1) instanceof Integer
                  ? new YamlList(List.of(), at, at)
                  : new YamlMap(at, at);
          map.put(key, at, child);
        }
        current = child;
        walked.setLength(0);
        walked.append(childPath);
      } else {
        int index = (Integer) step;
        if (!(current instanceof YamlList list)) {
          problems.add(
              at,
              path,
              here
                  + " holds "
                  + current.describe()
                  + ", not a list, so it"
                  + " has no ["
                  + index
                  + "]");
          return;
        }
        if (index > list.size() || (index == list.size() && !last)) {
          problems.add(
              at,
              path,
              here
                  + " has "
                  + Words.count(list.size(), "entry")
                  + (list.size() == 1
                      ? " (" + here + "[0])"
                      : list.size() > 1
                          ? " (" + here + "[0] to " + here + "[" + (list.size() - 1) + "])"
                          : "")
                  + "; there is no "
                  + here
                  + "["
                  + index
                  + "]");
          return;
        }
        if (last) {
          list.set(index, value);
          return;
        }
        current = list.get(index);
        walked.append('[').append(index).append(']');
      }
    }
  }

  /** The path as keys (String) and list indexes (Integer), or null if it is malformed. */
  private static List<Object> steps(String path) {
    if (path.isEmpty()) {
      return null;
    }
    List<Object> out = new ArrayList<>();
    for (String seg : path.split("\\.", -1)) {
      Matcher m = SEGMENT.matcher(seg);
      if (!m.matches()) {
        return null;
      }
      String key = m.group(1);
      if (key.isEmpty() && m.group(2).isEmpty()) {
        return null;
      }
      if (!key.isEmpty()) {
        if (key.length() < 9 && key.chars().allMatch(Character::isDigit) && !out.isEmpty()) {
          out.add(Integer.parseInt(key)); // faults.0.at reads like faults[0].at
        } else {
          out.add(key);
        }
      }
      Matcher idx = INDEX.matcher(m.group(2));
      while (idx.find()) {
        if (idx.group(1).length() > 8) {
          return null;
        }
        out.add(Integer.parseInt(idx.group(1)));
      }
    }
    return out.isEmpty() || out.get(0) instanceof Integer ? null : out;
  }
}
