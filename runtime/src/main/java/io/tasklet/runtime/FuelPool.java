package io.tasklet.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The fuel pool of one launch: one budget drawn on by every lane and by the coordinator, counted
 * exactly.
 *
 * <p>A shared counter decremented by every checkpoint would make all lanes fight over one cache
 * line. Instead every drawer (each lane, and the coordinator) has an {@link Account} on its own
 * cache line holding a <em>lease</em>: fuel taken from the pool in advance. A checkpoint that its
 * lease covers is one compare-and-set on the drawer's own line, which no other thread touches in
 * the common case. When the lease runs short, the drawer returns what is left of it, takes what
 * it needs plus a new lease (a small fraction of what the pool still holds) under the pool's
 * lock.
 *
 * <p>Exactness: fuel is only ever moved, under the lock, between the unleased pool, the leases
 * and the accounts' consumed totals, so {@code unleased + sum(leases) + sum(consumed)} is always
 * {@code max}. When the unleased pool and the drawer's lease cannot cover a checkpoint, the drawer
 * revokes every other lease (an atomic swap to 0, which a concurrent checkpoint's compare-and-set
 * either precedes, and the swap returns only what is left, or follows, and fails) before deciding.
 * Leases only grow under the lock, so when the drawer fails, the fuel not yet consumed really
 * could not cover its checkpoint.
 */
final class FuelPool {
  private static final VarHandle LEASE;

  static {
    try {
      LEASE = MethodHandles.lookup().findVarHandle(AccountFields.class, "lease", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** Lease of an account that can never draw: there is no pool, so every checkpoint fails. */
  private static final long NO_POOL = -1;

  /** Largest lease handed out at once; smaller pools lease a fraction of what they hold. */
  static final long MAX_LEASE = 1L << 20;

  /** A lease is at most this fraction of the unleased fuel, so that leases rarely need revoking. */
  private static final int LEASE_FRACTION = 16;

  private final Launch<?, ?> launch;
  private final boolean configured;
  private final long max;
  private final Account[] accounts;
  private long unleased; // guarded by this

  /** A pool of {@code max} units, or no pool when {@code max} is negative. */
  FuelPool(Launch<?, ?> launch, long max, int workers) {
    this.launch = launch;
    this.configured = max >= 0;
    this.max = Math.max(max, 0);
    this.unleased = this.max;
    this.accounts = new Account[workers + 1];
    for (int i = 0; i <= workers; i++) {
      accounts[i] = new Account(this, i < workers ? i : TaskletException.NO_LANE, configured);
    }
  }

  /** The account of lane {@code lane}. */
  Account lane(int lane) {
    return accounts[lane];
  }

  /** The coordinator's account. */
  Account coordinator() {
    return accounts[accounts.length - 1];
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

  private synchronized void refill(Account account, long units) {
    launch.checkRunning(account);
    if (!configured) {
      throw launch.fuelExhausted(account.lane, units, 0);
    }
    long available = unleased + (long) LEASE.getAndSet(account, 0L);
    if (available < units) {
      for (Account other : accounts) {
        if (other != account) {
          available += (long) LEASE.getAndSet(other, 0L);
        }
      }
    }
    if (available < units) {
      unleased = available;
      throw launch.fuelExhausted(account.lane, units, available);
    }
    long rest = available - units;
    long lease = Math.min(MAX_LEASE, rest / LEASE_FRACTION);
    unleased = rest - lease;
    account.consumed += units;
    account.lease = lease;
  }

  /** Padding that keeps other objects' fields off an account's cache line. */
  @SuppressWarnings("unused")
  private static class LeftPadding {
    long p00, p01, p02, p03, p04, p05, p06, p07;
  }

  private static class AccountFields extends LeftPadding {
    volatile long lease;
    /** Written only by the account's own thread, or under the pool's lock by that thread. */
    long consumed;
    /** Time the account's lane spent running lane bodies; written by the lane's thread. */
    long busyNanos;
  }

  /** What one lane, or the coordinator, draws through. Used by one thread at a time. */
  @SuppressWarnings("unused")
  static final class Account extends AccountFields {
    long p10, p11, p12, p13, p14, p15, p16, p17;

    private final FuelPool pool;
    final int lane;

    private Account(FuelPool pool, int lane, boolean configured) {
      this.pool = pool;
      this.lane = lane;
      this.lease = configured ? 0 : NO_POOL;
    }

    /** Draws {@code units}, or throws the stop signal having recorded why. */
    void draw(long units) {
      if (units < 0) {
        throw new IllegalArgumentException("fuel units must not be negative, was " + units);
      }
      pool.launch.checkRunning(this);
      long left;
      while ((left = lease) >= units) {
        if (LEASE.compareAndSet(this, left, left - units)) {
          consumed += units;
          return;
        }
      }
      pool.refill(this, units);
    }

    /** Fuel this account consumed. */
    long consumed() {
      return consumed;
    }
  }
}
