package dev.sim.report.io;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sim.report.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFolderErrorsTest {
  @TempDir Path dir;

  @Test
  void aMissingFolderIsNamed() {
    Path missing = dir.resolve("runs/nope-seed1");
    assertThatThrownBy(() -> RunFolder.read(missing))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining("nope-seed1")
        .hasMessageContaining("no such run folder");
  }

  @Test
  void aFolderWithoutResultJsonSaysSo() {
    assertThatThrownBy(() -> RunFolder.read(dir))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining("result.json");
  }

  @Test
  void brokenJsonNamesLineAndColumn() throws Exception {
    Files.writeString(dir.resolve("result.json"), "{\n  \"format\": \"sim-result/1\",\n  oops\n}");
    assertThatThrownBy(() -> RunFolder.read(dir))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("result.json is not valid JSON at line 3");
  }

  @Test
  void aMissingFieldIsNamedWithItsPath() throws Exception {
    String json = ResultJson.toJson(Fixtures.spiral()).replace("\"latencyP90Ms\"", "\"p90\"");
    Files.writeString(dir.resolve("result.json"), json);
    assertThatThrownBy(() -> RunFolder.read(dir))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("missing field 'families.requests.windows[0].latencyP90Ms'");
  }

  @Test
  void aWrongTypeIsNamedWithWhatWasFound() throws Exception {
    String json = ResultJson.toJson(Fixtures.spiral()).replace("\"seed\": 42", "\"seed\": \"x\"");
    Files.writeString(dir.resolve("result.json"), json);
    assertThatThrownBy(() -> RunFolder.read(dir))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("field 'seed' should be an integer, found \"x\"");
  }

  @Test
  void anotherFormatIsRefused() throws Exception {
    Files.writeString(dir.resolve("result.json"), "{\"format\": \"sim-result/99\"}");
    assertThatThrownBy(() -> RunFolder.read(dir))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("expected '" + ResultJson.FORMAT + "'");
  }

  @Test
  void anUnknownFamilyIsRefusedNamingIt() throws Exception {
    String json =
        ResultJson.toJson(Fixtures.spiral())
            .replace("\"families\": {", "\"families\": {\"raft\": {}, ");
    Files.writeString(dir.resolve("result.json"), json);
    assertThatThrownBy(() -> RunFolder.read(dir))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("unknown family 'raft'");
  }

  @Test
  void aFileInPlaceOfTheFolderIsRefusedOnWrite() throws Exception {
    Path file = Files.writeString(dir.resolve("taken"), "x");
    assertThatThrownBy(() -> RunFolder.write(Fixtures.spiral(), file))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("exists and is not a folder");
  }
}
