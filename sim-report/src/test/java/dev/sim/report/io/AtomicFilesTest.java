package dev.sim.report.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @TempDir Path dir;

  private String[] names() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toArray(String[]::new);
    }
  }

  @Test
  void shouldLeaveThePreviousFileWhenWritingFailsHalfWay() throws IOException {
    Path target = dir.resolve("sweep.csv");
    AtomicFiles.writeText(target, "old\n");
    assertThatThrownBy(
            () ->
                AtomicFiles.write(
                    target,
                    out -> {
                      out.write("new, half".getBytes(StandardCharsets.UTF_8));
                      throw new IOException("disk full");
                    }))
        .hasMessage("disk full");
    assertThat(Files.readString(target)).isEqualTo("old\n");
    assertThat(names()).containsExactly("sweep.csv");
  }

  @Test
  void shouldShowAStreamedFileOnlyOnceItsWriterIsClosed() throws IOException {
    Path target = dir.resolve("trace.jsonl");
    Writer w = AtomicFiles.open(target);
    w.write("{\"t\":0}\n");
    w.flush();
    assertThat(target).doesNotExist();
    assertThat(names())
        .hasSize(1)
        .allMatch(n -> n.startsWith(".trace.jsonl.") && n.endsWith(".tmp"));
    w.write("{\"t\":1}\n");
    w.close();
    w.close(); // a second close is harmless
    assertThat(Files.readString(target)).isEqualTo("{\"t\":0}\n{\"t\":1}\n");
    assertThat(names()).containsExactly("trace.jsonl");
  }
}
