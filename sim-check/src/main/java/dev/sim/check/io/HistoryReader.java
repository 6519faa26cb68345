package dev.sim.check.io;

import dev.sim.check.Model;
import dev.sim.check.Shapes;
import dev.sim.kernel.history.Op;
import dev.sim.kernel.history.OpType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@code history.jsonl}, one JSON object per line, and checks every rule of the format as it
 * goes: the first broken rule is reported as {@code FILE:LINE: what is wrong and what was
 * expected}. Blank lines are skipped; keys the format does not name are ignored.
 */
public final class HistoryReader {
  /** The keys every line has. */
  static final List<String> REQUIRED = List.of("index", "time", "process", "type", "f");

  /** Every key the format names, in the order the writer writes them. */
  static final List<String> KEYS =
      List.of("index", "time", "process", "type", "f", "key", "value", "node");

  private static final String EXAMPLE =
      "{\"index\": 0, \"time\": 0, \"process\": 0, \"type\": \"invoke\", \"f\": \"read\","
          + " \"value\": null}";

  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private static final java.util.regex.Pattern DUPLICATE =
      java.util.regex.Pattern.compile("^Duplicate Object property \"(.*)\"");

  private final String source;
  private final Model model;
  private final List<Op> ops = new ArrayList<>();
  private final List<Integer> lines = new ArrayList<>();
  // Per process: the position in `ops` of its outstanding invoke. Not simulation code: a HashMap.
  private final Map<Integer, Integer> open = new HashMap<>();

  private HistoryReader(String source, Model model) {
    this.source = source;
    this.model = model;
  }

