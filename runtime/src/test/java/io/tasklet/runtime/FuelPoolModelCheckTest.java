package io.tasklet.runtime;

import java.util.Arrays;
import org.jetbrains.lincheck.Lincheck;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.Validate;
import org.junit.jupiter.api.Test;

/**
 * The fuel pool's lease protocol and the stopping flag, model-checked with Lincheck against a
 * sequential specification of one shared budget.
 *
 * <p>Lincheck runs the real {@link FuelPool} and {@link LaunchState} on threads it schedules
 * itself, switching between them at shared accesses, locks and parks, and explores a few hundred
 * interleavings of each scenario: a sample, not all of them (it never switched inside a
 * checkpoint's draw on its lease, which {@link LeaseRevocationInterleavingsTest} covers).
 *
 * <p>Generated scenarios: an operation is a whole lane body on the account its Lincheck thread is
 * bound to (each account's operations share a {@code nonParallelGroup}, so one thread runs them
 * all): own the account, checkpoint with 0 units (which takes a lease), checkpoint with {@code
 * units} (from the lease when it covers them, otherwise by a refill under the pool's lock,
 * revoking the other accounts' leases when the unleased fuel is short), then disown (which hands
 * the lease back). So an account is {@code HOLDING} only while an operation of its own thread
 * runs, and a drawer that waits for a lease waits for an operation that is bound to make its next
 * checkpoint or return, as a lane always does. Every outcome must match some order of the same
 * operations run one at a time on {@link Budget} (linearizability), and {@link Lanes#ledger} must
 * hold once they have all returned. A second checkpoint with non-zero units would make the body
 * two steps of the specification rather than one; the 0-unit checkpoint changes nothing the
 * specification sees.
 *
 * <p>Fixed programs ({@link #checkBodies}): lanes that checkpoint several times per body, each
 * outcome to be explained by some order of all checkpoints that keeps each lane's own order.
 */
class FuelPoolModelCheckTest {
  @Test
  void aSmallPoolWhoseLeasesAreAFewUnits() {
    check(SmallPool.class, SmallBudget.class, 20);
  }

  @Test
  void aPoolLargeEnoughThatLeasesAreCappedAtMaxLease() {
    check(LargePool.class, LargeBudget.class, 8);
  }

  @Test
  void anEmptyPool() {
    check(EmptyPool.class, EmptyBudget.class, 4);
  }

  @Test
  void noPool() {
    check(NoPool.class, NoBudget.class, 3);
  }

  // Lanes that checkpoint several times in one body, drawing from their leases between refills:
  // each a fixed program whose interleavings Lincheck explores.
  @Test
  void lanesThatDrawFromTheirLeasesWhileAnotherRevokesThem() {
    // Lane 1 takes a lease of 4 and draws on it, leaving 60 unleased: lane 0's 61 must revoke it.
    checkBodies(64, false, new long[] {61}, new long[] {0, 1, 1, 1});
  }

  @Test
  void aLaneThatRunsOutWhileOthersHoldLeases() {
    // 78 units asked of 64: someone runs short, and only a revocation tells who.
    checkBodies(64, false, new long[] {0, 30, 40}, new long[] {0, 2, 2, 2}, new long[] {1, 1});
  }

  @Test
  void aFailureElsewhereStopsLanesMidBody() {
    checkBodies(64, true, new long[] {0, 1, 40}, new long[] {0, 1, 1});
  }

  @Test
  void leasesCappedAtMaxLeaseAreRevokedToo() {
    long lease = FuelPool.MAX_LEASE;
    checkBodies(20 * lease, false, new long[] {0, lease / 2, lease / 2},
        new long[] {19 * lease});
  }

