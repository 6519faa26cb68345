package dev.sim.stores.client;

import dev.sim.api.BuildContext;
import dev.sim.api.NodeControls;
import dev.sim.components.client.ArrivalProcess;
import dev.sim.components.client.ClientParams;
import dev.sim.kernel.node.Node;
import dev.sim.kernel.node.NodeContext;
import dev.sim.kernel.random.Distribution;
import dev.sim.kernel.random.Rng;
import dev.sim.stores.protocol.DataKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code kv-client} node: its users make operations on keys in a mix, in an open loop (an
 * arrival takes a free user, or is dropped when {@code maxOutstanding} are busy) or a closed loop
 * (each user waits for its operation, thinks, and makes the next); the {@link Sender} sees each
 * through to its completion. It stops for the final reads, and hears from its {@link NodeControls}
 * when a fault takes it off the network or brings it back.
 *
 * <p>Each purpose draws from its own stream: {@code arrivals} (think times included), {@code ops}
 * (the mix), {@code keys}, {@code values} (a cas's old value), {@code coordinator} and {@code
 * backoff}; so, say, a different key distribution leaves the arrivals as they were.
 */
final class KvClientNode implements Node, Sender.Listener {
  /** Timer: the next open-loop arrival is due. */
  record Arrival() {}

  /** Timer: closed-loop {@code user} has finished thinking. */
  record UserTurn(User user) {}

  /** Timer: the client's controls changed (it went offline or came back). */
  record ControlsChanged() {}

  /** Timer: the workload stops for the final reads. */
  record StopWorkload() {}

  /** Timer: read back every key this client used. */
  record FinalReads() {}

  private final KvClientParams params;
  private final BuildContext build;
  private final OpMix mix;
  private final KeyChooser keyChooser;
  private NodeContext ctx;
  private ClientState state;
  private Rng arrivalRng;
  private Rng opsRng;
  private Rng keysRng;
  private Rng valuesRng;
  private Values values;
  private Recorder recorder;
  private OfflineQueue queue;
  private Sender sender;
  private final List<User> users = new ArrayList<>();
  private final ArrayDeque<User> free = new ArrayDeque<>();
  private ArrivalProcess arrivals;
  private boolean poisson;
  private double nextArrivalNanos;
  private long scheduledArrivalNanos;
  private boolean stopped;
  private boolean wasOffline;

  KvClientNode(KvClientParams params, BuildContext build) {
    this.params = params;
    this.build = build;
    this.mix = new OpMix(params.mixOrDefault());
    this.keyChooser = KeyChooser.of(params);
  }

  @Override
  public void start(NodeContext c) {
    this.ctx = c;
    this.state = c.durable(ClientState.class, () -> new ClientState(c.localTime()));
    this.arrivalRng = c.random("arrivals");
    this.opsRng = c.random("ops");
    this.keysRng = c.random("keys");
    this.valuesRng = c.random("values");
    int[] members = c.members(params.target());
    if (members.length == 0) {
      throw new IllegalStateException("kv-client target '" + params.target() + "' names no node");
    }
    int fixed =
        params.coordinatorIndex() != null ? params.coordinatorIndex() : Math.max(0, build.index());
    Coordinators coordinators =
        new Coordinators(
            members, params.coordinator(), fixed, params.explore(), c.random("coordinator"));
    this.values = new Values(c.id(), state);
    this.recorder = new Recorder(c);
    NodeControls controls = build.controls() != null ? build.controls() : new NodeControls();
    this.queue = new OfflineQueue(c.metrics(), controls::offline);
    this.sender =
        new Sender(
            c,
            params,
            coordinators,
            recorder,
            queue,
            values,
            new LocalSets(),
            state,
            this::userFree);
    // A client restarted while offline starts offline; the fault's end sends it a timer.
    wasOffline = controls.offline();
    controls.listen(() -> c.setTimer(0, new ControlsChanged()));
    c.onTimer(ControlsChanged.class, t -> controlsChanged());
    c.onTimer(Arrival.class, t -> onArrival());
    c.onTimer(UserTurn.class, t -> onUserTurn(t.user()));
    c.onTimer(StopWorkload.class, t -> stopped = true);
    c.onTimer(FinalReads.class, t -> finalReads());
    long sinceStart = Math.max(0, c.localTime() - state.epochLocalNanos);
    scheduleFinalReads(sinceStart);
    if (stopped) {
      return;
    }
    if (params.closedLoop()) {
      for (int u = 0; u < params.load().users(); u++) {
        User user = new User(u, recorder.newProcess());
        users.add(user);
        c.setTimer(think(), new UserTurn(user));
      }
      return;
    }
    ClientParams.Load load = params.load();
    poisson = load.arrivals() != ClientParams.Arrivals.CONSTANT;
    arrivals =
        load.profile() != null && !load.profile().isEmpty()
            ? ArrivalProcess.profile(load.profile())
            : ArrivalProcess.constantRate(load.rate());
    // A restarted client picks up its profile where the run is, not from the beginning.
    scheduledArrivalNanos = sinceStart;
    nextArrivalNanos = sinceStart;
    scheduleArrival();
  }