  /**
   * Reads the history in {@code file}; {@code model}, when given, also restricts the functions and
   * value shapes to that model's.
   *
   * @throws HistoryFormatException naming the line of the first broken rule
   * @throws IOException when the file cannot be read (the message names it)
   */
  public static HistoryFile read(Path file, Model model)
      throws IOException, HistoryFormatException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new NoSuchFileException(file.toString(), null, "no such file");
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      throw new HistoryFormatException(
          file.toString(), 0, 0, "not UTF-8 text (a history is JSON, one object per line)");
    }
    return parse(text, file.toString(), model);
  }

  /**
   * Reads a history from {@code text}, naming it {@code source} in messages.
   *
   * @throws HistoryFormatException naming the line of the first broken rule
   */
  public static HistoryFile parse(String text, String source, Model model)
      throws HistoryFormatException {
    HistoryReader r = new HistoryReader(source, model);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    int lineNo = 0;
    int start = 0;
    while (start < text.length()) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = text.length();
      }
      lineNo++;
      String line = text.substring(start, end);
      if (line.endsWith("\r")) {
        line = line.substring(0, line.length() - 1);
      }
      if (!line.isBlank()) {
        r.line(line, lineNo);
      }
      start = end + 1;
    }
    int[] lines = r.lines.stream().mapToInt(Integer::intValue).toArray();
    return new HistoryFile(source, r.ops, lines);
  }

  private void line(String text, int line) throws HistoryFormatException {
    JsonNode o;
    try {
      o = MAPPER.readTree(text);
    } catch (JacksonException e) {
      TokenStreamLocation loc = e.getLocation();
      int column = loc == null ? 0 : Math.max(0, loc.getColumnNr());
      String message = firstLine(e.getOriginalMessage());
      java.util.regex.Matcher dup = DUPLICATE.matcher(message);
      if (dup.find()) {
        throw new HistoryFormatException(
            source,
            line,
            column,
            "field '" + dup.group(1) + "' appears twice; each field once per line");
      }
      throw new HistoryFormatException(
          source,
          line,
          column,
          "not JSON (" + message + "); expected one JSON object per line, like " + EXAMPLE);
    }
    if (o == null || !o.isObject()) {
      throw error(line, "expected a JSON object like " + EXAMPLE + ", found " + shown(o));
    }
    for (String key : REQUIRED) {
      if (o.get(key) == null) {
        throw error(line, missing(o, key));
      }
    }
    int index = integer(o, "index", line);
    long time = whole(o, "time", line);
    int process = integer(o, "process", line);
    String typeText = string(o, "type", line);
    OpType type = OpType.fromJson(typeText);
    if (type == null) {
      throw error(line, "unknown type '" + typeText + "'; expected invoke, ok, fail or info");
    }
    String f = string(o, "f", line);
    String key = optionalString(o, "key", line);
    String node = optionalString(o, "node", line);
    Object value = value(o.get("value"), line);
    Op op = new Op(index, time, process, type, f, key, value, node);
    if (!ops.isEmpty()) {
      Op last = ops.get(ops.size() - 1);
      int lastLine = lines.get(lines.size() - 1);
      if (index <= last.index()) {
        throw error(
            line,
            "index "
                + index
                + " after index "
                + last.index()
                + " on line "
                + lastLine
                + "; indices increase line by line");
      }
      if (time < last.time()) {
        throw error(
            line,
            "time "
                + time
                + " is before time "
                + last.time()
                + " on line "
                + lastLine
                + "; lines are in order of simulated time");
      }
    }
    Integer at = open.get(process);
    Op invoke = null;
    if (type == OpType.INVOKE) {
      if (at != null) {
        Op o2 = ops.get(at);
        throw error(
            line,
            "process "
                + process
                + " invokes "
                + f
                + " while its "
                + o2.f()
                + " from line "
                + lines.get(at)
                + " is still outstanding; a process has at most one operation outstanding"
                + " (after an info, continue under a new process id)");
      }
    } else {
      if (at == null) {
        throw error(
            line,
            "process "
                + process
                + " completes ("
                + type.json()
                + ") an operation it never invoked; an ok, fail or info follows an invoke by the"
                + " same process");
      }
      invoke = ops.get(at);
      if (!invoke.f().equals(f) || !Objects.equals(invoke.key(), key)) {
        throw error(
            line,
            "this "
                + type.json()
                + " of process "
                + process
                + " names "
                + what(f, key)
                + ", but its invoke on line "
                + lines.get(at)
                + " was "
                + what(invoke.f(), invoke.key())
                + "; a completion repeats its invoke's f and key");
      }
    }
    String problem = Shapes.problem(op, invoke, model);
    if (problem != null) {
      throw error(line, problem);
    }
    if (type == OpType.INVOKE) {
      open.put(process, ops.size());
    } else {
      open.remove(process);
    }
    ops.add(op);
    lines.add(line);
  }

  private static String what(String f, String key) {
    return f + (key == null ? " (no key)" : " on key \"" + key + "\"");
  }

  private String missing(JsonNode o, String key) {
    String near = null;
    for (var e : o.properties()) {
      if (!KEYS.contains(e.getKey()) && Near.close(e.getKey(), key)) {
        near = e.getKey();
      }
    }
    return "missing field '"
        + key
        + "'"
        + (near != null
            ? " (found '" + near + "' — did you mean '" + key + "'?)"
            : "; every line has index, time, process, type and f");
  }

  private int integer(JsonNode o, String name, int line) throws HistoryFormatException {
    JsonNode v = o.get(name);
    if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < 0) {
      throw error(line, name + " should be a whole number from 0 up, found " + shown(v));
    }
    return v.intValue();
  }

  private long whole(JsonNode o, String name, int line) throws HistoryFormatException {
    JsonNode v = o.get(name);
    if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < 0) {
      throw error(
          line,
          name + " should be a whole number of simulated nanoseconds from 0 up, found " + shown(v));
    }
    return v.longValue();
  }

  private String string(JsonNode o, String name, int line) throws HistoryFormatException {
    JsonNode v = o.get(name);
    if (!v.isString()) {
      throw error(
          line,
          name
              + " should be a string"
              + (name.equals("type")
                  ? " (invoke, ok, fail or info)"
                  : " (" + Shapes.or(Shapes.functions(model)) + ")")
              + ", found "
              + shown(v));
    }
    return v.stringValue();
  }

  private String optionalString(JsonNode o, String name, int line) throws HistoryFormatException {
    JsonNode v = o.get(name);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isString()) {
      throw error(line, name + " should be a string like \"x\", found " + shown(v));
    }
    return v.stringValue();
  }

  /** null (also when absent), an integer, or a list of integers and nulls. */
  private Object value(JsonNode v, int line) throws HistoryFormatException {
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isIntegralNumber() && v.canConvertToLong()) {
      return v.longValue();
    }
    if (v.isArray()) {
      List<Object> out = new ArrayList<>(v.size());
      for (JsonNode e : v) {
        if (e.isNull()) {
          out.add(null);
        } else if (e.isIntegralNumber() && e.canConvertToLong()) {
          out.add(e.longValue());
        } else {
          throw error(line, valueMessage(v));
        }
      }
      return out;
    }
    throw error(line, valueMessage(v));
  }

  private static String valueMessage(JsonNode v) {
    return "value should be null, an integer or a list of integers (like [1, 2]), found "
        + shown(v);
  }

  private HistoryFormatException error(int line, String problem) {
    return new HistoryFormatException(source, line, 0, problem);
  }

  private static String shown(JsonNode v) {
    if (v == null) {
      return "nothing";
    }
    String s = v.toString();
    return s.length() > 60 ? s.substring(0, 57) + "..." : s;
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unreadable";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
