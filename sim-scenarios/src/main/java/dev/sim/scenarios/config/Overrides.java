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
 *
 * <p>{@code --set PATH=null} (or {@code ~}) and {@code --unset PATH} (given to the loader as the
 * text {@code "--unset PATH"}, see {@link ScenarioLoader#UNSET_PREFIX}) remove the key, or the list
 * entry, so the section reads as if the file had never had it: an optional one takes its default, a
 * required one is reported missing like in a file, with a note naming the argument.
 */
final class Overrides {
  private static final Pattern SEGMENT = Pattern.compile("([^\\[\\]]*)((?:\\[\\d+\\])*)");
  private static final Pattern INDEX = Pattern.compile("\\[(\\d+)\\]");

  /** The ways YAML writes null: {@code --set PATH=null} removes PATH. */
  private static final List<String> NULLS = List.of("null", "Null", "NULL", "~");

  private Overrides() {}

  /**
   * A key an override removed.
   *
   * @param parentPath the path of the section it was in ({@code ""} for the top level)
   * @param key the key
   * @param argument the argument that removed it, e.g. {@code --unset nodes.clients.retry}
   */
  record Removal(String parentPath, String key, String argument) {}

  /**
   * The tree after the overrides, and what they removed.
   *
   * @param root the top-level section (a new one when a top-level key was removed)
   * @param removals the keys removed, in order
   */
  record Applied(YamlMap root, List<Removal> removals) {
    /**
     * {@code problems} with a note on each "missing key" that an override caused, so that the user
     * sees why a key the file has is missing.
     */
    List<Problem> explain(List<Problem> problems) {
      List<Problem> out = new ArrayList<>(problems.size());
      for (Problem p : problems) {
        Problem explained = p;
        for (Removal r : removals) {
          if (p.path().equals(r.parentPath())
              && p.message().startsWith("missing key '" + r.key() + "'")) {
            explained =
                new Problem(
                    p.location(),
                    p.path(),
                    p.message() + "; " + r.argument() + " removed it, but it is required here");
            break;
          }
        }
        out.add(explained);
      }
      return out;
    }
  }

  /** Applies every override in order to {@code root}; problems go to {@code problems}. */
  static Applied apply(YamlMap root, List<String> overrides, Problems problems) {
    List<Removal> removals = new ArrayList<>();
    YamlMap current = root;
    for (String arg : overrides) {
      current = apply(current, arg, problems, removals);
    }
    return new Applied(current, List.copyOf(removals));
  }

  /** Applies one override; returns the root, which is new when a top-level key was removed. */
  private static YamlMap apply(
      YamlMap root, String arg, Problems problems, List<Removal> removals) {
    boolean unset = arg.startsWith(ScenarioLoader.UNSET_PREFIX);
    SourceLocation at = SourceLocation.unknown(unset ? arg.strip() : "--set " + arg);
    String path;
    YamlNode value = null;
    if (unset) {
      path = arg.substring(ScenarioLoader.UNSET_PREFIX.length()).strip();
      if (path.contains("=")) {
        problems.add(
            at,
            "",
            "--unset takes a key path alone, e.g. --unset nodes.clients.retry; to change a"
                + " value, write --set PATH=VALUE");
        return root;
      }
    } else {
      int eq = arg.indexOf('=');
      if (eq <= 0) {
        problems.add(at, "", "expected PATH=VALUE, e.g. --set nodes.api.workers=16");
        return root;
      }
      path = arg.substring(0, eq).strip();
    }
    List<Object> steps = steps(path);
    if (steps == null) {
      problems.add(
          at,
          path,
          "not a key path; write keys joined by dots, with list positions in"
              + " brackets, e.g. nodes.api.workers or faults[0].at");
      return root;
    }
    if (!unset) {
      String text = arg.substring(arg.indexOf('=') + 1);
      // Only a written null removes the key; an empty value stays a value, so that an empty shell
      // variable is reported instead of silently dropping a section.
      unset = NULLS.contains(text.strip());
      if (!unset) {
        value = YamlReader.readValue(text, at, path, problems);
        if (value == null) {
          return root;
        }
      }
    }
    YamlNode current = root;
    // The container that holds current, and current's key or index in it (null for the root).
    YamlNode parent = null;
    Object place = null;
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
          return root;
        }
        String childPath = Values.join(walked.toString(), key);
        if (last && unset) {
          if (!map.has(key)) {
            problems.add(at, path, nothingToRemove(here, key, map, true));
            return root;
          }
          removals.add(new Removal(walked.toString(), key, at.file()));
          return replace(root, parent, place, withoutKey(map, key));
        }
        if (last) {
          map.put(key, at, value);
          return root;
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
            return root;
          }
          if (unset) {
            problems.add(at, childPath, nothingToRemove(here, key, map, false));
            return root;
          }
          child =
              steps.get(i + 1) instanceof Integer
                  ? new YamlList(List.of(), at, at)
                  : new YamlMap(at, at);
          map.put(key, at, child);
        }
        parent = current;
        place = key;
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
          return root;
        }
        if (index > list.size() || (index == list.size() && (!last || unset))) {
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
          return root;
        }
        if (last && unset) {
          List<YamlNode> items = new ArrayList<>(list.items());
          items.remove(index);
          return replace(
              root, parent, place, new YamlList(items, list.location(), list.keyLocation()));
        }
        if (last) {
          list.set(index, value);
          return root;
        }
        parent = current;
        place = index;
        current = list.get(index);
        walked.append('[').append(index).append(']');
      }
    }
    return root;
  }

  /**
   * The message for removing a key that is not there (a typo, most likely), or one inside a section
   * that is not there ({@code last} false).
   */
  private static String nothingToRemove(String here, String key, YamlMap map, boolean last) {
    String near = DidYouMean.suffix(key, map.keys());
    return here
        + " has no key '"
        + key
        + (last ? "' to remove" : "', so there is nothing under it to remove")
        + (near.isEmpty()
            ? map.size() == 0
                ? " (it is empty)"
                : " (its keys are " + String.join(", ", map.keys()) + ")"
            : near);
  }

  /**
   * A copy of {@code map} without {@code key}, every other entry in place and located as before.
   */
  private static YamlMap withoutKey(YamlMap map, String key) {
    YamlMap copy = new YamlMap(map.location(), map.keyLocation());
    for (YamlMap.Entry e : map.entries()) {
      if (!e.key().equals(key)) {
        copy.put(e.key(), e.keyLocation(), e.value());
      }
    }
    return copy;
  }

  /**
   * Puts {@code replacement} where the node at {@code place} of {@code parent} was (the tree's
   * sections can be changed but not shrunk, so a removal rebuilds the one that shrinks); returns
   * the root, which is the replacement itself when {@code parent} is null.
   */
  private static YamlMap replace(
      YamlMap root, YamlNode parent, Object place, YamlNode replacement) {
    if (parent == null) {
      return (YamlMap) replacement;
    }
    if (parent instanceof YamlMap map) {
      String key = (String) place;
      map.put(key, map.entry(key).keyLocation(), replacement);
    } else {
      ((YamlList) parent).set((Integer) place, replacement);
    }
    return root;
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
