package io.coinfer.mec.testing;

import io.coinfer.mec.profile.DeviceProfile;
import io.coinfer.mec.profile.DeviceProfiles;
import io.coinfer.mec.profile.Net;
import io.coinfer.mec.sim.ScenarioConfig;
import java.io.StringReader;

/** A small made-up device whose numbers are easy to work by hand (used only in tests). */
public final class TestProfiles {

  /**
   * resnet18 rows: point 0 sends 3,000,000 bits; point 1 computes 0.5 s at 2 W then sends 400,000
   * bits (12,800,000 / 32); point 5 computes 0.25 s at 4 W. Edge tail: 0.3 s at point 0, 0.5 s at
   * point 1.
   */
  public static final String HAND_WORKED_CSV =
      """
      net,point,feature_bits,compression_rate,head_seconds,head_watts,head_joules,edge_tail_seconds
      resnet18,0,3000000,1,0,0,0,0.3
      resnet18,1,12800000,32,0.5,2,1,0.5
      resnet18,2,6400000,32,0.6,2,1.2,0.4
      resnet18,3,3200000,32,0.7,2,1.4,0.3
      resnet18,4,1600000,32,0.8,2,1.6,0.2
      resnet18,5,0,1,0.25,4,1,
      """;

  private TestProfiles() {}

  /**
   * @return the hand-worked profile
   */
  public static DeviceProfile handWorked() {
    return DeviceProfiles.parse(new StringReader(HAND_WORKED_CSV), "hand-worked");
  }

  /**
   * Two UEs, two sub-channels, T = 1 s, beta 1, W = 1 MHz, noise 1 W, pmax 3 W, distances in [0.5,
   * 2] m: at 1 m a UE's SNR is simply its power in watts.
   *
   * @param edgeCompute whether the edge-compute option is on
   * @return the configuration
   */
  public static ScenarioConfig handWorked(boolean edgeCompute) {
    return new ScenarioConfig(
        Net.RESNET18, 2, 2, 2, 1.0, 1.0, 1e6, 3.0, 1.0, 3.0, 0.5, 2.0, edgeCompute, handWorked());
  }
}
