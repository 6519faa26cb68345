package dev.sim.scenarios.config.yaml;

import dev.sim.scenarios.config.Problems;
import dev.sim.scenarios.config.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLParser;

/**
 * Reads YAML text into a located tree with Jackson's streaming YAML parser. A syntax error becomes
 * one problem with line and column (the tree is then unusable); duplicate keys and aliases become
 * problems while reading goes on.
 */
public final class YamlReader {
  private static final YAMLFactory FACTORY = new YAMLFactory();

  private static final Pattern NESTING =
      Pattern.compile("nesting depth \\(\\d+\\) exceeds the maximum allowed \\((\\d+)");
  private static final Pattern API_NAME = Pattern.compile(",? from `[^`]*`");

  private final String file;
  private final SourceLocation fixed;
  private final Problems problems;
  private final String pathPrefix;
  private JsonParser parser;

  private YamlReader(String file, SourceLocation fixed, String pathPrefix, Problems problems) {
    this.file = file;
    this.fixed = fixed;
    this.pathPrefix = pathPrefix;
    this.problems = problems;
  }

  /**
   * Reads one YAML document. Returns null when the text cannot be read at all (the reason is in
   * {@code problems}); an empty document reads as an empty map.
   *
   * @param text the YAML text
   * @param file the file name as the user wrote it, for locations
   * @param problems where problems go
   */
  public static YamlNode read(String text, String file, Problems problems) {
    return new YamlReader(file, null, "", problems).readDocument(text);
  }

  /**
   * Reads a value given on the command line ({@code --set PATH=VALUE}): every node of the result is
   * located at {@code location}, and {@code path} prefixes the paths of its problems.
   */
  public static YamlNode readValue(
      String text, SourceLocation location, String path, Problems problems) {
    return new YamlReader(location.file(), location, path, problems).readDocument(text);
  }

