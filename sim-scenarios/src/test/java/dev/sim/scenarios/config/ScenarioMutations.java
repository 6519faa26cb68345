package dev.sim.scenarios.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Mutations of the shipped scenarios for the loader fuzz tests: each mutant is a scenario file with
 * one to three edits of the kinds a hurried user (or a broken editor) makes — a key deleted or
 * written twice, a value of the wrong type or unit, garbage typed in, the file cut short. The edits
 * work on the text, not on a parsed tree, so that they can also break the YAML itself. Every edit
 * is a plain record of small numbers drawn from a seeded {@link SplittableRandom}, and applying it
 * is deterministic, so a case's seed reproduces its mutant. Shared with the CLI's fuzz test
 * (through the test jar).
 */
public final class ScenarioMutations {
  private ScenarioMutations() {}

  /**
   * A shipped scenario.
   *
   * @param file its name, e.g. {@code gc-spiral.yaml}
   * @param text its text
   */
  public record Scenario(String file, String text) {
    @Override
    public String toString() {
      return file;
    }
  }

  /**
   * A mutated scenario.
   *
   * @param origin the scenario it came from
   * @param edits the edits applied, in order
   * @param text the text after the edits
   */
  public record Mutant(String origin, List<Edit> edits, String text) {
    /** The origin, the edits and the whole mutated text, for a failure message. */
    public String describe() {
      return origin + " with " + edits + ":\n----\n" + text + "\n----";
    }

    @Override
    public String toString() {
      return describe();
    }
  }

  /** The kinds of edit. */
  public enum Kind {
    /** Replace one scalar value with {@code value}. */
    REPLACE_VALUE,
    /** Replace scalar value {@code a} with a copy of scalar value {@code b} of the same file. */
    COPY_VALUE,
    /**
     * Scale the number of one value by 10^({@code b} - 12), keeping its unit; {@code b} 25 makes it
     * 0 and 26 negates it. Values stay well-formed, so more mutants load and run.
     */
    SCALE_NUMBER,
    /** Replace the unit of one number-with-unit value with {@code value}. */
    SWAP_UNIT,
    /** Turn one scalar value into a list or a map holding it (shape {@code b}). */
    WRAP_VALUE,
    /** Replace a key's nested block (a section or list) with the scalar {@code value}. */
    BLOCK_TO_VALUE,
    /** Delete one line. */
    DELETE_LINE,
    /** Delete one key with everything indented under it. */
    DELETE_KEY,
    /** Write one key (with everything under it) twice. */
    DUPLICATE_KEY,
    /** Rename one key to {@code value}. */
    RENAME_KEY,
    /** Insert the line {@code value} before line {@code a}, indented like it. */
    INSERT_LINE,
    /** Insert {@code value} at character {@code a} (modulo the length). */
    INSERT_TEXT,
    /** Replace character {@code a} with {@code value}. */
    REPLACE_CHAR,
    /**
     * Change the indentation of one line by {@code b - 2} spaces (or a tab when {@code b} is 5).
     */
    SHIFT_INDENT,
    /** Cut the file at character {@code a} (modulo the length). */
    TRUNCATE
  }

