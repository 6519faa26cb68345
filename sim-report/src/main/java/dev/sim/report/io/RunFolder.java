package dev.sim.report.io;

import dev.sim.kernel.result.RunResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * A run folder on disk: {@code summary.json}, {@code metrics.csv} and {@code result.json}. Every
 * file is written atomically (a temporary file in the same folder, then an atomic rename), so a
 * reader never sees half a file. Errors are {@link IOException}s whose message a user can act on.
 */
public final class RunFolder {
  /** The contract summary (docs/scenario-format.md, "Output contract"). */
  public static final String SUMMARY = "summary.json";

  /** One row per window. */
  public static final String METRICS = "metrics.csv";

  /** The whole run result, read back by {@link #read}. */
  public static final String RESULT = "result.json";

  private RunFolder() {}

  /**
   * Writes {@code summary.json}, {@code metrics.csv} and {@code result.json} for {@code r} into
   * {@code dir}, creating the folder if needed; returns the paths written.
   */
  public static List<Path> write(RunResult r, Path dir) throws IOException {
    createFolder(dir);
    Path summary = writeAtomically(dir.resolve(SUMMARY), SummaryJson.toJson(r));
    Path metrics = writeAtomically(dir.resolve(METRICS), MetricsCsv.toCsv(r));
    Path result = writeAtomically(dir.resolve(RESULT), ResultJson.toJson(r));
    return List.of(summary, metrics, result);
  }

  /** Writes only {@code summary.json} into {@code dir}; returns its path. */
  public static Path writeSummary(RunResult r, Path dir) throws IOException {
    createFolder(dir);
    return writeAtomically(dir.resolve(SUMMARY), SummaryJson.toJson(r));
  }

  /**
   * Reads the run result saved in {@code dir} by {@link #write}. Throws an {@link IOException} that
   * says what is wrong when the folder or {@code result.json} is missing or malformed.
   */
  public static RunResult read(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      throw new NoSuchFileException(
          dir.toString(),
          null,
          "no such run folder (expected a folder written by 'sim run', e.g. runs/NAME-seedN)");
    }
    if (!Files.isDirectory(dir)) {
      throw new IOException(dir + " is not a folder (expected a run folder written by 'sim run')");
    }
    Path file = dir.resolve(RESULT);
    if (!Files.isRegularFile(file)) {
      throw new NoSuchFileException(
          file.toString(),
          null,
          "the run folder has no " + RESULT + " (was it written by 'sim run' of this version?)");
    }
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (java.nio.charset.MalformedInputException e) {
      throw new IOException(file + " is not UTF-8 text", e);
    }
    return ResultJson.parse(text, file.toString());
  }

  /** Writes {@code text} as UTF-8 to {@code target} through a temporary file and a rename. */
  public static Path writeAtomically(Path target, String text) throws IOException {
    return writeAtomically(target, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Writes {@code bytes} to {@code target} through a temporary file and a rename. */
  public static Path writeAtomically(Path target, byte[] bytes) throws IOException {
    return AtomicFiles.write(target, bytes);
  }

  private static void createFolder(Path dir) throws IOException {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new IOException("cannot write the run folder: " + dir + " exists and is not a folder");
    }
    Files.createDirectories(dir);
  }
}
