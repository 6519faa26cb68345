package dev.sim.report.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.kernel.result.MessageRecord;
import dev.sim.kernel.result.NodeInfo;
import dev.sim.kernel.result.RunResult;
import dev.sim.report.Fixtures;
import dev.sim.report.KernelRun;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpaceTimeDiagramTest {
  @TempDir Path dir;

  @Test
  void drawsTheFirstMessagesOnlyAndSaysSoInTheCaption() {
    RunResult r = KernelRun.run(42);
    assertThat(r.messages().size()).isGreaterThan(SpaceTimeDiagram.MAX_MESSAGES);
    SpaceTimeDiagram d = SpaceTimeDiagram.of(r);
    assertThat(d).isNotNull();
    assertThat(d.shownMessages()).isEqualTo(SpaceTimeDiagram.MAX_MESSAGES);
    assertThat(d.caption())
        .startsWith(
            "The first "
                + SpaceTimeDiagram.MAX_MESSAGES
                + " of "
                + String.format(java.util.Locale.ROOT, "%,d", r.messages().size())
                + " messages");
  }

  @Test
  void smallLogsAreDrawnWhole() {
    RunResult r = Fixtures.spiral();
    SpaceTimeDiagram d = SpaceTimeDiagram.of(with(r, r.nodes(), r.messages().subList(0, 60)));
    assertThat(d.shownMessages()).isEqualTo(60);
    assertThat(d.caption()).startsWith("60 messages, simulated ");
    SpaceTimeDiagram one = SpaceTimeDiagram.of(with(r, r.nodes(), r.messages().subList(0, 1)));
    assertThat(one.caption()).startsWith("1 message, simulated ");
  }

  @Test
  void hasNoDiagramWithoutMessagesOrWithTooManyNodes() {
    RunResult r = Fixtures.spiral();
    assertThat(SpaceTimeDiagram.of(with(r, r.nodes(), List.of()))).isNull();
    List<NodeInfo> many = new ArrayList<>();
    for (int i = 0; i < 13; i++) {
      many.add(new NodeInfo(i, "n" + i, "n"));
    }
    assertThat(SpaceTimeDiagram.of(with(r, many, r.messages()))).isNull();
  }

  @Test
  void writesAPngWithLanesArrowsAndCrosses() throws Exception {
    ChartFile f = SpaceTimeDiagram.of(Fixtures.spiral()).write(dir);
    BufferedImage img = ImageIO.read(f.png().toFile());
    assertThat(img.getWidth()).isEqualTo(ChartRenderer.WIDTH);
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < img.getHeight(); y += 2) {
      for (int x = 0; x < img.getWidth(); x += 2) {
        colours.add(img.getRGB(x, y));
      }
    }
    assertThat(colours.size()).isGreaterThan(50);
    assertThat(colours).contains(Palette.VERMILLION.getRGB());
  }

  @Test
  void niceStepsFollowOneTwoFive() {
    assertThat(SpaceTimeDiagram.niceStep(0.13)).isEqualTo(0.2);
    assertThat(SpaceTimeDiagram.niceStep(0.3)).isEqualTo(0.5);
    assertThat(SpaceTimeDiagram.niceStep(7)).isEqualTo(10);
  }

  private static RunResult with(RunResult r, List<NodeInfo> nodes, List<MessageRecord> msgs) {
    return r.toBuilder().nodes(nodes).messages(msgs).build();
  }
}
