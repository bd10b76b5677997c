package io.tasklet.runtime;

import static io.tasklet.runtime.Interleavings.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The lane hand-off, every interleaving: a coordinator hands a {@link LaneThread} its lane loop
 * with the first phase, then each phase through the lane's slot, closes the slot after the last,
 * and finally hands the thread {@link LaneThread#STOP}, as the pool does when it closes (or hands
 * the thread the next launch's work); after each phase it waits for the lane to finish it. Both
 * sides wait through the lane thread's and the coordinator's {@link Handoff}.
 *
 * <p>Lincheck cannot check this one: its model checker runs {@link Backoff}'s spin loop as an
 * active wait and switches threads there, so a waiter never gets as far as parking (a
 * {@code wake} that never unparks passes it), and a lost wake-up is exactly a waiter that parks
 * too late. So the test walks every interleaving itself, on a model whose steps are the shared
 * accesses of {@link Handoff#await}, {@link Handoff#wake}, {@link LaneThread#run}, and of {@code
 * Launch}'s phase start, lane loop and closing, one step per volatile read or write, park or
 * unpark, in the order the code makes them. Backoff's choice is free at every idle: spin again,
 * or park. {@code park} follows {@link java.util.concurrent.locks.LockSupport}'s permit: an
 * earlier {@code unpark} makes it return at once; it never returns spuriously, so that a missed
 * wake-up shows as a thread parked for good.
 *
 * <p>Checked in every reachable state: no state where the threads are not done and none can move
 * (a lost wake-up), each phase runs exactly once and before the coordinator moves on, and every
 * path that ends, ends with the lane thread stopped and the coordinator done. The harness itself
 * is checked: without the waiter's re-check after announcing its park it finds the lost wake-up.
 */
class LaneHandoffInterleavingsTest {
  @Test
  void noWakeUpIsLostWhateverTheInterleaving() {
    for (int phases = 1; phases <= 3; phases++) {
      Interleavings.Walk walk = explore(phases, true);
      assertEquals(List.of(), walk.violations(), "with " + phases + " phases");
      assertTrue(walk.ends() > 0, "some interleaving runs to the end");
    }
  }

  @Test
  void theHarnessFindsTheLostWakeUpOfAWaiterThatDoesNotLookAgainBeforeParking() {
    Interleavings.Walk walk = explore(1, false);
    assertTrue(walk.violations().stream().anyMatch(v -> v.startsWith("stuck")),
        "expected a lost wake-up, found " + walk.violations());
  }

  // Program counters of Handoff.await (the same for every wait).
  private static final int AWAIT_FIRST_LOOK = 0;
  private static final int AWAIT_LOOK = 1;
  private static final int AWAIT_IDLE = 2;
  private static final int AWAIT_ANNOUNCE = 3;
  private static final int AWAIT_LOOK_AGAIN = 4;
  private static final int AWAIT_PARK = 5;
  private static final int AWAIT_UNANNOUNCE = 6;
  // The lane thread's two waits: for work (LaneThread.run), and in its loop for the next phase.
  private static final int LANE_IDLE = 0;
  private static final int LANE_LOOPING = 100;

  // The lane thread after a wait: LaneThread.run's take; the lane loop's read of its slot, the
  // phase, its finishing and the wake-up of the coordinator.
  private static final int LANE_TAKE = 10;
  private static final int LANE_CLEAR = 11;
  private static final int LANE_READ = 12;
  private static final int LANE_RUN = 13;
  private static final int LANE_FINISH = 14;
  private static final int LANE_WAKE_LOOK = 15;
  private static final int LANE_WAKE_UNPARK = 16;
  private static final int DONE = 99;
  private static final int WENT_ON_TOO_SOON = 98;

  // The coordinator: a phase's start (the slot, the loop with the first phase, the wake-up), its
  // wait for the lane; at the end, the slot closed and STOP handed over.
  private static final int COORD_START = 20;
  private static final int COORD_HAND_LOOP = 21;
  private static final int COORD_WAKE_LOOK = 22;
  private static final int COORD_WAKE_UNPARK = 23;
  private static final int COORD_AFTER_PHASE = 24;
  private static final int COORD_CLOSE = 25;
  private static final int COORD_CLOSE_WAKE_LOOK = 26;
  private static final int COORD_CLOSE_WAKE_UNPARK = 27;
  private static final int COORD_STOP_HAND = 28;
  private static final int COORD_STOP_WAKE_LOOK = 29;
  private static final int COORD_STOP_WAKE_UNPARK = 30;
  private static final int COORD_WAITING = 40;

  private static final int NO_WORK = 0;
  private static final int LOOP = 1;
  private static final int STOP = 2;
  private static final int CLOSED = -1;

  // One state: every shared variable and each thread's program counter and locals.
  private static final int LANE_PC = 0;
  private static final int COORD_PC = 1;
  private static final int WORK = 2; // LaneThread.work
  private static final int LANE_PARKED = 3; // the lane thread's Handoff.parked
  private static final int LANE_PERMIT = 4;
  private static final int SLOT_PHASE = 5; // the slot's phase: handed by the coordinator
  private static final int FINISHED = 6; // the slot's finished: handed back by the lane
  private static final int COORD_PARKED = 7; // the coordinator's Handoff.parked
  private static final int COORD_PERMIT = 8;
  private static final int RAN = 9; // phases the lane ran so far
  private static final int PHASE = 10; // phases the coordinator has started
  private static final int LOOPING = 11; // the coordinator's lanesLooping
  private static final int LANE_NEXT = 12; // LaneThread.run's local 'next'
  private static final int LANE_NUMBER = 13; // the lane loop's local 'number'
  private static final int SIZE = 14;

  private static Interleavings.Walk explore(int phases, boolean lookAgainBeforePark) {
    long[] start = new long[SIZE];
    start[LANE_PC] = LANE_IDLE + AWAIT_FIRST_LOOK;
    start[COORD_PC] = COORD_START;
    return Interleavings.walk(new Model(phases, lookAgainBeforePark), start);
  }

  /** The lane thread (0) and the coordinator (1); each successor is a fresh copy. */
  private record Model(int phases, boolean lookAgainBeforePark) implements Interleavings.Model {
    @Override
    public int threads() {
      return 2;
    }

    @Override
    public List<long[]> steps(int thread, long[] state) {
      return thread == 0 ? lane(state) : coordinator(state);
    }

    @Override
    public boolean done(long[] state) {
      return state[LANE_PC] == DONE && state[COORD_PC] == DONE;
    }

    @Override
    public String check(long[] state) {
      if (done(state) && state[RAN] != phases) {
        return "ended having run " + state[RAN] + " phases of " + phases;
      }
      if (state[COORD_PC] == WENT_ON_TOO_SOON) {
        return "the coordinator saw the lane finish before its phase ran";
      }
      if (state[RAN] > state[PHASE] || state[RAN] < state[PHASE] - 1) {
        return "ran " + state[RAN] + " phases of " + state[PHASE] + " started";
      }
      return null;
    }

    private List<long[]> lane(long[] s) {
      long pc = s[LANE_PC];
      if (pc < LANE_TAKE) {
        return await(s, LANE_PC, LANE_IDLE, LANE_PARKED, LANE_PERMIT, s[WORK] != NO_WORK,
            LANE_TAKE);
      }
      if (pc >= LANE_LOOPING) {
        return await(s, LANE_PC, LANE_LOOPING, LANE_PARKED, LANE_PERMIT,
            s[SLOT_PHASE] != s[FINISHED], LANE_READ);
      }
      return switch ((int) pc) {
        case LANE_TAKE -> List.of(with(s, LANE_NEXT, s[WORK], LANE_PC, LANE_CLEAR));
        case LANE_CLEAR -> List.of(with(s, WORK, NO_WORK, LANE_PC,
            s[LANE_NEXT] == STOP ? DONE : LANE_LOOPING + AWAIT_FIRST_LOOK));
        case LANE_READ -> List.of(with(s, LANE_NUMBER, s[SLOT_PHASE], LANE_PC,
            s[SLOT_PHASE] == CLOSED ? LANE_IDLE + AWAIT_FIRST_LOOK : LANE_RUN));
        case LANE_RUN -> List.of(with(s, RAN, s[RAN] + 1, LANE_PC, LANE_FINISH));
        case LANE_FINISH -> List.of(with(s, FINISHED, s[LANE_NUMBER], LANE_PC, LANE_WAKE_LOOK));
        case LANE_WAKE_LOOK -> List.of(with(s, LANE_PC, s[COORD_PARKED] == 1
            ? LANE_WAKE_UNPARK : LANE_LOOPING + AWAIT_FIRST_LOOK));
        case LANE_WAKE_UNPARK -> List.of(
            with(s, COORD_PERMIT, 1, LANE_PC, LANE_LOOPING + AWAIT_FIRST_LOOK));
        default -> List.of();
      };
    }

    private List<long[]> coordinator(long[] s) {
      long pc = s[COORD_PC];
      if (pc >= COORD_WAITING) {
        return await(s, COORD_PC, COORD_WAITING, COORD_PARKED, COORD_PERMIT,
            s[FINISHED] == s[PHASE], COORD_AFTER_PHASE);
      }
      return switch ((int) pc) {
        case COORD_START -> List.of(s[PHASE] == phases
            ? with(s, COORD_PC, COORD_CLOSE)
            : with(s, SLOT_PHASE, s[PHASE] + 1, PHASE, s[PHASE] + 1, COORD_PC,
                s[LOOPING] == 0 ? COORD_HAND_LOOP : COORD_WAKE_LOOK));
        case COORD_HAND_LOOP -> List.of(with(s, WORK, LOOP, LOOPING, 1, COORD_PC,
            COORD_WAKE_LOOK));
        case COORD_WAKE_LOOK -> List.of(with(s, COORD_PC, s[LANE_PARKED] == 1
            ? COORD_WAKE_UNPARK : COORD_WAITING + AWAIT_FIRST_LOOK));
        case COORD_WAKE_UNPARK -> List.of(
            with(s, LANE_PERMIT, 1, COORD_PC, COORD_WAITING + AWAIT_FIRST_LOOK));
        case COORD_AFTER_PHASE -> List.of(s[RAN] == s[PHASE]
            ? with(s, COORD_PC, COORD_START)
            : with(s, COORD_PC, WENT_ON_TOO_SOON));
        case COORD_CLOSE -> List.of(with(s, SLOT_PHASE, CLOSED, COORD_PC, COORD_CLOSE_WAKE_LOOK));
        case COORD_CLOSE_WAKE_LOOK -> List.of(with(s, COORD_PC,
            s[LANE_PARKED] == 1 ? COORD_CLOSE_WAKE_UNPARK : COORD_STOP_HAND));
        case COORD_CLOSE_WAKE_UNPARK -> List.of(
            with(s, LANE_PERMIT, 1, COORD_PC, COORD_STOP_HAND));
        case COORD_STOP_HAND -> List.of(with(s, WORK, STOP, COORD_PC, COORD_STOP_WAKE_LOOK));
        case COORD_STOP_WAKE_LOOK -> List.of(with(s, COORD_PC,
            s[LANE_PARKED] == 1 ? COORD_STOP_WAKE_UNPARK : DONE));
        case COORD_STOP_WAKE_UNPARK -> List.of(with(s, LANE_PERMIT, 1, COORD_PC, DONE));
        default -> List.of();
      };
    }

    /**
     * One step of {@link Handoff#await} for the thread whose program counter is at {@code pc},
     * in the wait whose steps are numbered from {@code base}, with {@code ready} the value its
     * condition reads in this state.
     */
    private List<long[]> await(long[] s, int pc, int base, int parked, int permit,
        boolean ready, int whenReady) {
      return switch ((int) (s[pc] - base)) {
        case AWAIT_FIRST_LOOK -> List.of(with(s, pc, ready ? whenReady : base + AWAIT_LOOK));
        case AWAIT_LOOK -> List.of(with(s, pc, ready ? whenReady : base + AWAIT_IDLE));
        // Backoff.idle(): spin (look again) or, the wait having lasted, park.
        case AWAIT_IDLE -> List.of(with(s, pc, base + AWAIT_LOOK),
            with(s, pc, base + AWAIT_ANNOUNCE));
        case AWAIT_ANNOUNCE -> List.of(with(s, parked, 1, pc,
            base + (lookAgainBeforePark ? AWAIT_LOOK_AGAIN : AWAIT_PARK)));
        case AWAIT_LOOK_AGAIN -> List.of(
            with(s, pc, base + (ready ? AWAIT_UNANNOUNCE : AWAIT_PARK)));
        case AWAIT_PARK -> s[permit] == 1
            ? List.of(with(s, permit, 0, pc, base + AWAIT_UNANNOUNCE))
            : List.of(); // parked until someone unparks it
        case AWAIT_UNANNOUNCE -> List.of(with(s, parked, 0, pc, base + AWAIT_LOOK));
        default -> List.of();
      };
    }
  }
}
