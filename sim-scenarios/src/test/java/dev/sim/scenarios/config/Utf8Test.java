package dev.sim.scenarios.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Utf8Test {
  @TempDir Path tmp;

  @Test
  void shouldDecodeUtf8TextIncludingCharactersBeyondTheBasicPlane() {
    String text = "title: \"café 💥 日本\"\r\nname: x\n";

    assertThat(Utf8.decode(text.getBytes(StandardCharsets.UTF_8), "f.yaml")).isEqualTo(text);
  }

  @Test
  void shouldNameTheLineAndColumnOfTheFirstByteThatIsNotUtf8() {
    // UTF-8 with one Latin-1 é (the single byte 0xE9), as a text pasted from an old file; the
    // emoji before it is one column.
    byte[] utf8 = "name: x\r\ntitle: 💥 caf?\n".getBytes(StandardCharsets.UTF_8);
    utf8[utf8.length - 2] = (byte) 0xE9;

    assertThatThrownBy(() -> Utf8.decode(utf8, "f.yaml"))
        .isInstanceOf(ScenarioException.class)
        .hasMessage(
            "f.yaml:2:13: cannot read the file: it is not UTF-8 text (byte 0xE9 here is not"
                + " UTF-8; save the file as UTF-8)");
  }

  @Test
  void shouldSayWhenAFileIsUtf16() {
    byte[] utf16 = "name: x\n".getBytes(StandardCharsets.UTF_16LE);
    byte[] withBom = new byte[utf16.length + 2];
    withBom[0] = (byte) 0xFF;
    withBom[1] = (byte) 0xFE;
    System.arraycopy(utf16, 0, withBom, 2, utf16.length);

    assertThatThrownBy(() -> Utf8.decode(withBom, "f.yaml"))
        .hasMessage(
            "f.yaml:1:1: cannot read the file: it is not UTF-8 text (it looks like UTF-16;"
                + " save it as UTF-8)");
  }

  @Test
  void shouldLocateABadByteWhenTheLoaderReadsAFile() throws IOException {
    Path file = tmp.resolve("latin1.yaml");
    Files.write(file, "name: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));

    assertThatThrownBy(() -> ScenarioLoader.load(file, ScenarioLoaderTest.TYPES, List.of()))
        .hasMessageStartingWith(file + ":1:10: cannot read the file: it is not UTF-8 text");
  }
}
