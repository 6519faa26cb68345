package dev.sim.components.queue;

import dev.sim.api.BuildContext;
import dev.sim.api.NodeType;
import dev.sim.api.Problem;
import dev.sim.kernel.metrics.MetricSpec;
import dev.sim.kernel.node.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code queue} node type: a message broker in the manner of Amazon SQS (long polls, a
 * visibility timeout, a dead-letter queue after a number of receives) with a bounded or unbounded
 * capacity and an in-memory store that can run out. What each parameter means is its {@code @Param}
 * doc on {@link QueueParams} (also printed by {@code sim explain queue}); this says how they
 * combine.
 *
 * <p><b>Producers</b> publish with the client protocol: a {@code client} whose {@code target} is a
 * queue sends each message as a request, answered OK once the message is stored (counter {@code
 * published}) or OVERLOADED, at once, when {@code capacity} messages are already waiting (counter
 * {@code queueFull}): the documented overload error a producer backs off on (the client's {@code
 * retry} with {@code backoff}). The client's latency is then the time to publish, not to process.
 *
 * <p><b>Consumers</b> pull ({@code worker} nodes): a {@link Pull} asks for up to its credit of
 * messages, answered at once with the oldest waiting ones, or held (a long poll) until a message
 * arrives or the pull's wait is over. A delivered message is invisible for {@code
 * visibilityTimeout}; an {@link Ack} deletes it (counter {@code acked}); a negative
 * acknowledgement, or the timeout passing (counter {@code visibilityTimeouts}: the consumer
 * crashed, lost the batch or is slower than the timeout), puts it back at the head of the queue for
 * another delivery (counter {@code redelivered}), until its {@code maxDeliveries}-th delivery has
 * failed: then it is dead-lettered (counter {@code deadLettered}, gauge {@code deadLetters}).
 * Delivery is at least once: a message whose consumer was merely slow may be processed twice.
 *
 * <p><b>Memory</b> (with {@code memory}): the broker holds {@code base} plus, for every message it
 * holds (waiting, unacknowledged or dead-lettered), the message's size and {@code perMessage}. A
 * publish that would take it past {@code limit} crashes the broker (counter {@code brokerOom}): the
 * messages it held are lost (counter {@code messagesLost}), held pulls and unanswered publishes are
 * dropped, and it restarts empty after {@code restartAfter} (or stays down). An unbounded queue
 * whose consumers are slower than its producers therefore grows until its memory runs out.
 *
 * <p>Gauges: {@code queueDepth} (waiting), {@code unacked} (delivered, not yet acknowledged),
 * {@code deadLetters}, {@code brokerMemoryMB}, {@code oldestAgeS} (the age of the message next in
 * line, sampled every second) and {@code publishToAckS} (the mean time from publish to
 * acknowledgement of the messages acknowledged in the last second: the latency the producer's
 * caller waits for the work to be done).
 */
public final class QueueType implements NodeType<QueueParams> {
  @Override
  public String name() {
    return "queue";
  }

  @Override
  public String summary() {
    return "A message broker: bounded or unbounded, long polls with a visibility timeout,"
        + " redelivery, dead-lettering and an in-memory store that can run out.";
  }

  @Override
  public Class<QueueParams> parameters() {
    return QueueParams.class;
  }

  /** A queue nobody consumes from is a mistake: some worker must name it. */
  @Override
  public List<String> namedBy() {
    return List.of("worker");
  }

  /** What a queue records; its class comment says when each moves. */
  static final List<MetricSpec> METRICS =
      List.of(
          MetricSpec.gauge("queueDepth", "Queue depth", "messages")
              .yLabel("messages waiting")
              .describe("Messages waiting for a consumer")
              .order(100),
          MetricSpec.gauge("oldestAgeS", "Age of the oldest message", "s")
              .yLabel("age (s)")
              .describe("How long the message next in line has waited")
              .averaged()
              .order(101),
          MetricSpec.gauge("publishToAckS", "Publish to processed", "s")
              .yLabel("latency (s)")
              .describe("Mean time from publish to acknowledgement of the messages processed")
              .averaged()
              .order(102),
          MetricSpec.gauge("brokerMemoryMB", "Broker memory", "MB")
              .yLabel("memory (MB)")
              .describe("Memory the broker holds for its messages")
              .order(103),
          MetricSpec.gauge("unacked", "Unacknowledged", "messages")
              .yLabel("messages delivered, not acknowledged")
              .describe("Messages out with consumers, invisible until acknowledged or timed out")
              .order(104),
          MetricSpec.gauge("deadLetters", "Dead-letter depth", "messages")
              .yLabel("messages dead-lettered")
              .describe("Messages in the dead-letter queue")
              .order(105),
          MetricSpec.counter("published", "Messages published", "messages")
              .chart("queue-flow", "Messages in and out")
              .describe("Messages stored, refused (queue full) and acknowledged, per second")
              .legend("published")
              .order(110),
          MetricSpec.counter("queueFull", "Queue full", "messages refused")
              .chart("queue-flow", "Messages in and out")
              .describe("Messages stored, refused (queue full) and acknowledged, per second")
              .legend("refused (full)")
              .order(111),
          MetricSpec.counter("acked", "Messages acknowledged", "messages")
              .chart("queue-flow", "Messages in and out")
              .describe("Messages stored, refused (queue full) and acknowledged, per second")
              .legend("acknowledged")
              .order(112),
          MetricSpec.counter("redelivered", "Redeliveries", "messages")
              .chart("redeliveries", "Redeliveries and dead letters")
              .describe("Deliveries after the first, and messages dead-lettered, per second")
              .legend("redelivered")
              .order(120),
          MetricSpec.counter("deadLettered", "Dead-lettered", "messages")
              .chart("redeliveries", "Redeliveries and dead letters")
              .describe("Deliveries after the first, and messages dead-lettered, per second")
              .legend("dead-lettered")
              .order(121),
          MetricSpec.counter("visibilityTimeouts", "Visibility timeouts", "messages")
              .describe("Deliveries not acknowledged within the visibility timeout")
              .order(122),
          MetricSpec.counter("brokerOom", "Broker out of memory", "crashes")
              .runningTotal()
              .describe("Broker crashes for want of memory, running total")
              .order(130),
          MetricSpec.counter("messagesLost", "Messages lost", "messages")
              .runningTotal()
              .describe("Messages a crashing broker held and lost, running total")
              .order(131));

  @Override
  public List<MetricSpec> metrics() {
    return METRICS;
  }

  @Override
  public List<Problem> check(QueueParams p) {
    List<Problem> problems = new ArrayList<>();
    if (p.visibilityTimeoutNanos() <= 0) {
      problems.add(
          new Problem(
              "visibilityTimeout",
              "must be more than 0s: a message must stay with its consumer for a while"));
    }
    QueueParams.Memory m = p.memory();
    if (m != null) {
      if (m.limitBytes() <= 0) {
        problems.add(new Problem("memory.limit", "must be more than 0B"));
      } else if (m.baseBytes() >= m.limitBytes()) {
        problems.add(
            new Problem("memory.base", "must be below memory.limit, or no message would ever fit"));
      }
    }
    return problems;
  }

  @Override
  public Node create(QueueParams params, BuildContext ctx) {
    return new QueueNode(params);
  }
}
