package dev.sim.cli;

import dev.sim.kernel.result.RunInfo;
import dev.sim.kernel.result.RunResult;
import dev.sim.kernel.run.Simulation;
import dev.sim.kernel.trace.JsonLinesTraceSink;
import dev.sim.report.Divergence;
import dev.sim.report.io.TraceEvent;
import dev.sim.scenarios.config.ScenarioSpec;
import dev.sim.scenarios.runtime.ScenarioRunner;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds where two runs' traces part: the first line of {@code trace.jsonl} at which they differ.
 * Two ways, which give the same answer for the same runs: {@link #runs} runs both scenarios
 * in-process and compares their traces as B runs, holding one 64-bit digest per event of A (never
 * two whole traces), then runs A again only as far as the divergence to show its events; {@link
 * #folders} streams two traced run folders' {@code trace.jsonl} side by side.
 */
final class TraceDiff {
  /** Shared events shown before the first difference. */
  static final int CONTEXT = 5;

  /** Events of each run shown from the first difference on. */
  static final int AFTER = 3;

  private TraceDiff() {}

  /** Two finished runs and where their traces part. */
  record Outcome(RunResult a, RunResult b, Divergence divergence) {}

  /** One side of an in-process diff: what to run and how it is described. */
  record Side(ScenarioSpec scenario, long seed, RunInfo info) {}

  // ------------------------------------------------------------------ in-process

  /** Runs {@code a}, then {@code b} compared event by event with it, then describes the fork. */
  static Outcome runs(RunPipeline pipeline, Side a, Side b, RunPipeline.Limits limits) {
    Digests digests = new Digests();
    RunResult ra =
        pipeline.run(a.scenario(), a.seed(), limits, sink(a.scenario(), digests), a.info());
    Matcher matcher = new Matcher(digests.values, digests.count, AFTER);
    RunResult rb =
        pipeline.run(b.scenario(), b.seed(), limits, sink(b.scenario(), matcher), b.info());
    long fork = matcher.fork();
    if (fork < 0) {
      return new Outcome(
          ra,
          rb,
          new Divergence(
              digests.count, List.of(), List.of(), List.of(), digests.count, matcher.count));
    }
    // A's events around the fork: run A again, event by event, only that far.
    long from = Math.max(0, fork - CONTEXT);
    long to = Math.min(fork + AFTER, digests.count);
    Window window = new Window(from, to);
    ScenarioRunner runner =
        new ScenarioRunner(
            a.scenario(),
            a.seed(),
            new ScenarioRunner.Options(
                limits.maxEvents(),
                limits.maxWallNanos(),
                System::nanoTime,
                sink(a.scenario(), window)));
    Simulation sim = runner.simulation();
    while (window.count < to && sim.step()) {
      // Each step is one event of A's run; the window fills as their trace lines pass.
    }
    List<TraceEvent> context = new ArrayList<>();
    List<TraceEvent> afterA = new ArrayList<>();
    for (int i = 0; i < window.lines.size(); i++) {
      TraceEvent e = TraceEvent.parse(window.lines.get(i));
      (from + i < fork ? context : afterA).add(e);
    }
    List<TraceEvent> afterB = matcher.after.stream().map(TraceEvent::parse).toList();
    return new Outcome(
        ra, rb, new Divergence(fork, context, afterA, afterB, digests.count, matcher.count));
  }

  private static JsonLinesTraceSink sink(ScenarioSpec scenario, LineWriter lines) {
    return new JsonLinesTraceSink(lines, RunPipeline.traceNames(scenario));
  }

  /**
   * Receives {@code trace.jsonl}'s lines one at a time, exactly as {@code --trace} writes them,
   * without building the file: the trace sink appends each whole line in one call.
   */
  abstract static class LineWriter extends Writer {
    /** One line, with its newline. */
    abstract void line(CharSequence line);

    @Override
    public Writer append(CharSequence csq) {
      line(csq);
      return this;
    }

    @Override
    public void write(char[] buf, int off, int len) {
      line(new String(buf, off, len));
    }

    @Override
    public void write(String s) {
      line(s);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }

  /** A 64-bit FNV-1a digest of a line, its newline left out. */
  static long digest(CharSequence line) {
    long h = 0xcbf29ce484222325L;
    int n = line.length();
    if (n > 0 && line.charAt(n - 1) == '\n') {
      n--;
    }
    for (int i = 0; i < n; i++) {
      h = (h ^ line.charAt(i)) * 0x100000001b3L;
    }
    return h;
  }

  private static String text(CharSequence line) {
    int n = line.length();
    return line.subSequence(0, n > 0 && line.charAt(n - 1) == '\n' ? n - 1 : n).toString();
  }

  /** Run A's digests, one per line. */
  private static final class Digests extends LineWriter {
    long[] values = new long[1 << 16];
    long count;

    @Override
    void line(CharSequence line) {
      if (count == values.length) {
        if (values.length >= Integer.MAX_VALUE - 8) {
          throw new UserError("the trace is too long to compare (over 2 billion events)");
        }
        values = Arrays.copyOf(values, (int) Math.min(Integer.MAX_VALUE - 8L, values.length * 2L));
      }
      values[(int) count++] = digest(line);
    }
  }

  /** Run B's lines compared with A's digests as they come; keeps B's first lines after the fork. */
  private static final class Matcher extends LineWriter {
    private final long[] a;
    private final long countA;
    private final int keep;
    final List<String> after = new ArrayList<>();
    long count;
    private long fork = -1;

    Matcher(long[] a, long countA, int keep) {
      this.a = a;
      this.countA = countA;
      this.keep = keep;
    }

    @Override
    void line(CharSequence line) {
      if (fork < 0 && (count >= countA || digest(line) != a[(int) count])) {
        fork = count;
      }
      if (fork >= 0 && after.size() < keep) {
        after.add(text(line));
      }
      count++;
    }

    /** The index of the first line that differs, or -1 when B's trace is A's. */
    long fork() {
      if (fork < 0 && count < countA) {
        return count; // B's trace ended first: it is the start of A's.
      }
      return fork;
    }
  }

  /** The lines {@code [from, to)} of a trace. */
  private static final class Window extends LineWriter {
    private final long from;
    private final long to;
    final List<String> lines = new ArrayList<>();
    long count;

    Window(long from, long to) {
      this.from = from;
      this.to = to;
    }

    @Override
    void line(CharSequence line) {
      if (count >= from && count < to) {
        lines.add(text(line));
      }
      count++;
    }
  }

  // ------------------------------------------------------------------ run folders

  /**
   * Compares the {@code trace.jsonl} of two run folders line by line, streaming both.
   *
   * @throws UserError when a folder has no trace (it was run without {@code --trace}) or a trace
   *     cannot be read
   */
  static Divergence folders(Path a, Path b) {
    Path ta = trace(a);
    Path tb = trace(b);
    try (BufferedReader ra = Files.newBufferedReader(ta, StandardCharsets.UTF_8);
        BufferedReader rb = Files.newBufferedReader(tb, StandardCharsets.UTF_8)) {
      ArrayDeque<String> context = new ArrayDeque<>();
      long same = 0;
      while (true) {
        String la = ra.readLine();
        String lb = rb.readLine();
        if (la == null && lb == null) {
          return new Divergence(same, List.of(), List.of(), List.of(), same, same);
        }
        if (la == null || !la.equals(lb)) {
          List<TraceEvent> afterA = new ArrayList<>();
          List<TraceEvent> afterB = new ArrayList<>();
          long countA = same + rest(la, ra, afterA);
          long countB = same + rest(lb, rb, afterB);
          List<TraceEvent> shared = context.stream().map(TraceEvent::parse).toList();
          return new Divergence(same, shared, afterA, afterB, countA, countB);
        }
        context.addLast(la);
        if (context.size() > CONTEXT) {
          context.removeFirst();
        }
        same++;
      }
    } catch (IOException e) {
      throw new UserError("cannot read the traces " + ta + " and " + tb + ": " + e.getMessage());
    }
  }

  /** Keeps the first lines from {@code first} on in {@code out}; returns how many there are. */
  private static long rest(String first, BufferedReader r, List<TraceEvent> out)
      throws IOException {
    long n = 0;
    for (String l = first; l != null; l = r.readLine()) {
      if (n < AFTER) {
        out.add(TraceEvent.parse(l));
      }
      n++;
    }
    return n;
  }

  private static Path trace(Path dir) {
    Path t = dir.resolve(RunPipeline.TRACE_FILE);
    if (!Files.isRegularFile(t)) {
      throw new UserError(
          dir
              + ": no "
              + RunPipeline.TRACE_FILE
              + " in this run folder; rerun it with --trace (sim run FILE --seed N --trace"
              + " --out "
              + dir
              + "), or let sim diff FILE --seed N --set PATH=VALUE run both sides itself");
    }
    return t;
  }
}
