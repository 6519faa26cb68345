package dev.sim.scenarios.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.kernel.result.RunResult;
import dev.sim.scenarios.config.ScenarioMutations.Mutant;
import dev.sim.scenarios.plugin.NodeTypeRegistry;
import dev.sim.scenarios.runtime.ScenarioRunner;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the loader with mutants of every shipped scenario ({@link ScenarioMutations}). The
 * contract for bad input: a {@link ScenarioException} whose every line names {@code
 * file:line:column} inside the file — never another exception, never a silent default. A mutant
 * that loads must hold no nonsense (no NaN or infinite number anywhere in the spec) and, for the
 * small ones, run a few simulated seconds without a node failing or the runner throwing. The seed
 * is fixed so that a failure is reproducible ({@link FuzzCases}); change {@link #SEED} to explore
 * further. A failure prints the case's seed, the edits and the whole mutated text.
 */
class LoaderFuzzTest {
  /**
   * The fixed master seed: each case's own seed is drawn from it and printed with a failure, and
   * {@code -Dfuzz.case=SEED} reruns that case alone.
   */
  static final long SEED = 20250611L;

  /** How many mutants the loader is given as text, and how many as files with raw bytes in. */
  static final int MUTANTS = 4000;

  static final int BYTE_MUTANTS = 400;

  static final NodeTypeRegistry TYPES =
      NodeTypeRegistry.load(LoaderFuzzTest.class.getClassLoader());

  static final String FILE = "fuzz.yaml";

  /** Where the byte-level property writes its files (a relative name, so messages are stable). */
  static final Path BYTES_FILE = Path.of("target", "fuzz", "fuzz.yaml");

  /** How much of a loaded mutant runs: simulated time, events and nodes. */
  static final long RUN_NANOS = 1_000_000_000L;

  static final long RUN_EVENTS = 100_000;
  static final int RUN_MAX_NODES = 200;

  /** The shipped scenarios the mutants start from. */
  static final List<ScenarioMutations.Scenario> SHIPPED = ScenarioMutations.shipped();

  @Test
  void everyMutantLoadsOrIsAnsweredWithLocatedProblems() {
    int[] outcomes = new int[2]; // rejected, loaded
    FuzzCases.run(
        "everyMutantLoadsOrIsAnsweredWithLocatedProblems",
        SEED,
        MUTANTS,
        r -> {
          Mutant m = ScenarioMutations.mutant(SHIPPED, r);
          ScenarioSpec spec = check(m);
          outcomes[spec == null ? 0 : 1]++;
          if (spec != null) {
            runBriefly(m, spec);
          }
        });
    // A mutation that always breaks (or never breaks) the file would test little.
    assertThat(outcomes[0]).as("rejected mutants").isPositive();
    assertThat(outcomes[1]).as("loaded mutants").isPositive();
  }

  /**
   * Mutants with a few raw bytes put in (most of them not UTF-8), written to a file and loaded from
   * it as the CLI does: they too load or are answered with located problems.
   */
  @Test
  void everyFileOfAnyBytesLoadsOrIsAnsweredWithLocatedProblems() throws IOException {
    Files.createDirectories(BYTES_FILE.getParent());
    FuzzCases.run(
        "everyFileOfAnyBytesLoadsOrIsAnsweredWithLocatedProblems",
        SEED + 1,
        BYTE_MUTANTS,
        r -> {
          Mutant m = ScenarioMutations.mutant(SHIPPED, r);
          int at = r.nextInt(100_001);
          byte[] junk = ScenarioMutations.bytes(r, 1, 4);
          byte[] text = m.text().getBytes(StandardCharsets.UTF_8);
          int cut = Math.floorMod(at, text.length + 1);
          byte[] bytes = new byte[text.length + junk.length];
          System.arraycopy(text, 0, bytes, 0, cut);
          System.arraycopy(junk, 0, bytes, cut, junk.length);
          System.arraycopy(text, cut, bytes, cut + junk.length, text.length - cut);
          Files.write(BYTES_FILE, bytes);
          String what = HexFormat.of().formatHex(junk) + " at byte " + cut + " of " + m.describe();
          try {
            ScenarioLoader.load(BYTES_FILE, TYPES, List.of());
          } catch (ScenarioException e) {
            // The bad bytes read as U+FFFD here, so the line breaks are those of the valid text.
            checkLocated(
                new String(bytes, StandardCharsets.UTF_8),
                BYTES_FILE.toString(),
                e.getMessage(),
                what);
          } catch (RuntimeException | StackOverflowError e) {
            throw new AssertionError("the loader threw " + e + " for " + what, e);
          }
        });
  }

  /**
   * Loads {@code m}; returns the spec, or null after checking that every problem is located. Any
   * other exception fails with the mutant in the message.
   */
  static ScenarioSpec check(Mutant m) {
    ScenarioSpec spec;
    try {
      spec = ScenarioLoader.parse(m.text(), FILE, TYPES, List.of());
    } catch (ScenarioException e) {
      checkLocated(m.text(), FILE, e.getMessage(), m);
      return null;
    } catch (RuntimeException | StackOverflowError e) {
      throw new AssertionError("the loader threw " + e + " for " + m.describe(), e);
    }
    List<String> nonsense = new ArrayList<>();
    findNonFinite(spec, "spec", nonsense, new IdentityHashMap<>());
    if (!nonsense.isEmpty()) {
      throw new AssertionError("the loader accepted " + nonsense + " for " + m.describe());
    }
    return spec;
  }

  /**
   * Checks that every line of a loader message is {@code FILE:LINE:COLUMN: ...} (the form {@link
   * Problem#render()} writes) with the line inside {@code text}; {@code what} is shown on failure.
   */
  static void checkLocated(String text, String file, String message, Object what) {
    Pattern located = Pattern.compile(Pattern.quote(file) + ":(\\d+):(\\d+): \\S.*");
    // Every line break YAML knows (NEL and the Unicode separators too) may start a new line.
    long lines = text.split("\r\n|[\n\r\u0085\u2028\u2029]", -1).length;
    for (String line : message.split("\n", -1)) {
      Matcher l = located.matcher(line);
      if (!l.matches()) {
        throw new AssertionError(
            "a problem without file:line:column: '" + line + "' in\n" + message + "\nfor " + what);
      }
      long row = Long.parseLong(l.group(1));
      long col = Long.parseLong(l.group(2));
      if (row < 1 || row > lines || col < 1) {
        throw new AssertionError(
            "a problem outside the file (" + lines + " lines): '" + line + "' for " + what);
      }
      if (line.contains("Exception") || line.contains("\tat ")) {
        throw new AssertionError("a message that leaks an exception: '" + line + "' for " + what);
      }
    }
  }

  /**
   * Runs a small loaded mutant for {@link #RUN_NANOS} simulated at most; returns why it stopped.
   */
  static String runBriefly(Mutant m, ScenarioSpec spec) {
    int nodes = spec.nodes().stream().mapToInt(NodeGroupSpec::count).sum();
    if (nodes > RUN_MAX_NODES) {
      return "too many nodes to run";
    }
    long duration = Math.min(spec.durationNanos(), RUN_NANOS);
    ScenarioSpec brief =
        new ScenarioSpec(
            spec.name(),
            spec.title(),
            spec.description(),
            spec.seed(),
            duration,
            Math.min(spec.warmupNanos(), duration / 2),
            Math.min(spec.windowNanos(), duration),
            spec.network(),
            spec.clocks(),
            spec.nodes(),
            spec.faults(),
            spec.expect(),
            spec.report(),
            spec.source(),
            spec.warnings());
    RunResult r;
    try {
      r =
          ScenarioRunner.run(
              brief,
              brief.seed(),
              new ScenarioRunner.Options(
                  RUN_EVENTS, Long.MAX_VALUE, dev.sim.kernel.run.WallClock.NONE, null));
    } catch (RuntimeException | StackOverflowError e) {
      throw new AssertionError("the run threw " + e + " for " + m.describe(), e);
    }
    if (r.failure() != null) {
      throw new AssertionError(
          "node "
              + r.failure().nodeName()
              + " failed: "
              + r.failure().message()
              + "\n"
              + r.failure().stackTrace()
              + "\nfor "
              + m.describe());
    }
    return r.stopReason().toString();
  }

  /**
   * Records in {@code out} the path of every NaN or infinite double reachable from {@code o}
   * through records, lists, maps and the fields of the simulator's own classes.
   */
  static void findNonFinite(Object o, String path, List<String> out, Map<Object, Object> seen) {
    if (o == null || seen.put(o, o) != null) {
      return;
    }
    if (o instanceof Double d) {
      if (d.isNaN() || d.isInfinite()) {
        out.add(path + "=" + d);
      }
      return;
    }
    if (o instanceof double[] a) {
      for (int i = 0; i < a.length; i++) {
        if (Double.isNaN(a[i]) || Double.isInfinite(a[i])) {
          out.add(path + "[" + i + "]=" + a[i]);
        }
      }
      return;
    }
    if (o instanceof Collection<?> c) {
      int i = 0;
      for (Object x : c) {
        findNonFinite(x, path + "[" + i++ + "]", out, seen);
      }
      return;
    }
    if (o instanceof Map<?, ?> mp) {
      for (Map.Entry<?, ?> e : mp.entrySet()) {
        findNonFinite(e.getValue(), path + "." + e.getKey(), out, seen);
      }
      return;
    }
    Class<?> c = o.getClass();
    if (c.isRecord()) {
      for (RecordComponent rc : c.getRecordComponents()) {
        try {
          java.lang.reflect.Method get = rc.getAccessor();
          get.setAccessible(true);
          findNonFinite(get.invoke(o), path + "." + rc.getName(), out, seen);
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      }
      return;
    }
    if (!c.getName().startsWith("dev.sim.") || c.isEnum()) {
      return;
    }
    for (Class<?> k = c; k != null && k.getName().startsWith("dev.sim."); k = k.getSuperclass()) {
      for (Field f : k.getDeclaredFields()) {
        if (Modifier.isStatic(f.getModifiers())) {
          continue;
        }
        try {
          f.setAccessible(true);
          findNonFinite(f.get(o), path + "." + f.getName(), out, seen);
        } catch (ReflectiveOperationException | RuntimeException e) {
          // A field we may not read says nothing about the scenario.
        }
      }
    }
  }
}
