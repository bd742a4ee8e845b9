package io.coinfer.mec.schedule;

import io.coinfer.mec.profile.Net;
import io.coinfer.mec.sim.Action;
import io.coinfer.mec.sim.ScenarioConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The {@code rotate:<point>:<power>} heuristic: at every slot start the C UEs with the largest
 * share of their batch left (ties: lower index first), C being the number of sub-channels, run the
 * head at the point and send at the power, one per sub-channel: a UE that was a sender in the last
 * slot keeps its sub-channel, a new sender takes the lowest free one; every other UE computes its
 * next task locally (point 5). So each sub-channel carries one sender at a time, free of
 * interference, while the rest of the fleet computes, and the senders rotate as their batches
 * shrink.
 *
 * <p>Not a paper baseline and not in {@link Schedulers#allBaselines}: a teacher for MAHPPO's warm
 * start ({@code --warm-start rotate:1:0.3}) that shows the low-latency region the beta = 1
 * objective steers training away from (resnet18, test scenario: 10 slots, 0.025 s per task).
 */
public final class RotateScheduler implements Scheduler {

  /**
   * The largest share of its batch left first (what the normalised state shows: a clone cannot see
   * absolute counts when batches differ), then the lower index.
   */
  private static final Comparator<UeContext> MOST_LEFT =
      Comparator.comparingDouble((UeContext u) -> -(double) u.tasksLeft() / u.totalTasks())
          .thenComparingInt(UeContext::index);

  private final String id;
  private final int point;
  private final double powerWatts;

  /**
   * @param id the spec to report
   * @param cfg the system
   * @param point the senders' point, 0..4 (5 would not send)
   * @param powerWatts the power of every UE, in (0, pmax] watts (it also applies to a transmission
   *     in flight of a UE that has turned local)
   */
  public RotateScheduler(String id, ScenarioConfig cfg, int point, double powerWatts) {
    if (point < 0 || point >= Net.POINTS - 1) {
      throw new IllegalArgumentException(id + ": point " + point + " is outside 0..4");
    }
    if (!(powerWatts > 0) || powerWatts > cfg.pmaxWatts()) {
      throw new IllegalArgumentException(
          id + ": power " + powerWatts + " W is outside (0, " + cfg.pmaxWatts() + "] W");
    }
    this.id = id;
    this.point = point;
    this.powerWatts = powerWatts;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public Action[] decide(SchedulingContext ctx) {
    Action[] actions = new Action[ctx.ues().size()];
    Arrays.fill(actions, new Action(Net.POINTS - 1, 0, powerWatts));
    List<UeContext> senders =
        ctx.ues().stream()
            .filter(u -> u.tasksLeft() > 0)
            .sorted(MOST_LEFT)
            .limit(ctx.config().channels())
            .toList();
    boolean[] taken = new boolean[ctx.config().channels()];
    List<UeContext> newcomers = new ArrayList<>();
    for (UeContext u : senders) {
      int last = u.pending().channel();
      if (u.pending().point() == point && !taken[last]) {
        taken[last] = true;
        actions[u.index()] = new Action(point, last, powerWatts);
      } else {
        newcomers.add(u);
      }
    }
    int free = 0;
    for (UeContext u : newcomers) {
      while (taken[free]) {
        free++;
      }
      taken[free] = true;
      actions[u.index()] = new Action(point, free, powerWatts);
    }
    return actions;
  }
}