  /**
   * One edit. {@code a} picks the place (taken modulo the number of candidate places, so every
   * number is valid for every file), {@code b} a variant, {@code value} the text written.
   *
   * @param kind what the edit does
   * @param a which place
   * @param b which variant
   * @param value the text written
   */
  public record Edit(Kind kind, int a, int b, String value) {
    /** Applies the edit; a file without a place for it is returned unchanged. */
    public String apply(String text) {
      return switch (kind) {
        case REPLACE_VALUE -> replaceSpan(text, scalarValues(text), a, value);
        case COPY_VALUE -> {
          List<int[]> spans = scalarValues(text);
          if (spans.isEmpty()) {
            yield text;
          }
          int[] from = spans.get(Math.floorMod(b, spans.size()));
          yield replaceSpan(text, spans, a, text.substring(from[0], from[1]));
        }
        case SCALE_NUMBER -> scaleNumber(text);
        case SWAP_UNIT -> swapUnit(text);
        case WRAP_VALUE -> wrapValue(text);
        case BLOCK_TO_VALUE -> blockToValue(text);
        case DELETE_LINE -> deleteLine(text);
        case DELETE_KEY -> deleteKey(text);
        case DUPLICATE_KEY -> duplicateKey(text);
        case RENAME_KEY -> replaceSpan(text, keys(text), a, value);
        case INSERT_LINE -> insertLine(text);
        case INSERT_TEXT -> {
          int at = text.isEmpty() ? 0 : Math.floorMod(a, text.length() + 1);
          yield text.substring(0, at) + value + text.substring(at);
        }
        case REPLACE_CHAR -> {
          if (text.isEmpty()) {
            yield value;
          }
          int at = Math.floorMod(a, text.length());
          yield text.substring(0, at) + value + text.substring(at + 1);
        }
        case SHIFT_INDENT -> shiftIndent(text);
        case TRUNCATE -> text.substring(0, Math.floorMod(a, text.length() + 1));
      };
    }

    @Override
    public String toString() {
      return kind + "(" + a + ", " + b + ", '" + printable(value) + "')";
    }

    private String swapUnit(String text) {
      List<int[]> units = new ArrayList<>();
      for (int[] s : scalarValues(text)) {
        String v = text.substring(s[0], s[1]);
        int i = 0;
        while (i < v.length() && "+-0123456789._eE".indexOf(v.charAt(i)) >= 0) {
          i++;
        }
        if (i > 0 && i < v.length() && Character.isDigit(v.charAt(i - 1))) {
          units.add(new int[] {s[0] + i, s[1]});
        }
      }
      return replaceSpan(text, units, a, value);
    }

    private String scaleNumber(String text) {
      List<int[]> numbers = new ArrayList<>();
      for (int[] s : scalarValues(text)) {
        int end = numberEnd(text, s[0], s[1]);
        if (end > s[0]) {
          numbers.add(new int[] {s[0], end});
        }
      }
      if (numbers.isEmpty()) {
        return text;
      }
      int[] s = numbers.get(Math.floorMod(a, numbers.size()));
      String number = text.substring(s[0], s[1]);
      String scaled;
      int k = Math.floorMod(b, 27);
      if (k == 25) {
        scaled = "0";
      } else if (k == 26) {
        scaled = number.startsWith("-") ? number.substring(1) : "-" + number;
      } else {
        try {
          scaled =
              new java.math.BigDecimal(number.replace("_", ""))
                  .scaleByPowerOfTen(k - 12)
                  .stripTrailingZeros()
                  .toPlainString();
        } catch (NumberFormatException e) {
          return text;
        }
      }
      return text.substring(0, s[0]) + scaled + text.substring(s[1]);
    }

    /** Where the number at the start of [start, end) ends ({@code start} if there is none). */
    private static int numberEnd(String text, int start, int end) {
      int i = start;
      if (i < end && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
        i++;
      }
      int digits = i;
      while (i < end && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '.')) {
        i++;
      }
      return i > digits && Character.isDigit(text.charAt(i - 1)) ? i : start;
    }

    private String wrapValue(String text) {
      List<int[]> spans = scalarValues(text);
      if (spans.isEmpty()) {
        return text;
      }
      int[] s = spans.get(Math.floorMod(a, spans.size()));
      String v = text.substring(s[0], s[1]);
      String wrapped =
          switch (Math.floorMod(b, 6)) {
            case 0 -> "[" + v + "]";
            case 1 -> "{" + v + ": " + v + "}";
            case 2 -> "[" + v + ", " + v + "]";
            case 3 -> "{}";
            case 4 -> "[]";
            default -> "{value: " + v + "}";
          };
      return text.substring(0, s[0]) + wrapped + text.substring(s[1]);
    }

