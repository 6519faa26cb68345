package dev.sim.report.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON text as plain Java values, for the commands that read back a file they wrote ({@code sim
 * merge} reads the shards' {@code sweep.json}): objects as maps in file order, arrays as lists,
 * whole numbers as {@code Long}, other numbers as {@code Double}, strings, booleans and nulls. Read
 * by Jackson, which lives in this package.
 */
public final class JsonTree {
  private static final class Mapper {
    static final JsonMapper INSTANCE = JsonMapper.builder().build();
  }

  private JsonTree() {}

  /**
   * The value {@code text} holds.
   *
   * @throws IllegalArgumentException starting {@code LINE:COLUMN:} where the text stops being JSON
   */
  public static Object parse(String text) {
    JsonNode root;
    try {
      root = Mapper.INSTANCE.readTree(text);
    } catch (JacksonException e) {
      TokenStreamLocation loc = e.getLocation();
      String where = loc == null ? "" : loc.getLineNr() + ":" + loc.getColumnNr() + ": ";
      throw new IllegalArgumentException(where + e.getOriginalMessage(), e);
    }
    if (root == null || root.isMissingNode()) {
      throw new IllegalArgumentException("1:1: no JSON value in the text");
    }
    return value(root);
  }

  private static Object value(JsonNode n) {
    if (n.isObject()) {
      Map<String, Object> m = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> e : n.properties()) {
        m.put(e.getKey(), value(e.getValue()));
      }
      return m;
    }
    if (n.isArray()) {
      List<Object> l = new ArrayList<>(n.size());
      for (JsonNode e : n) {
        l.add(value(e));
      }
      return l;
    }
    if (n.isIntegralNumber()) {
      return n.longValue();
    }
    if (n.isNumber()) {
      return n.doubleValue();
    }
    if (n.isString()) {
      return n.stringValue();
    }
    if (n.isBoolean()) {
      return n.booleanValue();
    }
    return null;
  }
}
