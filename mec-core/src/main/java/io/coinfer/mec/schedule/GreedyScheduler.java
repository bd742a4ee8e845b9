package io.coinfer.mec.schedule;

import io.coinfer.mec.profile.Net;
import io.coinfer.mec.profile.PointProfile;
import io.coinfer.mec.radio.Uplink;
import io.coinfer.mec.sim.Action;
import io.coinfer.mec.sim.ScenarioConfig;
import java.util.List;

/**
 * Best response, slot by slot: each active UE in turn picks the (point, sub-channel, power) that
 * minimises its next task's {@code latency + beta x energy} given the others' current choices, and
 * the UEs go round until nobody changes (a fixed point) or {@value #MAX_ROUNDS} rounds; when the
 * rounds run out (best responses can cycle under interference) it keeps the round whose summed cost
 * over the UEs was lowest.
 *
 * <p>The next task's cost at point k, sub-channel c and power p: {@code latency = head_s(k) +
 * payload(k) / rate} and {@code energy = head_w(k) head_s(k) + p payload(k) / rate}, where the rate
 * sees as interference every other active UE that chose c and a point that transmits (0..4), as if
 * it transmitted all the time (a pessimistic estimate that best responses settle on more often than
 * a duty-cycle-weighted one). Powers come from a grid of pmax x {1, 1/2, 1/5, 1/10, 1/20, 1/50,
 * 1/100}. The choices carry over from slot to slot.
 */
public final class GreedyScheduler implements Scheduler {

  /** The bound on best-response rounds per slot. */
  public static final int MAX_ROUNDS = 10;

  /** A UE moves only for a relative cost improvement above this. */
  private static final double IMPROVEMENT = 1e-9;

  private final ScenarioConfig cfg;
  private final Uplink uplink;
  private final double[] powers;
  private final double[] headSeconds = new double[Net.POINTS];
  private final double[] headJoules = new double[Net.POINTS];
  private final double[] payloadBits = new double[Net.POINTS];
  private final int[] point;
  private final int[] channel;
  private final double[] power;
  private boolean initialised;
  private int rounds;
  private boolean converged;

  /**
   * @param cfg the system
   */
  public GreedyScheduler(ScenarioConfig cfg) {
    this.cfg = cfg;
    this.uplink = cfg.uplink();
    this.powers = PowerGrid.levels(cfg.pmaxWatts());
    for (PointProfile p : cfg.profile().points(cfg.net())) {
      headSeconds[p.point()] = p.headSeconds();
      headJoules[p.point()] = p.headSeconds() * p.headWatts();
      payloadBits[p.point()] = p.payloadBits();
    }
    int n = cfg.ues();
    point = new int[n];
    channel = new int[n];
    power = new double[n];
  }

  @Override
  public String id() {
    return "greedy";
  }

  @Override
  public void reset(long seed) {
    initialised = false;
  }

  @Override
  public Action[] decide(SchedulingContext ctx) {
    List<UeContext> ues = ctx.ues();
    int n = ues.size();
    double[] receivedPerWatt = new double[n];
    boolean[] active = new boolean[n];
    for (int i = 0; i < n; i++) {
      UeContext ue = ues.get(i);
      receivedPerWatt[i] = uplink.receivedWatts(1.0, ue.distanceMeters());
      active[i] = ue.active();
    }
    if (!initialised) {
      for (int i = 0; i < n; i++) {
        point[i] = Net.LOCAL_POINT;
        channel[i] = i % cfg.channels();
        power[i] = cfg.pmaxWatts();
      }
      initialised = true;
    }
    rounds = 0;
    converged = false;
    int[] bestPoint = point.clone();
    int[] bestChannel = channel.clone();
    double[] bestPower = power.clone();
    double bestTotal = Double.POSITIVE_INFINITY;
    while (rounds < MAX_ROUNDS && !converged) {
      rounds++;
      boolean changed = false;
      for (int i = 0; i < n; i++) {
        if (active[i] && bestResponse(i, receivedPerWatt, active)) {
          changed = true;
        }
      }
      converged = !changed;
      double total = totalCost(receivedPerWatt, active);
      if (converged || total < bestTotal) {
        bestTotal = total;
        System.arraycopy(point, 0, bestPoint, 0, n);
        System.arraycopy(channel, 0, bestChannel, 0, n);
        System.arraycopy(power, 0, bestPower, 0, n);
      }
    }
    if (!converged) {
      System.arraycopy(bestPoint, 0, point, 0, n);
      System.arraycopy(bestChannel, 0, channel, 0, n);
      System.arraycopy(bestPower, 0, power, 0, n);
    }
    Action[] actions = new Action[n];
    for (int i = 0; i < n; i++) {
      actions[i] = new Action(point[i], channel[i], power[i]);
    }
    return actions;
  }

  /**
   * @return whether the last decision ended at a fixed point (a round in which no UE moved)
   */
  public boolean converged() {
    return converged;
  }

  /**
   * @return best-response rounds of the last decision, at most {@value #MAX_ROUNDS}
   */
  public int rounds() {
    return rounds;
  }

  /** The summed next-task cost of the active UEs under the current choices. */
  private double totalCost(double[] receivedPerWatt, boolean[] active) {
    double total = 0;
    for (int i = 0; i < point.length; i++) {
      if (active[i]) {
        total +=
            cost(
                i,
                point[i],
                channel[i],
                power[i],
                interference(i, receivedPerWatt, active),
                receivedPerWatt);
      }
    }
    return total;
  }

  /** Received power of the other active UEs whose choice transmits, per sub-channel. */
  private double[] interference(int i, double[] receivedPerWatt, boolean[] active) {
    double[] interference = new double[cfg.channels()];
    for (int j = 0; j < point.length; j++) {
      if (j != i && active[j] && point[j] != Net.LOCAL_POINT) {
        interference[channel[j]] += power[j] * receivedPerWatt[j];
      }
    }
    return interference;
  }

  /** Moves UE i to its best response; returns whether its choice changed. */
  private boolean bestResponse(int i, double[] receivedPerWatt, boolean[] active) {
    double[] interference = interference(i, receivedPerWatt, active);
    double best = cost(i, point[i], channel[i], power[i], interference, receivedPerWatt);
    int bestPoint = point[i];
    int bestChannel = channel[i];
    double bestPower = power[i];
    for (int k = 0; k < Net.POINTS; k++) {
      for (int c = 0; c < cfg.channels(); c++) {
        for (double p : powers) {
          double cost = cost(i, k, c, p, interference, receivedPerWatt);
          if (cost < best * (1 - IMPROVEMENT)) {
            best = cost;
            bestPoint = k;
            bestChannel = c;
            bestPower = p;
          }
        }
      }
    }
    boolean changed = bestPoint != point[i] || bestChannel != channel[i] || bestPower != power[i];
    point[i] = bestPoint;
    channel[i] = bestChannel;
    power[i] = bestPower;
    return changed;
  }

  private double cost(
      int i, int k, int c, double p, double[] interference, double[] receivedPerWatt) {
    double transmit = transmitSeconds(i, k, c, p, interference, receivedPerWatt);
    double latency = headSeconds[k] + transmit;
    double energy = headJoules[k] + p * transmit;
    return latency + cfg.beta() * energy;
  }

  private double transmitSeconds(
      int i, int k, int c, double p, double[] interference, double[] receivedPerWatt) {
    if (payloadBits[k] == 0) {
      return 0;
    }
    return payloadBits[k] / uplink.rate(p * receivedPerWatt[i], interference[c]);
  }
}
