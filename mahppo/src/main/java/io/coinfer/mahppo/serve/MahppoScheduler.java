package io.coinfer.mahppo.serve;

import io.coinfer.mahppo.config.MahppoConfig.PowerScale;
import io.coinfer.mahppo.policy.Features;
import io.coinfer.mahppo.policy.JavaPolicy;
import io.coinfer.mahppo.policy.JavaPolicy.ActorOutputs;
import io.coinfer.mahppo.policy.PolicyWeights;
import io.coinfer.mec.schedule.Scheduler;
import io.coinfer.mec.schedule.SchedulingContext;
import io.coinfer.mec.schedule.UeContext;
import io.coinfer.mec.sim.Action;
import io.coinfer.mec.sim.ScenarioConfig;
import java.util.SplittableRandom;

/**
 * A {@link Scheduler} that serves MAHPPO's actors: deterministic by default (the most likely point
 * and sub-channel, the mean power), or sampled from the policy on request. The actors run in plain
 * Java ({@link JavaPolicy}); no native memory is held. A beta-conditioned policy ({@link
 * io.coinfer.mahppo.policy.PolicyShape#betaInput()}) is served the scenario's beta.
 */
public final class MahppoScheduler implements Scheduler {

  private final String id;
  private final ScenarioConfig cfg;
  private final PowerScale powerScale;
  private final boolean sampled;
  private final long baseSeed;
  private final Features features;
  private final JavaPolicy policy;
  private final ActorOutputs outputs;
  private final int[] point;
  private final int[] channel;
  private final double[] power;
  private final float[] ueFeatures;
  private final float[] actorInput;
  private SplittableRandom random;

  /**
   * Creates a scheduler over weights.
   *
   * @param id the spec this scheduler answers to, e.g. {@code mahppo:/tmp/run}
   * @param weights the trained weights (read live)
   * @param powerScale how the power head's output maps to watts (the trained config's)
   * @param cfg the system served; its UE count must fit the policy; a beta-conditioned policy reads
   *     its beta
   * @param sampled sample actions instead of taking the most likely ones
   * @param seed seed of the sampling
   */
  public MahppoScheduler(
      String id,
      PolicyWeights weights,
      PowerScale powerScale,
      ScenarioConfig cfg,
      boolean sampled,
      long seed) {
    if (cfg.channels() != weights.shape().channels()) {
      throw new IllegalArgumentException(
          "policy "
              + id
              + " was trained for "
              + weights.shape().channels()
              + " sub-channels, the scenario has "
              + cfg.channels());
    }
    this.id = id;
    this.cfg = cfg;
    this.powerScale = powerScale;
    this.sampled = sampled;
    this.baseSeed = seed;
    int n = cfg.ues();
    this.features = new Features(weights.shape(), n, cfg.pmaxWatts());
    if (weights.shape().betaInput()) {
      features.setBeta(cfg.beta());
    }
    this.policy = new JavaPolicy(weights, n, cfg.pmaxWatts());
    this.outputs = policy.newOutputs();
    point = new int[n];
    channel = new int[n];
    power = new double[n];
    ueFeatures = new float[features.length()];
    actorInput = new float[features.actorRows() * weights.shape().actorInput()];
    random = new SplittableRandom(seed);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public void reset(long seed) {
    random = new SplittableRandom(baseSeed ^ seed);
  }

  @Override
  public Action[] decide(SchedulingContext ctx) {
    int n = cfg.ues();
    for (int u = 0; u < n; u++) {
      UeContext ue = ctx.ues().get(u);
      point[u] = ue.pending().point();
      channel[u] = ue.pending().channel();
      power[u] = ue.pending().powerWatts();
    }
    features.ueFeatures(ctx.state(), point, channel, power, ueFeatures);
    features.actorInput(ueFeatures, actorInput);
    if (sampled) {
      policy.act(actorInput, outputs, (o, k) -> o.chooseSample(k, random));
    } else {
      policy.act(actorInput, outputs, ActorOutputs::chooseMode);
    }
    Action[] actions = new Action[n];
    for (int k = 0; k < n; k++) {
      double w = powerScale.watts(outputs.power[k], cfg.pmaxWatts());
      actions[features.ueAt(k)] = new Action(outputs.point[k], outputs.channel[k], w);
    }
    return actions;
  }
}