  private static void checkBodies(long max, boolean failElsewhere, long[]... bodies) {
    Lincheck.runConcurrentTest(BODY_INVOCATIONS, () -> {
      LaunchState launch = new LaunchState("model", Thread.currentThread());
      FuelPool pool = new FuelPool(launch, max, bodies.length);
      String[][] outcomes = new String[bodies.length][];
      Thread[] lanes = new Thread[bodies.length];
      for (int i = 1; i < bodies.length; i++) {
        int lane = i;
        lanes[i] = new Thread(
            () -> outcomes[lane] = runBody(launch, pool.lane(lane), bodies[lane]));
        lanes[i].start();
      }
      Thread failure = new Thread(() -> {
        if (failElsewhere) {
          launch.fail(new LaneFailedException("model", 0, "a lane failed", null));
        }
      });
      failure.start();
      outcomes[0] = runBody(launch, pool.lane(0), bodies[0]);
      try {
        for (int i = 1; i < bodies.length; i++) {
          lanes[i].join();
        }
        failure.join();
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
      if (pool.consumed() + pool.remaining() != max) {
        throw new AssertionError("consumed " + pool.consumed() + " + remaining "
            + pool.remaining() + " != max " + max);
      }
      if (!explained(Budget.State.of(max), bodies, outcomes, new int[bodies.length],
          failElsewhere)) {
        throw new AssertionError("no order of the checkpoints explains "
            + Arrays.deepToString(outcomes));
      }
    });
  }

  private static final int BODY_INVOCATIONS = 600;

  /** One lane body: own the account, checkpoint until done or stopped, disown. */
  private static String[] runBody(LaunchState launch, FuelPool.Account account, long[] draws) {
    String[] outcomes = new String[draws.length];
    account.own();
    try {
      for (int i = 0; i < draws.length; i++) {
        try {
          account.draw(draws[i]);
          outcomes[i] = Budget.OK;
        } catch (TaskletStoppedException signal) {
          outcomes[i] = launch.failure() instanceof FuelExhaustedException exhausted
              && exhausted.lane().orElse(TaskletException.NO_LANE) == account.lane
              ? Budget.exhausted(exhausted.remaining())
              : Budget.STOPPED;
          break;
        }
      }
    } finally {
      account.disown();
    }
    return outcomes;
  }

  /**
   * Whether the checkpoints not yet placed ({@code next} on, per lane), and the failure elsewhere
   * while {@code failurePending}, can be run one at a time from {@code state}, each lane in its
   * own order, giving exactly {@code outcomes} (null where a lane stopped drawing).
   */
  private static boolean explained(Budget.State state, long[][] bodies, String[][] outcomes,
      int[] next, boolean failurePending) {
    boolean placedAll = !failurePending;
    for (int lane = 0; lane < bodies.length; lane++) {
      int i = next[lane];
      if (i == outcomes[lane].length || outcomes[lane][i] == null) {
        continue;
      }
      placedAll = false;
      if (outcomes[lane][i].equals(state.outcome(bodies[lane][i]))) {
        next[lane]++;
        boolean explained =
            explained(state.after(bodies[lane][i]), bodies, outcomes, next, failurePending);
        next[lane]--;
        if (explained) {
          return true;
        }
      }
    }
    if (failurePending && explained(state.stop(), bodies, outcomes, next, false)) {
      return true;
    }
    return placedAll;
  }

  private static void check(
      Class<? extends Lanes> lanes, Class<? extends Budget> budget, int scenarios) {
    new ModelCheckingOptions()
        .threads(3)
        .actorsBefore(2)
        .actorsPerThread(2)
        .actorsAfter(1)
        .iterations(scenarios)
        .invocationsPerIteration(300)
        .sequentialSpecification(budget)
        .check(lanes);
  }

  /**
   * Units a body draws, in {@code unit}s: small draws that a lease covers, and large ones that
   * refill, make the pool run short and revoke the other leases.
   */
  private static final long[] STEPS = {0, 1, 2, 3, 9, 17, 40};

  /**
   * The pool as lanes use it: two lanes and the coordinator, each drawing on its own account, and
   * a failure elsewhere in the launch that stops it.
   */
  @Param(name = "step", gen = IntGen.class, conf = "0:6")
  public abstract static class Lanes {
    private static final String TASKLET = "model";

    private final LaunchState launch = new LaunchState(TASKLET, Thread.currentThread());
    private final FuelPool pool;
    private final long max;
    private final long unit;
    /** Per account, units its successful bodies drew; written by the account's one thread. */
    private final long[] granted = new long[3];
    /** Per account, whether a body of it has seen the launch stop. */
    private final boolean[] stopped = new boolean[3];

    Lanes(long max, long unit) {
      this.pool = new FuelPool(launch, max, 2);
      this.max = Math.max(max, 0);
      this.unit = unit;
    }

    @Operation(nonParallelGroup = "lane 0")
    public String lane0(@Param(name = "step") int step) {
      return body(pool.lane(0), 0, step);
    }

    @Operation(nonParallelGroup = "lane 1")
    public String lane1(@Param(name = "step") int step) {
      return body(pool.lane(1), 1, step);
    }

    @Operation(nonParallelGroup = "coordinator")
    public String coordinator(@Param(name = "step") int step) {
      return body(pool.coordinator(), 2, step);
    }

    /**
     * Something else in the launch failed (a lane threw, the deadline passed, an interrupt), from
     * any thread, two at once included: whichever returns first, the launch has stopped.
     */
    @Operation
    public void fail() {
      launch.fail(new LaneFailedException(TASKLET, 0, "a lane failed", null));
    }

    private String body(FuelPool.Account account, int slot, int step) {
      long units = STEPS[step] * unit;
      account.own();
      try {
        account.draw(0);
        account.draw(units);
        granted[slot] += units;
        return Budget.OK;
      } catch (TaskletStoppedException signal) {
        boolean first = !stopped[slot];
        stopped[slot] = true;
        // The body whose checkpoint found the pool short is the one that recorded the failure.
        if (first && launch.failure() instanceof FuelExhaustedException exhausted
            && exhausted.lane().orElse(TaskletException.NO_LANE) == account.lane) {
          return Budget.exhausted(exhausted.remaining());
        }
        return Budget.STOPPED;
      } finally {
        account.disown();
      }
    }

    /** Once every body has returned, fuel adds up exactly, overall and per account. */
    @Validate
    public void ledger() {
      long consumed = pool.consumed();
      long remaining = pool.remaining();
      if (consumed + remaining != max) {
        throw new IllegalStateException(
            "consumed " + consumed + " + remaining " + remaining + " != max " + max);
      }
      FuelPool.Account[] accounts = {pool.lane(0), pool.lane(1), pool.coordinator()};
      for (int slot = 0; slot < accounts.length; slot++) {
        if (accounts[slot].consumed() != granted[slot]) {
          throw new IllegalStateException("account " + slot + " consumed "
              + accounts[slot].consumed() + " but its bodies were granted " + granted[slot]);
        }
      }
    }
  }

  /**
   * The sequential specification: a budget that is stopped or not. A draw on a stopped budget is
   * refused; one the budget covers is granted; one it cannot cover stops it and reports what was
   * left. A failure elsewhere stops it too. With no pool, every draw stops it with nothing left.
   */
  public abstract static class Budget {
    static final String OK = "OK";
    static final String STOPPED = "STOPPED";

    static String exhausted(long remaining) {
      return "EXHAUSTED, " + remaining + " left";
    }

    private final long unit;
    private State state;

    Budget(long max, long unit) {
      this.state = State.of(max);
      this.unit = unit;
    }

    public String lane0(int step) {
      return draw(STEPS[step] * unit);
    }

    public String lane1(int step) {
      return draw(STEPS[step] * unit);
    }

    public String coordinator(int step) {
      return draw(STEPS[step] * unit);
    }

    public void fail() {
      state = state.stop();
    }

    private String draw(long units) {
      String outcome = state.outcome(units);
      state = state.after(units);
      return outcome;
    }

    /** What is left (nothing with no pool) and whether the launch stopped. */
    record State(boolean configured, long remaining, boolean stopped) {
      static State of(long max) {
        return new State(max >= 0, Math.max(max, 0), false);
      }

      String outcome(long units) {
        if (stopped) {
          return STOPPED;
        }
        return configured && remaining >= units ? OK : exhausted(remaining);
      }

      State after(long units) {
        if (stopped) {
          return this;
        }
        return configured && remaining >= units
            ? new State(true, remaining - units, false)
            : stop();
      }

      State stop() {
        return new State(configured, remaining, true);
      }
    }
  }

  // Leases are a sixteenth of the unleased fuel: a few units here, so bodies draw from a lease,
  // refill, and revoke the others' leases once the pool runs short.
  private static final long SMALL = 64;

  public static final class SmallPool extends Lanes {
    public SmallPool() {
      super(SMALL, 1);
    }
  }

  public static final class SmallBudget extends Budget {
    public SmallBudget() {
      super(SMALL, 1);
    }
  }

  // Sixteen times MAX_LEASE and more: the first leases are capped at MAX_LEASE.
  private static final long LARGE = 40 * FuelPool.MAX_LEASE + 7;
  private static final long LARGE_UNIT = FuelPool.MAX_LEASE / 4;

  public static final class LargePool extends Lanes {
    public LargePool() {
      super(LARGE, LARGE_UNIT);
    }
  }

  public static final class LargeBudget extends Budget {
    public LargeBudget() {
      super(LARGE, LARGE_UNIT);
    }
  }

  public static final class EmptyPool extends Lanes {
    public EmptyPool() {
      super(0, 1);
    }
  }

  public static final class EmptyBudget extends Budget {
    public EmptyBudget() {
      super(0, 1);
    }
  }

  public static final class NoPool extends Lanes {
    public NoPool() {
      super(-1, 1);
    }
  }

  public static final class NoBudget extends Budget {
    public NoBudget() {
      super(-1, 1);
    }
  }
}
