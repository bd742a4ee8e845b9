package io.coinfer.cli.evaluate;

import io.coinfer.mec.schedule.Scheduler;
import io.coinfer.mec.schedule.SchedulingContext;
import io.coinfer.mec.sim.Action;

/**
 * A scheduler that measures another's decisions: it passes every call through and adds up the wall
 * time of {@link #decide}, so that {@code coinfer evaluate} can report what a decision costs (a
 * planning policy's searches, for instance) next to what it achieves.
 */
final class DecisionTimer implements Scheduler {

  private final Scheduler inner;
  private long nanos;
  private long decisions;

  DecisionTimer(Scheduler inner) {
    this.inner = inner;
  }

  @Override
  public String id() {
    return inner.id();
  }

  @Override
  public void reset(long seed) {
    inner.reset(seed);
  }

  @Override
  public Action[] decide(SchedulingContext ctx) {
    long start = System.nanoTime();
    try {
      return inner.decide(ctx);
    } finally {
      nanos += System.nanoTime() - start;
      decisions++;
    }
  }

  /**
   * @return the mean wall time of a decision so far, in milliseconds (NaN before the first)
   */
  double meanMillis() {
    return decisions == 0 ? Double.NaN : nanos / 1e6 / decisions;
  }
}
