package dev.sim.scenarios.config.yaml;

import dev.sim.scenarios.config.SourceLocation;
import java.util.ArrayList;
import java.util.List;

/** A YAML sequence; items keep their own locations. Mutable only for {@code --set}. */
public final class YamlList implements YamlNode {
  private final List<YamlNode> items;
  private final SourceLocation location;
  private final SourceLocation keyLocation;

  /** Creates a list from its items. */
  public YamlList(List<YamlNode> items, SourceLocation location, SourceLocation keyLocation) {
    this.items = new ArrayList<>(items);
    this.location = location;
    this.keyLocation = keyLocation;
  }

  /** The items, in order (read-only view). */
  public List<YamlNode> items() {
    return java.util.Collections.unmodifiableList(items);
  }

  /** Number of items. */
  public int size() {
    return items.size();
  }

  /** The item at {@code index}. */
  public YamlNode get(int index) {
    return items.get(index);
  }

  /** Replaces the item at {@code index}, or appends when {@code index == size()}. */
  public void set(int index, YamlNode node) {
    if (index == items.size()) {
      items.add(node);
    } else {
      items.set(index, node);
    }
  }

  @Override
  public SourceLocation location() {
    return location;
  }

  @Override
  public SourceLocation keyLocation() {
    return keyLocation;
  }

  @Override
  public String describe() {
    return items.isEmpty() ? "an empty list" : "a list";
  }

  @Override
  public String toString() {
    return items.toString();
  }
}
