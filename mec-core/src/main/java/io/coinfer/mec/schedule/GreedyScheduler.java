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
 * the UEs go round until nobody changes (a fixed point) or {@value #MAX_ROUNDS} rounds.
 *
 * <p>The next task's cost at point k, sub-channel c and power p: {@code latency = head_s(k) +
 * payload(k) / rate} and {@code energy = head_w(k) head_s(k) + p payload(k) / rate}, where the rate
 * sees as interference every other active UE that chose c and a point that transmits (0..4),
 * weighted by the share of its own task time it spends transmitting. Powers come from a grid of
 * pmax x {1, 1/2, 1/5, 1/10, 1/20, 1/50, 1/100}. The choices carry over from slot to slot.
 */
public final class GreedyScheduler implements Scheduler {

  /** The bound on best-response rounds per slot. */
  public static final int MAX_ROUNDS = 10;

  private final ScenarioConfig cfg;
  private final Uplink uplink;
  private final double[] powers;
  private final double[] headSeconds = new double[Net.POINTS];
  private final double[] headJoules = new double[Net.POINTS];
  private final double[] payloadBits = new double[Net.POINTS];
  private final int[] point;
  private final int[] channel;
  private final double[] power;
  private final double[] duty;
  private boolean initialised;

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
    duty = new double[n];
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
        duty[i] = 0;
      }
      initialised = true;
    }
    for (int round = 0; round < MAX_ROUNDS; round++) {
      boolean changed = false;
      for (int i = 0; i < n; i++) {
        if (active[i] && bestResponse(i, receivedPerWatt, active)) {
          changed = true;
        }
      }
      if (!changed) {
        break;
      }
    }
    Action[] actions = new Action[n];
    for (int i = 0; i < n; i++) {
      actions[i] = new Action(point[i], channel[i], power[i]);
    }
    return actions;
  }

  /** Moves UE i to its best response; returns whether its choice changed. */
  private boolean bestResponse(int i, double[] receivedPerWatt, boolean[] active) {
    double[] interference = new double[cfg.channels()];
    for (int j = 0; j < point.length; j++) {
      if (j != i && active[j] && point[j] != Net.LOCAL_POINT) {
        interference[channel[j]] += power[j] * receivedPerWatt[j] * duty[j];
      }
    }
    double best = cost(i, point[i], channel[i], power[i], interference, receivedPerWatt);
    int bestPoint = point[i];
    int bestChannel = channel[i];
    double bestPower = power[i];
    for (int k = 0; k < Net.POINTS; k++) {
      for (int c = 0; c < cfg.channels(); c++) {
        for (double p : powers) {
          double cost = cost(i, k, c, p, interference, receivedPerWatt);
          if (cost < best * (1 - 1e-9)) {
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
    double transmit =
        transmitSeconds(i, bestPoint, bestChannel, bestPower, interference, receivedPerWatt);
    double total = headSeconds[bestPoint] + transmit;
    duty[i] = total > 0 ? transmit / total : 0;
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
