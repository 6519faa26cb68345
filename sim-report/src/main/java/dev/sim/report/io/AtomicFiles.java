package dev.sim.report.io;

import java.io.BufferedOutputStream;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Files written whole or not at all: into a temporary file beside the target, then renamed over it,
 * so a killed run, sweep or merge leaves the previous file or none, never half of one. Every file
 * {@code sim} writes into a run or sweep folder goes through here.
 */
public final class AtomicFiles {
  /** Writes a file's bytes; may fail with an I/O error. */
  @FunctionalInterface
  public interface Body {
    /** Writes the file's content to {@code out}. */
    void write(OutputStream out) throws IOException;
  }

  private static final AtomicLong COUNTER = new AtomicLong();

  private AtomicFiles() {}

  /** Writes what {@code body} writes to {@code target}; returns {@code target}. */
  public static Path write(Path target, Body body) throws IOException {
    Path tmp = temporary(target);
    try {
      try (OutputStream out =
          new BufferedOutputStream(
              Files.newOutputStream(
                  tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE))) {
        body.write(out);
      }
      move(tmp, target);
    } finally {
      Files.deleteIfExists(tmp);
    }
    return target;
  }

  /** Writes {@code bytes} to {@code target}; returns {@code target}. */
  public static Path write(Path target, byte[] bytes) throws IOException {
    return write(target, out -> out.write(bytes));
  }

  /** Writes {@code text} as UTF-8 to {@code target}; returns {@code target}. */
  public static Path writeText(Path target, String text) throws IOException {
    return write(target, text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A UTF-8 writer for a file written over a long time (a trace that streams while the run goes):
   * the text goes into a temporary file that becomes {@code target} when the writer is closed, so
   * until then, and forever if the process is killed, {@code target} holds the previous file or
   * nothing.
   */
  public static Writer open(Path target) throws IOException {
    Path tmp = temporary(target);
    Writer w =
        new OutputStreamWriter(
            new BufferedOutputStream(
                Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                1 << 16),
            StandardCharsets.UTF_8);
    return new FilterWriter(w) {
      private boolean closed;

      @Override
      public void close() throws IOException {
        if (closed) {
          return;
        }
        closed = true;
        try {
          super.close();
          move(tmp, target);
        } finally {
          Files.deleteIfExists(tmp);
        }
      }
    };
  }

  private static Path temporary(Path target) {
    Path dir = target.toAbsolutePath().getParent();
    // Not Files.createTempFile: its owner-only permissions would survive the rename, and other
    // tools (and other users) read these files. A plain create honours the umask.
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
}
