package io.tasklet.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;

/**
 * The fuel pool of one launch: one budget drawn on by every lane and by the coordinator, counted
 * exactly.
 *
 * <p>A shared counter decremented by every checkpoint would make all lanes fight over one cache
 * line, and even an uncontended atomic update costs as much as the rest of a checkpoint several
 * times over. Instead every drawer (each lane, and the coordinator) has an {@link Account} on its
 * own cache line, owned by the one thread that runs that lane, holding a <em>lease</em>: fuel taken
 * from the pool in advance. A checkpoint that its lease covers reads the account's state and
 * lowers the lease with plain writes: no atomic instruction, and no cache line another thread
 * writes. When the lease runs short, the drawer hands it back and takes what it needs plus a new
 * lease (a fraction of what the pool still holds) under the pool's lock.
 *
 * <p>Handing back: an account is {@code HOLDING} its lease (only its owner reads or writes the
 * lease), {@code REVOKING} (asked to hand it back), or {@code RELEASED} (the lease belongs to the
 * pool, and whoever holds the lock may take it). The owner releases its lease when its checkpoint
 * falls through to the lock, when a lane's body returns, and, for the coordinator, when a phase
 * starts; the volatile write of {@code RELEASED} publishes the lease's last value. Only the owner,
 * under the lock, makes an account {@code HOLDING} again.
 *
 * <p>Exactness: fuel only moves between the unleased pool, the leases and the accounts' consumed
 * totals, so {@code unleased + sum(leases) + sum(consumed)} is always {@code max}. When the
 * unleased pool and the drawer's own lease cannot cover a checkpoint, the drawer asks every
 * {@code HOLDING} account to hand its lease back and waits for each to do so at its owner's next
 * checkpoint or at the end of its lane body, then decides. So a checkpoint fails only when the fuel
 * not yet consumed really cannot cover it. The wait is the same promise the launch's stopping
 * relies on: lanes reach checkpoints, and a lane that waits for another lane makes checkpoints
 * while it waits. It gives up if the launch stops meanwhile (a failure elsewhere, the deadline, an
 * interrupt). A drawer releases its own lease before it takes the lock, so two drawers never wait
 * for each other.
 *
 * <p>Nothing is lost when a checkpoint is cut short, whether by the stop signal, by running out of
 * fuel, or by a {@link StackOverflowError} of user code that called it near the end of its stack:
 * under the lock every lease goes back into {@code unleased} the moment it is taken, in one step
 * with no method call between its two writes (a {@code StackOverflowError} is raised only when a
 * method is entered), and the drawer's new lease and consumption are written last, again with no
 * call between them.
 *
 * <p>Owners: an account may be drawn on only by the thread that currently owns it, which the
 * launch sets on that thread itself: a lane's account while the lane's body runs, the
 * coordinator's outside phases. Any other use is a misuse that fails the launch.
 */
final class FuelPool {
  private static final VarHandle STATE;
  private static final VarHandle OWNER;

