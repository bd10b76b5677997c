package io.tasklet.runtime;

import static io.tasklet.runtime.Interleavings.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The fuel lease protocol, every interleaving: two lanes draw on their accounts while the other
 * revokes their leases, and optionally a failure elsewhere stops the launch.
 *
 * <p>{@link FuelPoolModelCheckTest} runs the real pool under Lincheck, but Lincheck's scheduler
 * never switched threads between a checkpoint's read of its account's state and its write of the
 * lowered lease (an assertion placed there was never reached), which is exactly where a revoker
 * that did not wait for the owner would lose fuel. So this test walks every interleaving of a
 * model whose steps are those of {@link FuelPool.Account#draw}, {@code refill}, {@code
 * revokeOthers}, {@code release} and {@code take}, one step per volatile access, CAS, plain access
 * of a field the other thread may touch, and lock acquisition, in the order the code makes them;
 * what the code does under the pool's lock to its own account is one step.
 *
 * <p>Checked: every walk ends (no thread blocked for good); once both lanes are done, consumed +
 * unleased + leases = max; and a checkpoint fails only when, its leases all back, the fuel not yet
 * consumed cannot cover it, reporting exactly that fuel. The harness itself is checked: a revoker
 * that takes a lease without waiting for its owner to release it breaks the ledger.
 */
class LeaseRevocationInterleavingsTest {
  private static final long LEASE = FuelPool.MAX_LEASE;

  @Test
  void aLaneDrawingOnItsLeaseWhileTheOtherRevokesIt() {
    Scenario scenario = scenario(64, false, true, new long[] {0, 1, 1}, new long[] {61});
    assertClean(scenario);
    assertTrue(scenario.reaches(s -> s[PC] == WRITE_LEASE && s[STATE] == REVOKING),
        "lane 1 revokes lane 0's lease in the middle of a checkpoint drawing on it");
  }

  @Test
  void bothLanesRevokingEachOtherUntilOneRunsShort() {
    Scenario scenario =
        scenario(64, false, true, new long[] {0, 2, 30}, new long[] {0, 1, 40});
    assertClean(scenario);
    assertTrue(scenario.reaches(s -> s[STOPPING] == 1), "a lane runs short");
  }

  @Test
  void aFailureElsewhereWhileALaneWaitsForALease() {
    Scenario scenario = scenario(64, true, true, new long[] {0, 1, 1}, new long[] {0, 62});
    assertClean(scenario);
    assertTrue(scenario.reaches(s -> s[PC + 1] == REVOKE_CHECK_RUNNING && s[STOPPING] == 1),
        "lane 1 sees the launch stop while it waits for lane 0's lease");
  }

  @Test
  void leasesCappedAtMaxLease() {
    Scenario scenario = scenario(40 * LEASE + 7, false, true,
        new long[] {0, LEASE / 2, LEASE / 2}, new long[] {0, 39 * LEASE});
    assertClean(scenario);
    assertTrue(scenario.reaches(s -> s[LEASE_OF] == LEASE), "a lease of MAX_LEASE");
  }

  @Test
  void theHarnessFindsFuelLostByARevokerThatDoesNotWaitForTheOwner() {
    Interleavings.Walk walk =
        scenario(64, false, false, new long[] {0, 1, 1}, new long[] {61}).walk();
    assertTrue(walk.violations().stream().anyMatch(v -> v.startsWith("ledger")),
        "expected a broken ledger, found " + walk.violations());
  }

  private static void assertClean(Scenario scenario) {
    Interleavings.Walk walk = scenario.walk();
    assertEquals(List.of(), walk.violations());
    assertTrue(walk.ends() > 0, "some interleaving runs to the end");
  }

  private record Scenario(Model model, long[] start) {
    Interleavings.Walk walk() {
      return Interleavings.walk(model, start);
    }

    boolean reaches(Predicate<long[]> goal) {
      return Interleavings.reaches(model, start, goal);
    }
  }