  private YamlNode readDocument(String text) {
    try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), text)) {
      parser = p;
      JsonToken t = p.nextToken();
      if (t == null) {
        if (fixed != null) {
          return new YamlScalar("", YamlScalar.Kind.NULL, fixed, fixed);
        }
        SourceLocation start = new SourceLocation(file, 1, 1);
        return new YamlMap(start, start);
      }
      YamlNode root = readValue(t, null, pathPrefix);
      JsonToken extra = p.nextToken();
      if (extra != null) {
        problems.add(
            here(),
            pathPrefix,
            "a scenario is one YAML document; found a second one (a line with '---'?)");
      }
      return root;
    } catch (StreamConstraintsException e) {
      // A limit of the parser (nesting depth, a name's length), not a syntax error: the parser
      // gives no location and its message names its own Java API, so say it in the user's terms.
      problems.add(parserLocation(), pathPrefix, limitMessage(e));
      return null;
    } catch (JacksonException e) {
      problems.add(syntaxProblemLocation(e), pathPrefix, syntaxMessage(e, fixed == null));
      return null;
    } catch (YamlEngineException e) {
      // Not expected (Jackson wraps the engine's errors), but never let one escape as a trace.
      problems.add(parserLocation(), pathPrefix, "YAML syntax error: " + e.getMessage().strip());
      return null;
    }
  }

  private YamlNode readValue(JsonToken t, SourceLocation keyLocation, String path) {
    SourceLocation at = here();
    SourceLocation keyAt = keyLocation == null ? at : keyLocation;
    if (t == JsonToken.START_OBJECT) {
      YamlMap map = new YamlMap(at, keyAt);
      JsonToken n;
      while ((n = parser.nextToken()) != JsonToken.END_OBJECT) {
        String key = parser.currentName();
        SourceLocation keyHere = here();
        String childPath = join(path, key);
        YamlNode value = readValue(parser.nextToken(), keyHere, childPath);
        YamlMap.Entry previous = map.entry(key);
        if (previous != null) {
          problems.add(
              keyHere,
              childPath,
              "duplicate key '"
                  + key
                  + "' (first written at line "
                  + previous.keyLocation().line()
                  + "); write each key once");
        } else {
          map.put(key, keyHere, value);
        }
      }
      return map;
    }
    if (t == JsonToken.START_ARRAY) {
      List<YamlNode> items = new ArrayList<>();
      JsonToken n;
      while ((n = parser.nextToken()) != JsonToken.END_ARRAY) {
        items.add(readValue(n, null, path + "[" + items.size() + "]"));
      }
      return new YamlList(items, at, keyAt);
    }
    if (parser instanceof YAMLParser yp && yp.isCurrentAlias()) {
      problems.add(
          at,
          path,
          "aliases (*"
              + parser.getString()
              + ") are not supported in scenarios; write the value out");
    }
    String text = t == JsonToken.VALUE_NULL ? "" : parser.getString();
    YamlScalar.Kind kind =
        switch (t) {
          case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> YamlScalar.Kind.NUMBER;
          case VALUE_TRUE, VALUE_FALSE -> YamlScalar.Kind.BOOLEAN;
          case VALUE_NULL -> YamlScalar.Kind.NULL;
          default -> YamlScalar.Kind.STRING;
        };
    return new YamlScalar(text == null ? "" : text, kind, at, keyAt);
  }

  private SourceLocation here() {
    if (fixed != null) {
      return fixed;
    }
    TokenStreamLocation l = parser.currentTokenLocation();
    return new SourceLocation(file, l.getLineNr(), l.getColumnNr());
  }

  private static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  private SourceLocation syntaxProblemLocation(JacksonException e) {
    if (fixed != null) {
      return fixed;
    }
    if (e.getCause() instanceof MarkedYamlEngineException m) {
      String problem = m.getProblem() == null ? "" : m.getProblem();
      boolean unclosed =
          problem.startsWith("expected ',' or")
              || problem.contains("end of stream")
                  && m.getContext() != null
                  && m.getContext().contains("quoted");
      // An unclosed bracket or quote is fixed where it opens, so point there.
      Mark mark =
          (unclosed
                  ? m.getContextMark().or(m::getProblemMark)
                  : m.getProblemMark().or(m::getContextMark))
              .orElse(null);
      if (mark != null) {
        return new SourceLocation(file, mark.getLine() + 1, mark.getColumn() + 1);
      }
    }
    TokenStreamLocation l = e.getLocation();
    return l == null || l.getLineNr() <= 0
        ? parserLocation()
        : new SourceLocation(file, l.getLineNr(), l.getColumnNr());
  }

  /**
   * Where the parser stopped, for an error that carries no location of its own; line 1 when it
   * stopped before reading anything. Every problem of a file names a line.
   */
  private SourceLocation parserLocation() {
    if (fixed != null) {
      return fixed;
    }
    TokenStreamLocation l = parser == null ? null : parser.currentLocation();
    if (l == null || l.getLineNr() <= 0) {
      return new SourceLocation(file, 1, 1);
    }
    return new SourceLocation(file, l.getLineNr(), Math.max(1, l.getColumnNr()));
  }

  /** A parser limit in plain words, without the parser's API names. */
  private static String limitMessage(StreamConstraintsException e) {
    String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    Matcher depth = NESTING.matcher(original);
    if (depth.find()) {
      return "the sections and lists here nest more than "
          + depth.group(1)
          + " levels deep, more than the YAML reader allows (a scenario needs a few)";
    }
    // Keep the numbers, drop the "from `StreamReadConstraints...`" that only a programmer reads.
    return "too large for the YAML reader: " + API_NAME.matcher(original).replaceAll("").strip();
  }

  /** A syntax error in plain words, with a hint for the mistakes beginners make most. */
  private static String syntaxMessage(JacksonException e, boolean inFile) {
    String problem;
    String context = null;
    Mark contextMark = null;
    if (e.getCause() instanceof MarkedYamlEngineException m) {
      problem = m.getProblem();
      context = m.getContext();
      contextMark = m.getContextMark().orElse(null);
    } else {
      problem = e.getOriginalMessage();
    }
    if (problem == null) {
      problem = "unreadable YAML";
    }
    problem = problem.strip();
    String parser = problem;
    if (context != null && contextMark != null && inFile) {
      parser +=
          " "
              + context.strip()
              + " that starts at line "
              + (contextMark.getLine() + 1)
              + ", column "
              + (contextMark.getColumn() + 1);
    }
    String hint = hint(problem.toLowerCase(Locale.ROOT), context);
    return hint == null
        ? "YAML syntax error: " + parser
        : "YAML syntax error: " + hint + " (the YAML parser says: " + parser + ")";
  }

  private static String hint(String problem, String context) {
    if (problem.contains("tab")) {
      return "indent with spaces, not tabs";
    }
    if (problem.contains("mapping values are not allowed")) {
      return "a ':' where none was expected: check the indentation of this line, or put quotes"
          + " around a value that contains ': '";
    }
    if (problem.contains("expected ',' or ']'")) {
      return "a list opened with '[' is not closed with ']'";
    }
    if (problem.contains("expected ',' or '}'")) {
      return "a section opened with '{' is not closed with '}'";
    }
    if (problem.contains("end of stream") && context != null && context.contains("quoted")) {
      return "a quoted text is not closed";
    }
    if (problem.contains("expected <block end>")) {
      return "this line's indentation does not line up with the lines above";
    }
    if (problem.contains("cannot start any token")) {
      return "put quotes around a value that starts with this character";
    }
    return null;
  }
}