  static {
    try {
      STATE = MethodHandles.lookup().findVarHandle(AccountFields.class, "state", int.class);
      OWNER = MethodHandles.lookup().findVarHandle(AccountFields.class, "owner", Thread.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** The owner holds its lease: only it reads or writes it. */
  private static final int HOLDING = 0;

  /** A drawer under the lock has asked the owner to hand its lease back. */
  private static final int REVOKING = 1;

  /** The lease belongs to the pool; whoever holds the lock may take it. */
  private static final int RELEASED = 2;

  /** Largest lease handed out at once; smaller pools lease a fraction of what they hold. */
  static final long MAX_LEASE = 1L << 20;

  /** A lease is at most this fraction of the unleased fuel, so that leases rarely need revoking. */
  private static final int LEASE_FRACTION = 16;

  /** How long a drawer waiting for a lease to come back parks between looks. */
  private static final long REVOKE_PARK_NANOS = 20_000;

  private final LaunchState launch;
  private final boolean configured;
  private final long max;
  private final Account[] accounts;
  private long unleased; // guarded by this

  /**
   * A pool of {@code max} units, or no pool when {@code max} is negative, for {@code workers}
   * lanes and a coordinator. No account has an owner yet.
   */
  FuelPool(LaunchState launch, long max, int workers) {
    this.launch = launch;
    this.configured = max >= 0;
    this.max = Math.max(max, 0);
    this.unleased = this.max;
    this.accounts = new Account[workers + 1];
    for (int i = 0; i < workers; i++) {
      accounts[i] = new Account(this, i);
    }
    accounts[workers] = new Account(this, TaskletException.NO_LANE);
  }

  /** The account of lane {@code lane}. */
  Account lane(int lane) {
    return accounts[lane];
  }

  /** The coordinator's account. */
  Account coordinator() {
    return accounts[accounts.length - 1];
  }

  /**
   * Fuel not consumed: unleased or leased. With {@link #consumed} it always adds up to {@link
   * #max}; exact once no one draws any more.
   */
  synchronized long remaining() {
    long total = unleased;
    for (Account account : accounts) {
      total += account.lease;
    }
    return total;
  }

  /** Fuel consumed by every account; exact once no one draws any more. */
  long consumed() {
    long total = 0;
    for (Account account : accounts) {
      total += account.consumed;
    }
    return total;
  }

  /** Whether a pool was configured. */
  boolean configured() {
    return configured;
  }

  /** Size of the pool; 0 when none was configured. */
  long max() {
    return max;
  }

  private void refill(Account account, long units) {
    account.release(); // before the lock: a drawer holding it may be waiting for this lease
    synchronized (this) {
      unleased += account.take();
      launch.checkRunning(account.lane);
      if (!configured) {
        throw launch.fuelExhausted(account.lane, units, 0, false);
      }
      if (unleased < units) {
        revokeOthers(account);
      }
      long available = unleased;
      if (available < units) {
        throw launch.fuelExhausted(account.lane, units, available, true);
      }
      long rest = available - units;
      long lease = Math.min(MAX_LEASE, rest / LEASE_FRACTION);
      // No method call from here on: these writes happen together or not at all.
      unleased = rest - lease;
      account.consumed += units;
      account.lease = lease;
      account.state = HOLDING;
    }
  }

  /**
   * Takes back every other account's lease into the unleased pool, waiting for owners that still
   * hold theirs; under the lock.
   */
  private void revokeOthers(Account drawer) {
    for (Account other : accounts) {
      if (other != drawer) {
        STATE.compareAndSet(other, HOLDING, REVOKING);
      }
    }
    Backoff wait = new Backoff();
    for (Account other : accounts) {
      if (other == drawer) {
        continue;
      }
      wait.reset();
      while (other.state != RELEASED) {
        launch.checkRunning(drawer.lane);
        if (wait.idle()) {
          LockSupport.parkNanos(this, REVOKE_PARK_NANOS);
        }
      }
      unleased += other.take();
    }
  }

  private static class AccountFields extends CacheLinePadding {
    /** {@link #HOLDING}, {@link #REVOKING} or {@link #RELEASED}. */
    volatile int state = RELEASED;

    /** Read and written by the owner while holding, and under the pool's lock once released. */
    long lease;

    /** Written only by the owner. */
    long consumed;

    final FuelPool pool;
    final int lane;

    /** The thread that may draw now; null when none may. Written only by that thread. */
    Thread owner;

    AccountFields(FuelPool pool, int lane) {
      this.pool = pool;
      this.lane = lane;
    }
  }

  /** What one lane, or the coordinator, draws through, on the one thread that owns it. */
  @SuppressWarnings("unused")
  static final class Account extends AccountFields {
    long p10, p11, p12, p13, p14, p15, p16, p17, p18, p19, p1a, p1b, p1c, p1d, p1e, p1f;

    private Account(FuelPool pool, int lane) {
      super(pool, lane);
    }

    /** Makes the calling thread the owner, until {@link #disown}. */
    void own() {
      OWNER.setRelease(this, Thread.currentThread()); // no fence: only this thread acts on it
    }

    /** Hands the lease back and leaves the account with no owner; called by the owner. */
    void disown() {
      release();
      OWNER.setRelease(this, null);
    }

    /**
     * Whether the account has an owner: a lane's body is running. Read by other threads only
     * long after the fact (a launch giving up on its lanes), so a read may be slightly stale.
     */
    boolean owned() {
      return OWNER.getAcquire(this) != null;
    }

    /**
     * Throws, having failed the launch, unless the calling thread owns the account: a context
     * used on another thread, or outside the time its code runs (a lane's after its body returned,
     * the coordinator's during a phase).
     */
    void checkOwner() {
      if (Thread.currentThread() != owner) {
        throw pool.launch.misused(usedElsewhere());
      }
    }

    /** Draws {@code units}, or throws the stop signal having recorded why. */
    void draw(long units) {
      if (units < 0) {
        throw new IllegalArgumentException("fuel units must not be negative, was " + units);
      }
      pool.launch.checkRunning(lane);
      checkOwner();
      if (state == HOLDING) {
        long left = lease;
        if (left >= units) {
          lease = left - units;
          consumed += units;
          return;
        }
      }
      pool.refill(this, units);
    }

    private String usedElsewhere() {
      String thread = "thread '" + Thread.currentThread().getName() + "'";
      if (lane == TaskletException.NO_LANE) {
        return "the coordinator's context was used during a phase or on a thread that does not"
            + " run the coordinator (" + thread + "); its scratch(int), parallelForWorkers and"
            + " fuelCheckpoint are for the coordinator itself, between phases, and a lane draws"
            + " through the WorkerContext its body is given";
      }
      return "the context of lane " + lane + " was used on " + thread + " while lane " + lane
          + "'s body was not running there; a lane's context is for its own body only";
    }

    /**
     * Hands the lease back to the pool, for when the owner will not draw for a while; called by
     * the owner only.
     */
    void release() {
      if (state != RELEASED) {
        state = RELEASED;
      }
    }

    /** Takes the released lease; under the pool's lock. */
    private long take() {
      long taken = lease;
      lease = 0;
      return taken;
    }

    /** Whether a drawer has asked this account's owner to hand its lease back; for tests. */
    boolean revoking() {
      return state == REVOKING;
    }

    /** Fuel this account consumed. */
    long consumed() {
      return consumed;
    }
  }
}