  /**
   * Schedules the stop {@code finalReads} before the end of the run and the reads halfway through
   * that quiet stretch, measured on this client's clock from its first start.
   */
  private void scheduleFinalReads(long sinceStart) {
    long quiet = params.finalReadsNanos();
    if (quiet <= 0) {
      return;
    }
    long end = build.runEndNanos();
    if (end < 0) {
      throw new IllegalStateException(
          "kv-client finalReads needs the end of the run, and this node was not told it");
    }
    long stopIn = end - quiet - sinceStart;
    long readIn = end - quiet / 2 - sinceStart;
    if (stopIn <= 0) {
      stopped = true;
    } else {
      ctx.setTimer(stopIn, new StopWorkload());
    }
    if (readIn >= 0) {
      ctx.setTimer(readIn, new FinalReads());
    }
  }

  private long think() {
    Distribution d = params.load().think();
    return d == null ? 0 : d.sampleNanos(arrivalRng);
  }

  private void scheduleArrival() {
    double e = poisson ? arrivalRng.nextExponential(1.0) : 1.0;
    nextArrivalNanos = arrivals.next(nextArrivalNanos, e);
    if (nextArrivalNanos >= 9.0e18) {
      return;
    }
    long at = (long) (nextArrivalNanos + 0.5);
    long delay = Math.max(0, at - scheduledArrivalNanos);
    scheduledArrivalNanos = Math.max(at, scheduledArrivalNanos);
    ctx.setTimer(delay, new Arrival());
  }

  private void onArrival() {
    if (stopped) {
      return;
    }
    User user = acquire();
    if (user == null) {
      recorder.dropped();
    } else {
      newOperation(user);
    }
    scheduleArrival();
  }

  /** A free open-loop user, a new one while fewer than {@code maxOutstanding}, or null. */
  private User acquire() {
    User u = free.pollFirst();
    if (u == null && users.size() < params.maxOutstanding()) {
      u = new User(users.size(), recorder.newProcess());
      users.add(u);
    }
    return u;
  }

  private void onUserTurn(User user) {
    if (stopped || user.busy) {
      return;
    }
    newOperation(user);
  }

  private void newOperation(User user) {
    OpKind kind = mix.next(opsRng);
    String key = OpKind.prefix(kind.kind) + keyChooser.next(keysRng);
    Object value =
        switch (kind) {
          case REGISTER_WRITE, SET_ADD -> values.next();
          case CAS -> values.cas(key, valuesRng);
          case COUNTER_INCR -> params.incrBy();
          case REGISTER_READ, SET_READ, COUNTER_READ -> null;
          case SET_PUT -> throw new IllegalStateException("a mix never draws a put");
        };
    state.keysUsed.putIfAbsent(key, kind.kind);
    user.busy = true;
    sender.start(recorder.invoke(kind, key, value, user.process, user));
  }

  @Override
  public void userFree(User user) {
    user.busy = false;
    if (!params.closedLoop()) {
      free.addLast(user);
      return;
    }
    if (stopped) {
      return;
    }
    long t = think();
    if (t == 0 && queue.offline()) {
      // Offline every operation ends at once; without a think time the user would spin.
      user.parked = true;
      return;
    }
    ctx.setTimer(t, new UserTurn(user));
  }

  private void controlsChanged() {
    boolean offline = queue.offline();
    if (offline == wasOffline) {
      return;
    }
    wasOffline = offline;
    if (ctx.tracing()) {
      ctx.log(offline ? "offline" : "online, " + queue.size() + " queued writes to send");
    }
    if (offline) {
      return;
    }
    sender.online();
    for (User u : users) {
      if (u.parked) {
        u.parked = false;
        if (!stopped) {
          ctx.setTimer(0, new UserTurn(u));
        }
      }
    }
  }

  /** Reads every key this client used, each on a process of its own. */
  private void finalReads() {
    if (ctx.tracing()) {
      ctx.log("final reads of " + state.keysUsed.size() + " keys");
    }
    for (Map.Entry<String, DataKind> e : state.keysUsed.entrySet()) {
      OpKind read = OpKind.readOf(e.getValue());
      sender.start(recorder.invoke(read, e.getKey(), null, recorder.newProcess(), null));
    }
  }
}