    private String blockToValue(String text) {
      List<String> lines = lines(text);
      List<Integer> parents = new ArrayList<>();
      for (int i = 0; i + 1 < lines.size(); i++) {
        String l = lines.get(i);
        if (l.stripTrailing().endsWith(":") && indent(lines.get(i + 1)) > indent(l)) {
          parents.add(i);
        }
      }
      if (parents.isEmpty()) {
        return text;
      }
      int p = parents.get(Math.floorMod(a, parents.size()));
      int end = blockEnd(lines, p);
      List<String> out = new ArrayList<>(lines.subList(0, p));
      out.add(lines.get(p).stripTrailing() + " " + value);
      out.addAll(lines.subList(end, lines.size()));
      return String.join("\n", out);
    }

    private String deleteLine(String text) {
      List<String> lines = lines(text);
      List<Integer> content = contentLines(lines);
      if (content.isEmpty()) {
        return text;
      }
      lines.remove((int) content.get(Math.floorMod(a, content.size())));
      return String.join("\n", lines);
    }

    private String deleteKey(String text) {
      List<String> lines = lines(text);
      List<Integer> content = contentLines(lines);
      if (content.isEmpty()) {
        return text;
      }
      int p = content.get(Math.floorMod(a, content.size()));
      int end = blockEnd(lines, p);
      List<String> out = new ArrayList<>(lines.subList(0, p));
      out.addAll(lines.subList(end, lines.size()));
      return String.join("\n", out);
    }

    private String duplicateKey(String text) {
      List<String> lines = lines(text);
      List<Integer> content = contentLines(lines);
      if (content.isEmpty()) {
        return text;
      }
      int p = content.get(Math.floorMod(a, content.size()));
      int end = blockEnd(lines, p);
      List<String> out = new ArrayList<>(lines.subList(0, end));
      List<String> copy = new ArrayList<>(lines.subList(p, end));
      if (Math.floorMod(b, 2) == 1 && !copy.isEmpty()) {
        // The same key with a different value, the way a second definition creeps in.
        copy.set(0, copy.get(0).replaceAll("\\d", "7"));
      }
      out.addAll(copy);
      out.addAll(lines.subList(end, lines.size()));
      return String.join("\n", out);
    }

    private String insertLine(String text) {
      List<String> lines = lines(text);
      int at = Math.floorMod(a, lines.size() + 1);
      int indent = at < lines.size() ? indent(lines.get(at)) : 0;
      lines.add(at, " ".repeat(indent) + value);
      return String.join("\n", lines);
    }

