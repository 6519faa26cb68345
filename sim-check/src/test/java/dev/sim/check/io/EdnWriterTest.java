package dev.sim.check.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.check.Rec;
import java.util.List;
import org.junit.jupiter.api.Test;

class EdnWriterTest {
  @Test
  void shouldWriteAnUnkeyedHistoryAsJepsenOpMaps() {
    Rec r = new Rec(4);
    r.at(0).inv(3, "write", 7L);
    r.at(1).ok(3, 7L);
    r.at(2).inv(1, "cas", List.of(7L, 8L));
    r.at(3).fail(1, null);
    r.at(4).inv(2, "read", null);
    r.at(5).ok(2, null);
    assertThat(EdnWriter.toEdn(r.ops()))
        .isEqualTo(
            "{:index 0, :time 0, :process 3, :type :invoke, :f :write, :value 7, :node \"c1\"}\n"
                + "{:index 1, :time 1000000, :process 3, :type :ok, :f :write, :value 7, :node"
                + " \"c1\"}\n"
                + "{:index 2, :time 2000000, :process 1, :type :invoke, :f :cas, :value [7 8],"
                + " :node \"c1\"}\n"
                + "{:index 3, :time 3000000, :process 1, :type :fail, :f :cas, :value nil, :node"
                + " \"c1\"}\n"
                + "{:index 4, :time 4000000, :process 2, :type :invoke, :f :read, :value nil,"
                + " :node \"c0\"}\n"
                + "{:index 5, :time 5000000, :process 2, :type :ok, :f :read, :value nil, :node"
                + " \"c0\"}\n");
  }

  @Test
  void shouldWriteKeyedValuesAsIndependentTuplesAndSetReadsAsVectors() {
    Rec r = new Rec(2);
    r.at(0).inv(0, "add", "s", 4L).at(1).ok(0, 4L);
    r.at(2).inv(1, "read", "s", null).at(3).ok(1, List.of(4L, 5L));
    r.at(4).inv(1, "read", null).at(5).info(1, null);
    String[] lines = EdnWriter.toEdn(r.ops()).split("\n");
    assertThat(lines[0]).contains(":f :add, :value [\"s\" 4]");
    assertThat(lines[2]).contains(":f :read, :value [\"s\" nil]");
    assertThat(lines[3]).contains(":type :ok, :f :read, :value [\"s\" [4 5]]");
    assertThat(lines[4]).contains(":value [nil nil]");
    assertThat(lines[5]).contains(":type :info");
  }

  @Test
  void shouldNameIncrementsAddAsJepsensCounterCheckerReadsThem() {
    Rec r = new Rec(1);
    r.at(0).inv(0, "incr", "n", 2L).at(1).ok(0, 2L);
    assertThat(EdnWriter.toEdn(r.ops()))
        .contains(":f :add, :value [\"n\" 2]")
        .doesNotContain("incr");
  }

  @Test
  void shouldEscapeStringsTheEdnWay() {
    StringBuilder b = new StringBuilder();
    EdnWriter.string("a\"b\\c\nd\u0001", b);
    assertThat(b.toString()).isEqualTo("\"a\\\"b\\\\c\\nd\\u0001\"");
  }
}
