package dev.sim.scenarios.config.yaml;

import dev.sim.scenarios.config.SourceLocation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML mapping with keys in file order, each remembering where it was written. Duplicate keys are
 * rejected by the reader. Mutable only for {@code --set}.
 */
public final class YamlMap implements YamlNode {
  /**
   * One key and its value.
   *
   * @param key the key text
   * @param keyLocation where the key was written
   * @param value its value
   */
  public record Entry(String key, SourceLocation keyLocation, YamlNode value) {}

  private final Map<String, Entry> entries = new LinkedHashMap<>();
  private final SourceLocation location;
  private final SourceLocation keyLocation;

  /** Creates an empty map. */
  public YamlMap(SourceLocation location, SourceLocation keyLocation) {
    this.location = location;
    this.keyLocation = keyLocation;
  }

  /** Adds or replaces a key (a replaced key keeps its place in the order). */
  public void put(String key, SourceLocation keyLocation, YamlNode value) {
    entries.put(key, new Entry(key, keyLocation, value));
  }

  /** The value under {@code key}, or null. */
  public YamlNode get(String key) {
    Entry e = entries.get(key);
    return e == null ? null : e.value();
  }

  /** The entry under {@code key}, or null. */
  public Entry entry(String key) {
    return entries.get(key);
  }

  /** Whether {@code key} is present. */
  public boolean has(String key) {
    return entries.containsKey(key);
  }

  /** The keys in file order. */
  public List<String> keys() {
    return Collections.unmodifiableList(new ArrayList<>(entries.keySet()));
  }

  /** The entries in file order. */
  public List<Entry> entries() {
    return Collections.unmodifiableList(new ArrayList<>(entries.values()));
  }

  /** Number of keys. */
  public int size() {
    return entries.size();
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
    return entries.isEmpty() ? "an empty section {}" : "a section with keys " + keysText();
  }

  private String keysText() {
    List<String> keys = keys();
    String shown = String.join(", ", keys.subList(0, Math.min(3, keys.size())));
    return "{" + shown + (keys.size() > 3 ? ", ..." : "") + "}";
  }

  @Override
  public String toString() {
    return entries.values().stream()
        .map(e -> e.key() + "=" + e.value())
        .collect(java.util.stream.Collectors.joining(", ", "{", "}"));
  }
}
