package dev.sim.check.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.check.CheckReport;
import dev.sim.check.Checks;
import dev.sim.check.Rec;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckPageTest {
  @Test
  void shouldShowTheVerdictTheWitnessAndTheHistoryWithoutExternalAssets() {
    Rec r = new Rec(2);
    r.at(0).inv(0, "add", "s", 1L).at(1).ok(0, 1L);
    r.at(2).inv(0, "add", "s", 2L).at(3).ok(0, 2L);
    r.at(4).inv(1, "read", "s", null).at(5).ok(1, List.of(1L));
    CheckReport report = Checks.check(r.data(), null, Duration.ofSeconds(5));
    String html = CheckPage.html(report, r.ops(), "h.jsonl", i -> i + 1);
    assertThat(html).startsWith("<!DOCTYPE html>");
    assertThat(html).contains("INVALID — 3 operations on 1 key, model set");
    assertThat(html).contains("element 2 was lost");
    assertThat(html).contains("The offending read:</b> process 1 read on &quot;s&quot; → [1]");
    assertThat(html).contains("(line 5)");
    // One timeline for the invalid key, one for the whole history.
    assertThat(html.split("<svg xmlns").length - 1).isEqualTo(2);
    String withoutNamespace = html.replace("http://www.w3.org/2000/svg", "");
    assertThat(withoutNamespace).doesNotContain("http:").doesNotContain("https:");
    assertThat(html).doesNotContain("<script").doesNotContain("<link");
  }
}
