package dev.sim.cli.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.cli.RunPipeline;
import dev.sim.kernel.result.StopReason;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The table's cells: counters a run did not report, quoted values, undefined figures. */
class SweepCsvTest {
  static final double NAN = Double.NaN;

  static RunRow row(int point, long seed, double yield, String[] names, long[] values) {
    double[] figures = {yield, 1, 2.5, 10, 12, 100, 90, 4, 3, 3, 120};
    return new RunRow(
        point,
        seed,
        figures,
        true,
        false,
        "00000000000000a" + seed,
        StopReason.TIME_LIMIT,
        names,
        values,
        null,
        null);
  }

  static SweepPlan plan(List<Vary> varies, List<SweepPlan.Point> points) {
    return new SweepPlan(
        Path.of("x.yaml"),
        List.of(),
        List.of(),
        varies,
        new Seeds(1, 2),
        RunPipeline.Limits.DEFAULT,
        "x",
        points,
        Shard.WHOLE);
  }

  @Test
  void shouldWriteEveryCounterAnyRunReportedAndZeroWhereARunDidNot() throws IOException {
    Vary v = Vary.parse("nodes.clients.retry={max: 1},{max: \"2\"}");
    List<SweepPlan.Point> points =
        List.of(
            new SweepPlan.Point(0, List.of("{max: 1}"), List.of(), null),
            new SweepPlan.Point(1, List.of("{max: \"2\"}"), List.of(), null));
    List<RunRow> rows =
        List.of(
            row(0, 1, 0.5, new String[] {"retries"}, new long[] {7}),
            row(0, 2, NAN, new String[] {}, new long[] {}),
            row(1, 1, 0.25, new String[] {"evictions", "retries"}, new long[] {2, 9}));
    StringWriter out = new StringWriter();
    SweepCsv.write(plan(List.of(v), points), rows, out);
    assertThat(out.toString())
        .isEqualTo(
            "point,seed,nodes.clients.retry,yield,harvest,latencyP50Ms,latencyP99Ms,latencyMaxMs,"
                + "offered,ok,failed,timedOut,rejected,attempts,expectationsOk,traceHash,"
                + "stopReason,counter.evictions,counter.retries\n"
                + "0,1,{max: 1},0.5,1.0,2.5,10.0,12.0,100,90,4,3,3,120,true,00000000000000a1,"
                + "TIME_LIMIT,0,7\n"
                + "0,2,{max: 1},,1.0,2.5,10.0,12.0,100,90,4,3,3,120,true,00000000000000a2,"
                + "TIME_LIMIT,0,0\n"
                + "1,1,\"{max: \"\"2\"\"}\",0.25,1.0,2.5,10.0,12.0,100,90,4,3,3,120,true,"
                + "00000000000000a1,TIME_LIMIT,2,9\n");
  }

  @Test
  void shouldQuoteOnlyCellsThatNeedIt() {
    assertThat(SweepCsv.cell("200/s")).isEqualTo("200/s");
    assertThat(SweepCsv.cell("{max: 3, base: 10ms}")).isEqualTo("\"{max: 3, base: 10ms}\"");
    assertThat(SweepCsv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(SweepCsv.cell("a\nb")).isEqualTo("\"a\nb\"");
  }
}