  private static Scenario scenario(
      long max, boolean failElsewhere, boolean waitForOwner, long[] lane0, long[] lane1) {
    long[] start = new long[SIZE];
    start[STATE] = RELEASED;
    start[STATE + 1] = RELEASED;
    start[UNLEASED] = max;
    start[LOCK] = FREE;
    start[FAILER_PC] = failElsewhere ? 0 : 1;
    return new Scenario(new Model(max, waitForOwner, lane0, lane1), start);
  }

  private static final long HOLDING = 0;
  private static final long REVOKING = 1;
  private static final long RELEASED = 2;
  private static final long FREE = -1;

  // Per lane (index + lane): program counter, which draw, the checkpoint's local 'left', the
  // revoker's local 'taken', the account's state, lease and consumed fuel.
  private static final int PC = 0;
  private static final int DRAW = 2;
  private static final int LEFT = 4;
  private static final int TAKEN = 6;
  private static final int STATE = 8;
  private static final int LEASE_OF = 10;
  private static final int CONSUMED = 12;
  // Shared by both: the unleased pool, the lock's holder, the stopping flag, a failure
  // elsewhere's program counter, and whether a checkpoint failed with the wrong fuel left.
  private static final int UNLEASED = 14;
  private static final int LOCK = 15;
  private static final int STOPPING = 16;
  private static final int FAILER_PC = 17;
  private static final int WRONG_EXHAUSTION = 18;
  private static final int SIZE = 19;

  // Account.draw
  private static final int CHECK_RUNNING = 0;
  private static final int READ_STATE = 1;
  private static final int READ_LEASE = 2;
  private static final int WRITE_LEASE = 3;
  private static final int WRITE_CONSUMED = 4;
  // FuelPool.refill
  private static final int RELEASE_READ = 10;
  private static final int RELEASE_WRITE = 11;
  private static final int LOCK_ACQUIRE = 12;
  private static final int TAKE_OWN = 13;
  private static final int REFILL_CHECK_RUNNING = 14;
  private static final int DECIDE_REVOKE = 15;
  private static final int DECIDE = 16;
  // FuelPool.revokeOthers
  private static final int REVOKE_CAS = 20;
  private static final int REVOKE_WAIT = 21;
  private static final int REVOKE_CHECK_RUNNING = 22;
  private static final int REVOKE_TAKE_READ = 23;
  private static final int REVOKE_TAKE_WRITE = 24;
  // Account.disown
  private static final int DISOWN_READ = 30;
  private static final int DISOWN_WRITE = 31;
  private static final int DONE = 99;

