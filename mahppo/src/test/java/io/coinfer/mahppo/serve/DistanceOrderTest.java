package io.coinfer.mahppo.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.coinfer.mahppo.config.MahppoConfig;
import io.coinfer.mahppo.config.MahppoConfig.PowerScale;
import io.coinfer.mahppo.policy.Features;
import io.coinfer.mahppo.policy.PolicyShape;
import io.coinfer.mahppo.policy.PolicyWeights;
import io.coinfer.mec.profile.Net;
import io.coinfer.mec.schedule.SchedulingContext;
import io.coinfer.mec.sim.Action;
import io.coinfer.mec.sim.EpisodeSetup;
import io.coinfer.mec.sim.MecEnvironment;
import io.coinfer.mec.sim.Scenario;
import io.coinfer.mec.sim.ScenarioConfig;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The distance order: UEs handed to the actors nearest first, ties by index. */
class DistanceOrderTest {

  private static final ScenarioConfig CFG = ScenarioConfig.paperDefaults(Net.MOBILENETV2, 5, 2);

  private static PolicyShape shape(boolean distanceOrder) {
    return MahppoConfig.recommended().toBuilder()
        .distanceOrder(distanceOrder)
        .build()
        .policyShape(5, 2);
  }

  @Test
  void shouldPlaceTheNearestUeFirstAndKeepIndexOrderOnTies() {
    // Given normalised distances 0.5, 0.2, 0.5, 0.1, 0.9 (the 4th number of each UE)
    PolicyShape shape = shape(true);
    Features f = new Features(shape, 5, 1.0);
    double[] distance = {0.5, 0.2, 0.5, 0.1, 0.9};
    double[] state = new double[20];
    for (int u = 0; u < 5; u++) {
      state[4 * u] = 0.1 * (u + 1);
      state[4 * u + 3] = distance[u];
    }
    float[] out = new float[shape.globalFeatures()];

    // When the features are built
    f.ueFeatures(state, new int[5], new int[5], new double[5], out);

    // Then places hold UEs 3, 1, 0, 2, 4, each with its own numbers
    int[] order = new int[5];
    for (int k = 0; k < 5; k++) {
      order[k] = f.ueAt(k);
      assertThat(out[k * shape.ueFeatures()]).isEqualTo((float) state[4 * order[k]]);
    }
    assertThat(order).containsExactly(3, 1, 0, 2, 4);
  }

  @Test
  void shouldGiveASharedActorRankSlotsSpreadOverItsIndex() {
    // Given a distance-ordered shared actor for up to 100 UEs, serving 20 UEs at distances that
    // fall with the index, and the same actor by index
    PolicyShape ranked =
        MahppoConfig.recommended().toBuilder()
            .sharedActor(true, 100)
            .distanceOrder(true)
            .build()
            .policyShape(20, 2);
    PolicyShape byIndex =
        MahppoConfig.recommended().toBuilder().sharedActor(true, 100).build().policyShape(20, 2);
    double[] state = new double[80];
    for (int u = 0; u < 20; u++) {
      state[4 * u] = 1;
      state[4 * u + 3] = 1 - u / 20.0;
    }

    // When the actor inputs are built
    int[] rankedSlots = slots(ranked, state);
    int[] indexSlots = slots(byIndex, state);

    // Then the nearest UE (19) has slot 2 and the farthest (0) slot 97, every fifth slot between;
    // by index UE u has slot u
    for (int k = 0; k < 20; k++) {
      assertThat(rankedSlots[19 - k]).isEqualTo(5 * k + 2);
      assertThat(indexSlots[k]).isEqualTo(k);
    }
  }

  /** The one-hot index slot of each UE's actor input row. */
  private static int[] slots(PolicyShape shape, double[] state) {
    int n = state.length / 4;
    Features f = new Features(shape, n, 1.0);
    float[] ue = new float[n * shape.ueFeatures()];
    f.ueFeatures(state, new int[n], new int[n], new double[n], ue);
    float[] in = new float[n * shape.actorInput()];
    f.actorInput(ue, in);
    int[] slot = new int[n];
    for (int k = 0; k < n; k++) {
      int first = k * shape.actorInput() + 2 * shape.ueFeatures();
      for (int s = 0; s < shape.maxUes(); s++) {
        if (in[first + s] == 1f) {
          slot[f.ueAt(k)] = s;
        }
      }
    }
    return slot;
  }

  @Test
  void shouldGiveAPermutedFleetThePermutedDecisions() {
    // Given random weights and an episode, and the same episode with its UEs listed in another
    // order
    double[] distances = {80, 20, 55, 35, 95};
    int[] tasks = {200, 150, 180, 120, 160};
    int[] perm = {2, 4, 0, 1, 3}; // UE i of the second fleet is UE perm[i] of the first
    EpisodeSetup first = setup(distances, tasks, new int[] {0, 1, 2, 3, 4});
    EpisodeSetup second = setup(distances, tasks, perm);

    // When both are scheduled for a few slots by a distance-ordered and by an index-ordered policy
    int ordered = mismatches(shape(true), first, second, perm);
    int byIndex = mismatches(shape(false), first, second, perm);

    // Then the distance-ordered policy decides the same for each UE wherever it is listed
    assertThat(ordered).isZero();
    assertThat(byIndex).isPositive();
  }

  /** UEs listed in the order {@code perm}; initial actions spread over points and sub-channels. */
  private static EpisodeSetup setup(double[] distances, int[] tasks, int[] perm) {
    int n = perm.length;
    double[] d = new double[n];
    int[] t = new int[n];
    Action[] a = new Action[n];
    for (int i = 0; i < n; i++) {
      int u = perm[i];
      d[i] = distances[u];
      t[i] = tasks[u];
      a[i] = new Action(u % 6, u % 2, 0.1 * (u + 1));
    }
    return new EpisodeSetup(d, t, a);
  }

  /** Decisions (over 6 slots) for which the second fleet's UE differs from its first-fleet twin. */
  private static int mismatches(
      PolicyShape shape, EpisodeSetup first, EpisodeSetup second, int[] perm) {
    PolicyWeights w = PolicyWeights.initialise(shape, false, new Random(11));
    MahppoScheduler a = new MahppoScheduler("a", w, PowerScale.LOG, CFG, false, 0);
    MahppoScheduler b = new MahppoScheduler("b", w, PowerScale.LOG, CFG, false, 0);
    MecEnvironment envA = new MecEnvironment(CFG, Scenario.TEST);
    MecEnvironment envB = new MecEnvironment(CFG, Scenario.TEST);
    envA.reset(first);
    envB.reset(second);
    int mismatches = 0;
    for (int slot = 0; slot < 6 && !envA.done(); slot++) {
      Action[] da = a.decide(SchedulingContext.of(envA));
      Action[] db = b.decide(SchedulingContext.of(envB));
      for (int i = 0; i < perm.length; i++) {
        if (!db[i].equals(da[perm[i]])) {
          mismatches++;
        }
      }
      envA.step(da);
      envB.step(db);
    }
    return mismatches;
  }
}
