package io.coinfer.mahppo.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JavaPolicyTest {

  @ParameterizedTest
  @CsvSource({"false, 0", "true, 0", "false, 7", "true, 7"})
  void shouldMatchTheDjlNetworksThatTrainIt(boolean shared, int powerLevels) {
    // Given random weights (per-UE actors, or one shared actor; a Gaussian or a categorical power
    // head) and a random state of 5 UEs
    PolicyShape shape =
        new PolicyShape(
            5, 2, shared, 8, true, List.of(32, 16), 8, List.of(16, 8), false, powerLevels);
    PolicyWeights w = PolicyWeights.initialise(shape, false, new Random(5));
    Features f = new Features(shape, 5, 1.0);
    double[] state = new double[20];
    Random r = new Random(6);
    for (int i = 0; i < state.length; i++) {
      state[i] = r.nextDouble();
    }
    float[] ue = new float[shape.globalFeatures()];
    f.ueFeatures(
        state,
        new int[] {0, 1, 2, 3, 5},
        new int[] {0, 1, 0, 1, 0},
        new double[] {0.1, 0.2, 0.3, 0.4, 1.0},
        ue);
    float[] in = new float[f.actorRows() * shape.actorInput()];
    f.actorInput(ue, in);

    // When both evaluate it
    JavaPolicy java = new JavaPolicy(w, 5, 1.0);
    JavaPolicy.ActorOutputs out = java.newOutputs();
    java.act(in, out);
    try (NDManager m = NDManager.newBaseManager();
        DjlNetworks djl = new DjlNetworks(w, m)) {
      var heads = djl.actors(m.create(in, new Shape(f.actorRows(), shape.actorInput())), 1, 1.0);
      float v = djl.values(m.create(ue, new Shape(1, ue.length))).getFloat(0);

      // Then they agree on every head of every UE and on the value
      for (int u = 0; u < 5; u++) {
        float[] p = heads.pointLogp().get(u).toFloatArray();
        for (int k = 0; k < 6; k++) {
          assertThat(out.pointLogits[u][k]).isCloseTo(p[k], within(1e-5f));
        }
        float[] c = heads.channelLogp().get(u).toFloatArray();
        assertThat(out.channelLogits[u][1]).isCloseTo(c[1], within(1e-5f));
        if (powerLevels > 0) {
          float[] levels = heads.powerLogp().get(u).toFloatArray();
          assertThat(levels).hasSize(powerLevels);
          for (int k = 0; k < powerLevels; k++) {
            assertThat(out.powerLogits[u][k]).isCloseTo(levels[k], within(1e-5f));
          }
        } else {
          assertThat(out.powerMean[u]).isCloseTo(heads.powerMean().getFloat(u, 0), within(1e-5f));
          assertThat(out.powerStd[u]).isCloseTo(heads.powerStd().getFloat(u, 0), within(1e-5f));
        }
      }
      assertThat((float) java.value(ue)).isCloseTo(v, within(1e-5f));
    }
  }

  @Test
  void shouldGiveASharedActorTheSameDistributionForTwoUesInTheSameSituationExceptTheIndex() {
    // Given a shared actor and two UEs with identical features
    PolicyShape shape = new PolicyShape(2, 2, true, 4, false, List.of(16), 8, List.of(8), false, 0);
    PolicyWeights w = PolicyWeights.initialise(shape, false, new Random(1));
    Features f = new Features(shape, 2, 1.0);
    float[] ue = new float[shape.globalFeatures()];
    f.ueFeatures(
        new double[] {0.5, 0.1, 0, 0.2, 0.5, 0.1, 0, 0.2},
        new int[2],
        new int[2],
        new double[2],
        ue);
    float[] in = new float[2 * shape.actorInput()];

    // When the actor input rows are built
    f.actorInput(ue, in);

    // Then they differ only in the one-hot index
    int diff = 0;
    for (int k = 0; k < shape.actorInput(); k++) {
      if (in[k] != in[shape.actorInput() + k]) {
        diff++;
      }
    }
    assertThat(diff).isEqualTo(2);
  }

  @Test
  void shouldPutEachUesOneHotIndexInItsAssignedSlot() {
    // Given a shared actor for up to 10 UEs serving 2, with UE 0 in slot 7 and UE 1 in slot 2
    PolicyShape shape =
        new PolicyShape(2, 2, true, 10, false, List.of(16), 8, List.of(8), false, 0);
    Features f = new Features(shape, 2, 1.0);
    f.assignIndexSlots(new int[] {7, 2});
    float[] ue = new float[shape.globalFeatures()];
    float[] in = new float[2 * shape.actorInput()];

    // When the actor rows are built
    f.actorInput(ue, in);

    // Then the index block of each row has its one 1 in the assigned slot
    int start = 2 * shape.ueFeatures();
    assertThat(in[start + 7]).isEqualTo(1f);
    assertThat(in[shape.actorInput() + start + 2]).isEqualTo(1f);
    float sum = 0;
    for (float v : in) {
      sum += v;
    }
    assertThat(sum).isEqualTo(2f);
  }
}
