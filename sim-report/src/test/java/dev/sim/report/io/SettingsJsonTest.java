package dev.sim.report.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.kernel.result.RunInfo;
import dev.sim.kernel.result.RunResult;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** result.json keeps what ran, key by key, in order; folders from before read as none recorded. */
class SettingsJsonTest {
  @Test
  void settingsRoundTripInTheirOrder() throws Exception {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("name", "gc-spiral");
    settings.put("nodes.api.shed.queueAbove", "20");
    settings.put("faults[0].at", "60s");
    settings.put("description", "two\n\"quoted\" lines");
    settings.put("seed", "42");
    RunResult r =
        RunResult.builder("gc-spiral", 42)
            .info(new RunInfo("t", "d", "sim run x.yaml", "x.yaml").withSettings(settings))
            .build();
    RunResult back = ResultJson.parse(ResultJson.toJson(r), "result.json");
    assertThat(back.info().settings()).containsExactlyEntriesOf(settings);
  }

  @Test
  void aFolderWithoutSettingsReadsAsNoneRecorded() throws Exception {
    RunResult r =
        RunResult.builder("gc-spiral", 42)
            .info(new RunInfo("t", "d", "sim run x.yaml", "x.yaml"))
            .build();
    String json = ResultJson.toJson(r).replaceAll(",\\s*\"settings\": \\{\\s*}", "");
    assertThat(json).doesNotContain("settings");
    assertThat(ResultJson.parse(json, "result.json").info().settings()).isEmpty();
  }
}
