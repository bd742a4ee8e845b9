package io.coinfer.mec.sim;

import io.coinfer.mec.profile.DeviceProfile;
import io.coinfer.mec.profile.DeviceProfiles;
import io.coinfer.mec.profile.Net;
import io.coinfer.mec.radio.Uplink;
import java.util.Objects;

/**
 * Every parameter of the MEC system of the paper.
 *
 * @param net the DNN every UE runs
 * @param ues number of UEs, N >= 1
 * @param channels number of uplink sub-channels, C >= 1
 * @param lambda tasks per UE: the Poisson mean of training batches, the exact batch of the test
 *     scenario (paper: 200)
 * @param slotSeconds slot length T, in seconds (paper: 0.5)
 * @param beta weight of energy against latency in the reward (paper: 1)
 * @param bandwidthHz bandwidth W of one sub-channel, in Hz (paper: 1e6)
 * @param pathLossExponent alpha (paper: 3)
 * @param noiseWatts noise power, in watts (paper: 1e-9)
 * @param pmaxWatts the largest transmit power, in watts (paper: 1)
 * @param dminMeters the smallest UE distance, in meters (paper: 1)
 * @param dmaxMeters the largest UE distance, in meters (paper: 100)
 * @param edgeCompute our extension, off in paper-faithful mode: model the edge server's decoder and
 *     tail time (from the profile's edge tail column) with the tasks of all UEs sharing one edge
 *     processor in FIFO order of arrival
 * @param profile per-point costs of the UEs' device
 */
public record ScenarioConfig(
    Net net,
    int ues,
    int channels,
    int lambda,
    double slotSeconds,
    double beta,
    double bandwidthHz,
    double pathLossExponent,
    double noiseWatts,
    double pmaxWatts,
    double dminMeters,
    double dmaxMeters,
    boolean edgeCompute,
    DeviceProfile profile) {

  /** The raw-image size, 3x224x224 at 8 bits: the bits scale of the normalised state. */
  public static final double RAW_IMAGE_BITS = 1_204_224;

  /** Validates every parameter; the messages name the parameter and its unit. */
  public ScenarioConfig {
    Objects.requireNonNull(net, "net");
    Objects.requireNonNull(profile, "profile");
    requirePositive(ues, "ues");
    requirePositive(channels, "channels");
    requirePositive(lambda, "lambda (tasks per UE)");
    requirePositive(slotSeconds, "slot length T (s)");
    requireBeta("beta", beta);
    requirePositive(pmaxWatts, "pmax (W)");
    requirePositive(dminMeters, "dmin (m)");
    requirePositive(dmaxMeters, "dmax (m)");
    if (dmaxMeters <= dminMeters) {
      throw new IllegalArgumentException(
          "dmax (" + dmaxMeters + " m) must be greater than dmin (" + dminMeters + " m)");
    }
    new Uplink(bandwidthHz, pathLossExponent, noiseWatts); // validates the radio parameters
    profile.points(net); // fails clearly when the profile lacks the net
    if (edgeCompute && !profile.hasEdgeTailTimes(net)) {
      throw new IllegalArgumentException(
          "the edge-compute option needs edge_tail_seconds for points 0..4 of "
              + net
              + ", and profile '"
              + profile.name()
              + "' has none; load a profile measured with edge times");
    }
  }

  /**
   * Checks an energy weight: a finite number >= 0 (0 weighs latency alone).
   *
   * @param name the setting's name, for the message
   * @param beta the weight, J against s
   * @return beta
   * @throws IllegalArgumentException naming the setting otherwise
   */
  public static double requireBeta(String name, double beta) {
    if (!(beta >= 0) || Double.isInfinite(beta)) {
      throw new IllegalArgumentException(name + " must be a finite number >= 0, got " + beta);
    }
    return beta;
  }

  /**
   * The paper's defaults: lambda 200, T 0.5 s, beta 1, W 1 MHz, alpha 3, noise 1e-9 W, pmax 1 W,
   * dmin 1 m, dmax 100 m, the Jetson Nano profile, edge compute off.
   *
   * @param net the net
   * @param ues number of UEs (paper: 5)
   * @param channels number of sub-channels (paper: 2)
   * @return the configuration
   */
  public static ScenarioConfig paperDefaults(Net net, int ues, int channels) {
    return new ScenarioConfig(
        net,
        ues,
        channels,
        200,
        0.5,
        1.0,
        1e6,
        3.0,
        1e-9,
        1.0,
        1.0,
        100.0,
        false,
        DeviceProfiles.jetsonNano());
  }

  /**
   * @return the uplink model of these parameters
   */
  public Uplink uplink() {
    return new Uplink(bandwidthHz, pathLossExponent, noiseWatts);
  }

  /**
   * @return the time scale of the normalised state: this net's full-local time on the profile's
   *     device, in seconds
   */
  public double fullLocalSeconds() {
    return profile.fullLocalSeconds(net);
  }

  /**
   * @return the slot cap of a training episode as published, {@code floor(lambda * 0.15 / T)}
   */
  public int trainingSlotCap() {
    return Math.max(1, (int) (lambda * 0.15 / slotSeconds));
  }

  /**
   * @param tasks tasks per UE
   * @return this configuration with another lambda
   */
  public ScenarioConfig withLambda(int tasks) {
    return copy(tasks, beta, edgeCompute, profile);
  }

  /**
   * @param weight the weight of energy against latency in the reward (seconds per joule)
   * @return this configuration with another beta
   */
  public ScenarioConfig withBeta(double weight) {
    return copy(lambda, weight, edgeCompute, profile);
  }

  /**
   * @param deviceProfile the profile
   * @param edge whether the edge-compute option is on
   * @return this configuration with another profile and edge-compute setting
   */
  public ScenarioConfig withProfile(DeviceProfile deviceProfile, boolean edge) {
    return copy(lambda, beta, edge, deviceProfile);
  }

  /** A copy with the fields the withers change, the others kept. */
  private ScenarioConfig copy(int tasks, double weight, boolean edge, DeviceProfile deviceProfile) {
    return new ScenarioConfig(
        net,
        ues,
        channels,
        tasks,
        slotSeconds,
        weight,
        bandwidthHz,
        pathLossExponent,
        noiseWatts,
        pmaxWatts,
        dminMeters,
        dmaxMeters,
        edge,
        deviceProfile);
  }

  private static void requirePositive(double value, String name) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " must be a finite number > 0, got " + value);
    }
  }
}
