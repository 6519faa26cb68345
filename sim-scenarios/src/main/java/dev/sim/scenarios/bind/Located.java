package dev.sim.scenarios.bind;

import dev.sim.scenarios.config.SourceLocation;
import dev.sim.scenarios.config.yaml.YamlList;
import dev.sim.scenarios.config.yaml.YamlMap;
import dev.sim.scenarios.config.yaml.YamlNode;

/**
 * Where a message about a key path inside a section points: the value of a single value or a list
 * (as the binder's own messages do), the key of a section (as for a missing key inside it), and,
 * when the path is not written at all, the key of its nearest ancestor that is.
 */
final class Located {
  private Located() {}

  /** The location for a problem about {@code keyPath} (e.g. {@code load.profile[1].at}). */
  static SourceLocation at(YamlMap map, String keyPath) {
    if (keyPath.isEmpty()) {
      return map.keyLocation();
    }
    YamlNode cur = map;
    YamlNode nearest = map;
    for (String step : keyPath.replace("[", ".[").split("\\.")) {
      if (step.isEmpty()) {
        continue;
      }
      YamlNode next = child(cur, step);
      if (next == null) {
        return nearest.keyLocation();
      }
      cur = next;
      nearest = next;
    }
    return cur instanceof YamlMap ? cur.keyLocation() : cur.location();
  }

  private static YamlNode child(YamlNode cur, String step) {
    if (step.startsWith("[") && step.endsWith("]") && cur instanceof YamlList l) {
      int i;
      try {
        i = Integer.parseInt(step.substring(1, step.length() - 1));
      } catch (NumberFormatException e) {
        return null;
      }
      return i >= 0 && i < l.size() ? l.get(i) : null;
    }
    return cur instanceof YamlMap m ? m.get(step) : null;
  }
}
