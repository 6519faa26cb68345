package dev.sim.cli.sweep;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

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

  private static final AtomicLong COUNTER = new AtomicLong();

  private AtomicFile() {}

  /** Writes {@code bytes} to {@code target} whole or not at all (a chart's PNG). */
  static void writeBytes(Path target, byte[] bytes) throws IOException {
    Path tmp = tmp(target);
    try {
      Files.write(tmp, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      move(tmp, target);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static Path tmp(Path target) {
    Path dir = target.toAbsolutePath().getParent();
    // Not Files.createTempFile: its owner-only permissions would survive the rename.
    return dir.resolve(
        "."
            + target.getFileName()
            + "."
            + ProcessHandle.current().pid()
            + "-"
            + COUNTER.incrementAndGet()
            + ".tmp");
  }

  private static void move(Path tmp, Path target) throws IOException {
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Writes what {@code body} writes, as UTF-8, to {@code target}; returns {@code target}. */
  static Path write(Path target, Body body) throws IOException {
    Path tmp = tmp(target);
    try {
      try (Writer out =
          Files.newBufferedWriter(
              tmp,
              StandardCharsets.UTF_8,
              StandardOpenOption.CREATE_NEW,
              StandardOpenOption.WRITE)) {
        body.write(out);
      }
      move(tmp, target);
    } finally {
      Files.deleteIfExists(tmp);
    }
    return target;
  }
}
