package io.tasklet.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Fuel is never lost, however a checkpoint is cut short: here by stack overflows that strike at
 * every depth inside draws, refills and revocations of two lanes drawing at once.
 */
class FuelLedgerTest {
  @Test
  void stackOverflowsInsideCheckpointsLoseNoFuel() {
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
      long depth = overflowDepth();
      for (int round = 0; round < 200; round++) {
        // Pools that run dry near the depth where the stacks overflow, so that overflows strike
        // while a drawer revokes the other's lease as well as in plain draws and refills.
        long max = 2 * depth - depth / 4 + (depth / 2) * (round % 5) / 4 + round;
        LaunchState state = new LaunchState("Test.ledger", Thread.currentThread());
        FuelPool pool = new FuelPool(state, max, 2);
        CyclicBarrier start = new CyclicBarrier(2);
        int padding = round;
        Thread[] lanes = new Thread[2];
        for (int lane = 0; lane < 2; lane++) {
          FuelPool.Account account = pool.lane(lane);
          int frames = padding + 7 * lane;
          lanes[lane] = Thread.ofPlatform().start(() -> {
            account.own();
            try {
              start.await();
              descend(account, frames);
            } catch (StackOverflowError | TaskletStoppedException expected) {
              // the overflow, or the stop once the pool ran dry
            } catch (Exception e) {
              throw new AssertionError(e);
            } finally {
              account.disown();
            }
          });
        }
        for (Thread lane : lanes) {
          lane.join();
        }
        assertEquals(max, pool.consumed() + pool.remaining(), "round " + round);
      }
    });
  }

  @Test
  void aDrawerStoppedWhileRevokingKeepsItsOwnLeaseInTheLedger() {
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
      LaunchState state = new LaunchState("Test.ledger", Thread.currentThread());
      FuelPool pool = new FuelPool(state, 1000, 2);
      CountDownLatch holding = new CountDownLatch(1);
      AtomicBoolean letGo = new AtomicBoolean();
      Thread holder = Thread.ofPlatform().start(() -> {
        FuelPool.Account account = pool.lane(0);
        account.own();
        account.draw(1); // takes a lease, then computes without checkpoints
        holding.countDown();
        while (!letGo.get()) {
          Thread.onSpinWait();
        }
        account.disown();
      });
      holding.await();
      Thread drawer = Thread.ofPlatform().start(() -> {
        FuelPool.Account account = pool.lane(1);
        account.own();
        account.draw(1); // a lease of its own
        try {
          account.draw(990); // more than the pool and its lease: revokes the holder's, and waits
        } catch (TaskletStoppedException expected) {
          // the launch stopped while it waited
        } finally {
          account.disown();
        }
      });
      while (!pool.lane(0).revoking()) {
        Thread.onSpinWait();
      }
      state.fail(new LaneFailedException("Test.ledger", 0, "stopped from outside", null));
      drawer.join();
      letGo.set(true);
      holder.join();
      assertEquals(2, pool.consumed());
      assertEquals(1000, pool.consumed() + pool.remaining());
    });
  }

  /** How many draws one thread makes, drawing deeper, before its stack overflows. */
  private static long overflowDepth() throws InterruptedException {
    LaunchState state = new LaunchState("Test.depth", Thread.currentThread());
    FuelPool pool = new FuelPool(state, Long.MAX_VALUE, 1);
    Thread probe = Thread.ofPlatform().start(() -> {
      pool.lane(0).own();
      try {
        drawDeeper(pool.lane(0));
      } catch (StackOverflowError expected) {
        // counted
      }
    });
    probe.join();
    return pool.lane(0).consumed();
  }

  /** Pads the stack by {@code frames} frames, then draws at every depth until it overflows. */
  private static void descend(FuelPool.Account account, int frames) {
    if (frames > 0) {
      long[] weight = {frames, frames};
      descend(account, frames - 1);
      account.draw(weight[0] & 0);
    } else {
      drawDeeper(account);
    }
  }

  private static void drawDeeper(FuelPool.Account account) {
    account.draw(1);
    drawDeeper(account);
  }
}
