package dev.sim.cli.sweep;

import dev.sim.report.io.AtomicFiles;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Writes a file whole or not at all: into a temporary file beside it, then an atomic rename, so a
 * killed sweep leaves the previous file or none, never half a CSV. Streams, so a table of a million
 * rows never sits in memory as one string.
 */
final class AtomicFile {
  /** Writes text to a writer; may fail with an I/O error. */
  interface Body {
    /** Writes the file's text to {@code out}. */
    void write(Writer out) throws IOException;
  }

  private AtomicFile() {}

  /** Writes {@code bytes} to {@code target} whole or not at all (a chart's PNG). */
  static void writeBytes(Path target, byte[] bytes) throws IOException {
    AtomicFiles.write(target, bytes);
  }

  /** Writes what {@code body} writes, as UTF-8, to {@code target}; returns {@code target}. */
  static Path write(Path target, Body body) throws IOException {
    return AtomicFiles.write(
        target,
        out -> {
          Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
          body.write(w);
          w.flush();
        });
  }
}