  private record Model(long max, boolean waitForOwner, long[] lane0, long[] lane1)
      implements Interleavings.Model {
    @Override
    public int threads() {
      return 3;
    }

    @Override
    public boolean done(long[] s) {
      return s[PC] == DONE && s[PC + 1] == DONE && s[FAILER_PC] == 1;
    }

    @Override
    public String check(long[] s) {
      if (s[WRONG_EXHAUSTION] != 0) {
        return "a checkpoint failed with fuel left that could cover it, or reported wrongly";
      }
      long total = s[CONSUMED] + s[CONSUMED + 1] + s[UNLEASED] + s[LEASE_OF] + s[LEASE_OF + 1];
      if (done(s) && total != max) {
        return "ledger: consumed + unleased + leases = " + total + ", not " + max;
      }
      return null;
    }

    @Override
    public List<long[]> steps(int thread, long[] s) {
      if (thread == 2) {
        return s[FAILER_PC] == 0 ? List.of(with(s, STOPPING, 1, FAILER_PC, 1)) : List.of();
      }
      int t = thread;
      int other = 1 - t;
      long[] draws = t == 0 ? lane0 : lane1;
      long units = s[DRAW + t] < draws.length ? draws[(int) s[DRAW + t]] : 0;
      return switch ((int) s[PC + t]) {
        case CHECK_RUNNING -> List.of(s[DRAW + t] == draws.length
            ? with(s, PC + t, DISOWN_READ)
            : with(s, PC + t, s[STOPPING] == 1 ? DISOWN_READ : READ_STATE));
        case READ_STATE -> List.of(with(s, PC + t, s[STATE + t] == HOLDING ? READ_LEASE
            : RELEASE_READ));
        case READ_LEASE -> List.of(s[LEASE_OF + t] >= units
            ? with(s, LEFT + t, s[LEASE_OF + t], PC + t, WRITE_LEASE)
            : with(s, PC + t, RELEASE_READ));
        case WRITE_LEASE -> List.of(with(s, LEASE_OF + t, s[LEFT + t] - units,
            PC + t, WRITE_CONSUMED));
        case WRITE_CONSUMED -> List.of(drawn(s, t, units));
        case RELEASE_READ -> List.of(with(s, PC + t, s[STATE + t] != RELEASED ? RELEASE_WRITE
            : LOCK_ACQUIRE));
        case RELEASE_WRITE -> List.of(with(s, STATE + t, RELEASED, PC + t, LOCK_ACQUIRE));
        case LOCK_ACQUIRE -> s[LOCK] == FREE
            ? List.of(with(s, LOCK, t, PC + t, TAKE_OWN))
            : List.of();
        case TAKE_OWN -> List.of(with(s, UNLEASED, s[UNLEASED] + s[LEASE_OF + t],
            LEASE_OF + t, 0, PC + t, REFILL_CHECK_RUNNING));
        case REFILL_CHECK_RUNNING -> List.of(s[STOPPING] == 1
            ? with(s, LOCK, FREE, PC + t, DISOWN_READ)
            : with(s, PC + t, DECIDE_REVOKE));
        case DECIDE_REVOKE -> List.of(with(s, PC + t, s[UNLEASED] < units ? REVOKE_CAS : DECIDE));
        case REVOKE_CAS -> List.of(s[STATE + other] == HOLDING
            ? with(s, STATE + other, REVOKING, PC + t, REVOKE_WAIT)
            : with(s, PC + t, REVOKE_WAIT));
        case REVOKE_WAIT -> List.of(with(s, PC + t,
            s[STATE + other] != RELEASED && waitForOwner ? REVOKE_CHECK_RUNNING
                : REVOKE_TAKE_READ));
        case REVOKE_CHECK_RUNNING -> List.of(s[STOPPING] == 1
            ? with(s, LOCK, FREE, PC + t, DISOWN_READ)
            : with(s, PC + t, REVOKE_WAIT));
        case REVOKE_TAKE_READ -> List.of(with(s, TAKEN + t, s[LEASE_OF + other],
            PC + t, REVOKE_TAKE_WRITE));
        case REVOKE_TAKE_WRITE -> List.of(with(s, LEASE_OF + other, 0,
            UNLEASED, s[UNLEASED] + s[TAKEN + t], PC + t, DECIDE));
        case DECIDE -> List.of(decide(s, t, units));
        case DISOWN_READ -> List.of(with(s, PC + t, s[STATE + t] != RELEASED ? DISOWN_WRITE
            : DONE));
        case DISOWN_WRITE -> List.of(with(s, STATE + t, RELEASED, PC + t, DONE));
        default -> List.of();
      };
    }

    /** The end of a checkpoint that drew {@code units}: on to the next, or to disown. */
    private static long[] drawn(long[] s, int t, long units) {
      return with(s, CONSUMED + t, s[CONSUMED + t] + units, DRAW + t, s[DRAW + t] + 1,
          PC + t, CHECK_RUNNING);
    }

    /**
     * Under the lock, with every lease back that could be had: fail the launch when what is
     * unleased cannot cover the checkpoint, otherwise grant it and a new lease, and unlock.
     */
    private long[] decide(long[] s, int t, long units) {
      long available = s[UNLEASED];
      if (available < units) {
        long unconsumed = max - s[CONSUMED] - s[CONSUMED + 1];
        boolean wrong = available != unconsumed;
        return with(s, STOPPING, 1, LOCK, FREE, PC + t, DISOWN_READ,
            WRONG_EXHAUSTION, wrong ? 1 : 0);
      }
      long rest = available - units;
      long lease = Math.min(FuelPool.MAX_LEASE, rest / 16);
      long[] granted = with(s, UNLEASED, rest - lease, LEASE_OF + t, lease, STATE + t, HOLDING,
          LOCK, FREE);
      return drawn(granted, t, units);
    }
  }
}