    private String shiftIndent(String text) {
      List<String> lines = lines(text);
      List<Integer> content = contentLines(lines);
      if (content.isEmpty()) {
        return text;
      }
      int p = content.get(Math.floorMod(a, content.size()));
      String l = lines.get(p);
      int shift = Math.floorMod(b, 6) - 2;
      String shifted;
      if (shift == 3) {
        shifted = "\t" + l;
      } else if (shift < 0) {
        shifted = l.substring(Math.min(-shift, indent(l)));
      } else {
        shifted = " ".repeat(shift) + l;
      }
      lines.set(p, shifted);
      return String.join("\n", lines);
    }
  }

  // ------------------------------------------------------------------ generators

  /** Values a user might write anywhere: wrong types, wrong units, edge numbers, YAML oddities. */
  static final List<String> VALUES =
      List.of(
          "",
          "~",
          "null",
          "0",
          "-0",
          "-1",
          "1",
          "2",
          "3",
          "0.5",
          "1.5",
          "+5",
          "--5",
          ".5",
          "5.",
          "1e3",
          "1e309",
          "-1e309",
          "1e-400",
          "99999999999999999999999",
          "9223372036854775807",
          "9223372036854775808",
          "-9223372036854775808",
          "2147483647",
          "2147483648",
          "9".repeat(1200),
          "NaN",
          ".nan",
          ".inf",
          "-.inf",
          "Infinity",
          "0x1F",
          "0o17",
          "1_000",
          "1__0",
          "_1",
          "5ms",
          "-5ms",
          "0s",
          "-0s",
          "5MB",
          "5Mbps",
          "5mbps",
          "800/s",
          "800s",
          "800/d",
          "1/0",
          "5 ms",
          "5ms5",
          "5µs",
          "5μs",
          "５ms",
          "1e3ms",
          "1e400ms",
          "1e300/s",
          "1e300Gbps",
          "1e309/s",
          "1e-300/s",
          "1e-300bps",
          "1e-400bps",
          "1bps",
          "1e2147483648",
          "1e-9999999ns",
          "1e9999999B",
          "1e309Gbps",
          "1e309ms",
          "1e-309",
          "4.9e-324",
          "1.7976931348623157e308",
          "1e-30ms",
          "1e-300/s",
          "48d",
          "1H",
          "1S",
          "5%",
          "150%",
          "true",
          "false",
          "yes",
          "on",
          "unbounded",
          "'quoted'",
          "\"double quoted\"",
          "''",
          "api",
          "api-1",
          "api-99",
          "clients",
          "lb",
          "random(api)",
          "random()",
          "random(api-1)",
          "exponential",
          "[]",
          "{}",
          "[1, 2]",
          "[[], []]",
          "{dist: exponential}",
          "{dist: uniform, min: 5ms, max: 1ms}",
          "{dist: normal, mean: 5ms, stddev: 1e309ms}",
          "{dist: pareto, scale: 1ms, shape: 1e309}",
          "{dist: empirical, values: [1ms], weights: [1e309]}",
          "{dist: lognormal, p50: 1ns, p99: 1e12h}",
          "*a",
          "&a 5",
          "&a [1, 2]",
          "!!str 5",
          "!!int x",
          "!!float 1",
          "!!binary AAAA",
          "!custom x",
          "!!map {}",
          "|",
          ">",
          "'unclosed",
          "\"unclosed",
          "[unclosed",
          "{unclosed",
          "a: b",
          "- x",
          "#",
          "\t5",
          "é",
          "日本語",
          "💥",
          "\u202e",
          "\\u0000",
          "\"\\u0000\"",
          "\"\\ud800\"",
          "\"a\\nb\"",
          "x".repeat(500),
          "[" + "[".repeat(3000),
          "{a: ".repeat(1500));

  /** Text inserted at random: brackets, YAML indicators, line breaks, control characters. */
  static final List<String> GARBAGE =
      List.of(
          "\t",
          "[",
          "]",
          "{",
          "}",
          ":",
          ": ",
          "- ",
          "-",
          ",",
          "#",
          "&a ",
          "*a",
          "\n<<: *a\n",
          "&",
          "*",
          "!",
          "!!",
          "%",
          "@",
          "`",
          "|",
          ">",
          "'",
          "\"",
          "?",
          "\n",
          "\r",
          "\r\n",
          "\n---\n",
          "\n...\n",
          "\n%YAML 1.2\n",
          "\u0000",
          "\u0007",
          "\uFEFF",
          "\u0085",
          "\u2028",
          "\u00a0",
          "💥",
          "日本",
          " ",
          "  ",
          "\\",
          "[".repeat(2000),
          "a:\n  b:\n");

  /** Key names: typos, unknown keys, empty and odd keys. */
  static final List<String> KEYS =
      List.of(
          "nodes",
          "name",
          "type",
          "count",
          "duration",
          "at",
          "dist",
          "mean",
          "extra",
          "Name",
          "durration",
          "''",
          "\"\"",
          "? complex",
          "\"a\\nb\"",
          "\"with: colon\"",
          "1",
          "true",
          "null",
          "~",
          "<<",
          "&a key",
          "*a",
          "日本",
          "- item",
          "key with spaces",
          "x".repeat(300));

  /** Lines inserted whole: unknown keys, anchors and aliases, merge keys, list items. */
  static final List<String> LINES =
      List.of(
          "extra: 5",
          "nodes: {}",
          "name: other",
          "seed: 1e309",
          "anchor: &a {type: server}",
          "<<: *a",
          "alias: *a",
          "- 5",
          "- {at: 1s, crash: api}",
          "? key",
          ": value",
          "---",
          "...",
          "%TAG ! tag:example.com,2000:",
          "!!map",
          "key: |",
          "key: >-",
          "\t: tab",
          "duration: 0s",
          "duration: 1ns",
          "warmup: 1e300h",
          "window: 1ns",
          "count: 0",
          "count: 1000001",
          "workers: 2147483648",
          "faults: [{at: 1s, crash: random(api)}]",
          "expect: [yield >= 2]",
          "clocks: {default: {driftPpm: NaN}}",
          "network: {bandwidth: 1e309bps}",
          "network: {bandwidth: 1e-300bps}",
          "network: {links: [{between: [api, lb], bandwidth: 1e-400bps}]}");

  private static final List<String> UNITS =
      List.of(
          "ns", "us", "µs", "ms", "s", "m", "h", "d", "B", "KB", "MB", "GB", "TB", "bps", "Kbps",
          "Mbps", "Gbps", "/s", "/m", "/h", "/d", "/ms", "%", "", " ", "S", "Ms", "mS", "sec",
          "minutes", "ms ms", "s/", "//s", "e", "e400ms", "E-400s", ".5ms");

  /**
   * The kinds of edit with their weights, towards those that leave the YAML readable: the order and
   * the weights fix which edit a seed draws, so changing them changes every case.
   */
  private static final List<Map.Entry<Kind, Integer>> WEIGHTS =
      List.of(
          Map.entry(Kind.REPLACE_VALUE, 6),
          Map.entry(Kind.COPY_VALUE, 4),
          Map.entry(Kind.SCALE_NUMBER, 5),
          Map.entry(Kind.SWAP_UNIT, 4),
          Map.entry(Kind.WRAP_VALUE, 3),
          Map.entry(Kind.BLOCK_TO_VALUE, 2),
          Map.entry(Kind.DELETE_LINE, 2),
          Map.entry(Kind.DELETE_KEY, 3),
          Map.entry(Kind.DUPLICATE_KEY, 3),
          Map.entry(Kind.RENAME_KEY, 2),
          Map.entry(Kind.INSERT_LINE, 2),
          Map.entry(Kind.INSERT_TEXT, 2),
          Map.entry(Kind.REPLACE_CHAR, 1),
          Map.entry(Kind.SHIFT_INDENT, 1),
          Map.entry(Kind.TRUNCATE, 1));

  private static final int TOTAL_WEIGHT = WEIGHTS.stream().mapToInt(Map.Entry::getValue).sum();

  /** One edit of any kind, drawn from {@code r}. */
  public static Edit edit(SplittableRandom r) {
    int pick = r.nextInt(TOTAL_WEIGHT);
    Kind kind = null;
    for (Map.Entry<Kind, Integer> w : WEIGHTS) {
      pick -= w.getValue();
      if (pick < 0) {
        kind = w.getKey();
        break;
      }
    }
    int place = r.nextInt(100_001);
    return switch (kind) {
      case REPLACE_VALUE -> new Edit(kind, place, r.nextInt(6), value(r));
      case COPY_VALUE -> new Edit(kind, place, r.nextInt(100_001), "");
      case SCALE_NUMBER -> new Edit(kind, place, r.nextInt(27), "");
      case SWAP_UNIT -> new Edit(kind, place, r.nextInt(6), pick(r, UNITS));
      case BLOCK_TO_VALUE -> new Edit(kind, place, r.nextInt(6), value(r));
      case RENAME_KEY -> new Edit(kind, place, r.nextInt(6), pick(r, KEYS));
      case INSERT_LINE -> new Edit(kind, place, r.nextInt(6), pick(r, LINES));
      case INSERT_TEXT, REPLACE_CHAR -> new Edit(kind, place, r.nextInt(6), garbage(r));
      default -> new Edit(kind, place, r.nextInt(6), "");
    };
  }

  /**
   * The mutant of case {@code seed}: one of {@code scenarios} with one to three edits applied in
   * order. The same seed always gives the same mutant, so a failure is reproduced from its seed.
   */
  public static Mutant mutant(List<Scenario> scenarios, long seed) {
    return mutant(scenarios, new SplittableRandom(seed));
  }

  /** A mutant drawn from {@code r}: one of {@code scenarios} with one to three edits. */
  public static Mutant mutant(List<Scenario> scenarios, SplittableRandom r) {
    Scenario s = pick(r, scenarios);
    int n = 1 + r.nextInt(3);
    List<Edit> edits = new ArrayList<>(n);
    String text = s.text();
    for (int i = 0; i < n; i++) {
      Edit e = edit(r);
      edits.add(e);
      text = e.apply(text);
    }
    return new Mutant(s.file(), List.copyOf(edits), text);
  }

  /** Between {@code min} and {@code max} raw bytes, any of the 256 values. */
  public static byte[] bytes(SplittableRandom r, int min, int max) {
    byte[] b = new byte[min + r.nextInt(max - min + 1)];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) r.nextInt(256);
    }
    return b;
  }

  /** A value to write: mostly a tricky one from the list, else any text or a long number. */
  private static String value(SplittableRandom r) {
    int w = r.nextInt(10);
    return w < 8 ? pick(r, VALUES) : w < 9 ? unicodeText(r) : digits(r);
  }

  /** Garbage to type in: mostly from the list, else a value or any text. */
  private static String garbage(SplittableRandom r) {
    int w = r.nextInt(10);
    return w < 6 ? pick(r, GARBAGE) : w < 8 ? pick(r, VALUES) : unicodeText(r);
  }

  private static <T> T pick(SplittableRandom r, List<T> from) {
    return from.get(r.nextInt(from.size()));
  }

  /** One to 30 decimal digits. */
  private static String digits(SplittableRandom r) {
    int n = 1 + r.nextInt(30);
    StringBuilder b = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      b.append((char) ('0' + r.nextInt(10)));
    }
    return b.toString();
  }

  /** Short text of any characters a UTF-8 file can hold (no lone surrogates). */
  private static String unicodeText(SplittableRandom r) {
    int n = 1 + r.nextInt(12);
    StringBuilder b = new StringBuilder(n);
    int low = 0xD7FF + 1; // characters 0..U+D7FF, then U+E000..U+FFFD
    int high = 0xFFFD - 0xE000 + 1;
    for (int i = 0; i < n; i++) {
      int c = r.nextInt(low + high);
      b.append((char) (c < low ? c : 0xE000 + c - low));
    }
    return b.toString();
  }

  // ------------------------------------------------------------------ the shipped scenarios

  /**
   * The scenarios under {@code scenarios/} at the repository root (found from the working directory
   * up), sorted by name. The examples need the gossip plugin, so they are left out.
   */
  public static List<Scenario> shipped() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("scenarios"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("no scenarios/ folder above " + Path.of("").toAbsolutePath());
    }
    try (Stream<Path> files = Files.list(dir.resolve("scenarios"))) {
      List<Scenario> out = new ArrayList<>();
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        out.add(
            new Scenario(f.getFileName().toString(), Files.readString(f, StandardCharsets.UTF_8)));
      }
      if (out.isEmpty()) {
        throw new IllegalStateException("no scenarios in " + dir.resolve("scenarios"));
      }
      return List.copyOf(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ------------------------------------------------------------------ finding places in the text

  private static List<String> lines(String text) {
    return new ArrayList<>(List.of(text.split("\n", -1)));
  }

  private static int indent(String line) {
    int i = 0;
    while (i < line.length() && line.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  /** The line after the block that starts at line {@code p} (the lines indented under it). */
  private static int blockEnd(List<String> lines, int p) {
    int base = indent(lines.get(p));
    String first = lines.get(p).strip();
    // A list item's own keys are indented by two more than its dash.
    if (first.startsWith("- ")) {
      base += 1;
    }
    int end = p + 1;
    while (end < lines.size()
        && (lines.get(end).isBlank() || indent(lines.get(end)) > base)
        && !(lines.get(end).isBlank() && end + 1 < lines.size() && isTop(lines.get(end + 1)))) {
      end++;
    }
    return end;
  }

  private static boolean isTop(String line) {
    return !line.isEmpty() && line.charAt(0) != ' ';
  }

  /** Lines that hold YAML (not blank, not a comment, not inside a block text like description). */
  private static List<Integer> contentLines(List<String> lines) {
    List<Integer> out = new ArrayList<>();
    boolean[] block = blockTextLines(lines);
    for (int i = 0; i < lines.size(); i++) {
      String s = lines.get(i).strip();
      if (!block[i] && !s.isEmpty() && !s.startsWith("#")) {
        out.add(i);
      }
    }
    return out;
  }

  /** Which lines are the content of a block text ({@code key: |}). */
  private static boolean[] blockTextLines(List<String> lines) {
    boolean[] out = new boolean[lines.size()];
    for (int i = 0; i < lines.size(); i++) {
      String s = lines.get(i).stripTrailing();
      if (s.endsWith(": |") || s.endsWith(": >") || s.endsWith(": |-") || s.endsWith(": >-")) {
        int base = indent(lines.get(i));
        int j = i + 1;
        while (j < lines.size() && (lines.get(j).isBlank() || indent(lines.get(j)) > base)) {
          out[j++] = true;
        }
        i = j - 1;
      }
    }
    return out;
  }

  private static String replaceSpan(String text, List<int[]> spans, int a, String value) {
    if (spans.isEmpty()) {
      return text;
    }
    int[] s = spans.get(Math.floorMod(a, spans.size()));
    return text.substring(0, s[0]) + value + text.substring(s[1]);
  }

  /** The spans [start, end) of the scalar values in {@code text}: after keys and in lists. */
  static List<int[]> scalarValues(String text) {
    return tokens(text, false);
  }

  /** The spans [start, end) of the keys in {@code text}. */
  static List<int[]> keys(String text) {
    return tokens(text, true);
  }

  /**
   * A small scanner for the YAML the scenarios use (block maps and lists, flow maps and lists on
   * one line, comments, block texts): it finds each plain or quoted scalar and whether it is a key.
   */
  private static List<int[]> tokens(String text, boolean wantKeys) {
    List<int[]> out = new ArrayList<>();
    List<String> lines = lines(text);
    boolean[] block = blockTextLines(lines);
    int offset = 0;
    for (int li = 0; li < lines.size(); li++) {
      String line = lines.get(li);
      if (!block[li]) {
        scanLine(line, offset, wantKeys, out);
      }
      offset += line.length() + 1;
    }
    return out;
  }

  private static void scanLine(String line, int offset, boolean wantKeys, List<int[]> out) {
    int depth = 0;
    int i = 0;
    int n = line.length();
    while (i < n) {
      char c = line.charAt(i);
      if (c == ' ' || c == '\t') {
        i++;
      } else if (c == '{' || c == '[') {
        depth++;
        i++;
      } else if (c == '}' || c == ']') {
        depth = Math.max(0, depth - 1);
        i++;
      } else if (c == ',' && depth > 0) {
        i++;
      } else if (c == '-' && (i + 1 == n || line.charAt(i + 1) == ' ') && depth == 0) {
        i++;
      } else if (c == '#') {
        return;
      } else if ((c == '|' || c == '>') && depth == 0) {
        return;
      } else {
        int start = i;
        boolean key = false;
        if (c == '"' || c == '\'') {
          int close = line.indexOf(c, i + 1);
          i = close < 0 ? n : close + 1;
        } else {
          while (i < n) {
            char d = line.charAt(i);
            if (d == ':' && (i + 1 == n || line.charAt(i + 1) == ' ')) {
              break;
            }
            if (depth > 0 && (d == ',' || d == '}' || d == ']')) {
              break;
            }
            if (d == '#' && line.charAt(i - 1) == ' ') {
              break;
            }
            i++;
          }
        }
        int end = i;
        while (end > start && line.charAt(end - 1) == ' ') {
          end--;
        }
        if (i < n && line.charAt(i) == ':' && (i + 1 == n || line.charAt(i + 1) == ' ')) {
          key = true;
          i++;
        }
        if (end > start && key == wantKeys) {
          out.add(new int[] {offset + start, offset + end});
        }
      }
    }
  }

  private static String printable(String s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length() && i < 60; i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == 0x7f || c >= 0x80 && c < 0xa0 || Character.isWhitespace(c) && c != ' ') {
        b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return s.length() > 60 ? b + "...(" + s.length() + " chars)" : b.toString();
  }
}
