package dev.sim.check.linear;

import dev.sim.kernel.history.Op;
import dev.sim.kernel.history.OpType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A history translated from Knossos's test data (see the header of each file under {@code
 * knossos/}): one line per operation with its index in the original. Knossos's models there start
 * at 0 where ours start at null, so {@code initial 0} becomes an ok write of 0 first, by a process
 * of its own.
 *
 * @param ops the history
 * @param knossosIndex for each of our indices, the original one (-1 for the initial write)
 */
record KnossosFixture(List<Op> ops, List<Integer> knossosIndex) {
  static final int INITIAL_PROCESS = 1_000_000;

  static KnossosFixture load(String name) {
    String path = "knossos/" + name + ".txt";
    List<Op> ops = new ArrayList<>();
    List<Integer> original = new ArrayList<>();
    try (InputStream in = KnossosFixture.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + path);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      int lineNo = 0;
      for (String line; (line = r.readLine()) != null; ) {
        lineNo++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] t = line.trim().split("\\s+");
        if (t[0].equals("initial")) {
          Long v = Long.valueOf(t[1]);
          ops.add(op(ops.size(), INITIAL_PROCESS, OpType.INVOKE, "write", v));
          ops.add(op(ops.size(), INITIAL_PROCESS, OpType.OK, "write", v));
          original.add(-1);
          original.add(-1);
          continue;
        }
        OpType type = OpType.fromJson(t[2]);
        if (type == null || t.length < 5) {
          throw new IllegalArgumentException(path + ":" + lineNo + ": bad line: " + line);
        }
        Object value;
        if (t.length == 6) {
          value = java.util.Arrays.asList(number(t[4]), number(t[5]));
        } else {
          value = number(t[4]);
        }
        ops.add(op(ops.size(), Integer.parseInt(t[1]), type, t[3], value));
        original.add(Integer.parseInt(t[0]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new KnossosFixture(List.copyOf(ops), List.copyOf(original));
  }

  /** Our index of the op whose original index is {@code knossos}. */
  int ours(int knossos) {
    int i = knossosIndex.indexOf(knossos);
    if (i < 0) {
      throw new IllegalArgumentException("no op with Knossos index " + knossos);
    }
    return i;
  }

  /** Our index of the completion of the operation invoked at {@code invoke}. */
  int completionOf(int invoke) {
    int process = ops.get(invoke).process();
    for (int i = invoke + 1; i < ops.size(); i++) {
      if (ops.get(i).process() == process) {
        return i;
      }
    }
    return -1;
  }

  private static Long number(String s) {
    return s.equals("nil") ? null : Long.valueOf(s);
  }

  private static Op op(int index, int process, OpType type, String f, Object value) {
    return new Op(index, index, process, type, f, null, value, null);
  }
}
