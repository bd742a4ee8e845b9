package io.coinfer.mahppo.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JavaPolicyTest {

  @ParameterizedTest
  @CsvSource({
    "false, false, 0, false",
    "true, false, 0, false",
    "false, false, 7, false",
    "true, false, 7, false",
    "false, true, 0, false",
    "false, true, 7, false",
    "false, false, 7, true",
    "true, false, 7, true",
    "false, true, 7, true"
  })
  void shouldMatchTheDjlNetworksThatTrainIt(
      boolean shared, boolean autoregressive, int powerLevels, boolean betaInput) {
    // Given random weights (per-UE actors, autoregressive or not, or one shared actor; a Gaussian
    // or a categorical power head; reading beta or not) and a random state of 5 UEs
    PolicyShape shape =
        new PolicyShape(
            5,
            2,
            shared,
            8,
            true,
            List.of(32, 16),
            8,
            List.of(16, 8),
            false,
            powerLevels,
            autoregressive,
            betaInput);
    PolicyWeights w = PolicyWeights.initialise(shape, false, new Random(5));
    Features f = new Features(shape, 5, 1.0);
    f.setBeta(0.3);
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

    // When both evaluate it (the Java side drawing each place's action, which autoregressive
    // actors write into the later places' rows that the DJL side then reads)
    JavaPolicy java = new JavaPolicy(w, 5, 1.0);
    JavaPolicy.ActorOutputs out = java.newOutputs();
    Random draws = new Random(7);
    java.act(in, out, (o, k) -> o.chooseSample(k, draws));
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
    PolicyShape shape =
        new PolicyShape(2, 2, true, 4, false, List.of(16), 8, List.of(8), false, 0, false, false);
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
        new PolicyShape(2, 2, true, 10, false, List.of(16), 8, List.of(8), false, 0, false, false);
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

  @Test
  void shouldShowEachAutoregressiveActorTheChoicesOfThePlacesBeforeItsOwnAndNoOthers() {
    // Given autoregressive actors for 3 UEs with a categorical power head of 5 levels
    PolicyShape shape =
        new PolicyShape(3, 2, false, 3, false, List.of(16), 8, List.of(8), false, 5, true, false);
    PolicyWeights w = PolicyWeights.initialise(shape, false, new Random(3));
    Features f = new Features(shape, 3, 2.0);
    float[] ue = new float[shape.globalFeatures()];
    f.ueFeatures(
        new double[] {1, 0.5, 0, 0.1, 1, 0.5, 0, 0.4, 1, 0.5, 0, 0.7},
        new int[3],
        new int[3],
        new double[3],
        ue);
    float[] in = new float[f.actorRows() * shape.actorInput()];
    f.actorInput(ue, in);
    JavaPolicy java = new JavaPolicy(w, 3, 2.0);
    JavaPolicy.ActorOutputs out = java.newOutputs();
    int[][] chosen = {{4, 1, 4}, {2, 0, 1}, {0, 1, 0}};

    // When the places choose given actions in turn
    java.act(in, out, (o, k) -> o.choose(k, chosen[k][0], chosen[k][1], chosen[k][2] * 0.5));
    float[] secondsLogits = out.pointLogits[1].clone();

    // Then row u holds the UEs' features and one block per earlier place: one-hot point, one-hot
    // sub-channel, power / pmax; the blocks of its own and later places stay zero
    int g = shape.globalFeatures();
    int c = shape.choiceFeatures();
    for (int row = 0; row < 3; row++) {
      int o = row * shape.actorInput();
      for (int k = 0; k < g; k++) {
        assertThat(in[o + k]).isEqualTo(ue[k]);
      }
      for (int place = 0; place < 3; place++) {
        float[] block = Arrays.copyOfRange(in, o + g + place * c, o + g + (place + 1) * c);
        float[] expected = new float[c];
        if (place < row) {
          expected[chosen[place][0]] = 1f;
          expected[PolicyShape.POINTS + chosen[place][1]] = 1f;
          expected[PolicyShape.POINTS + 2] = chosen[place][2] * 0.25f;
        }
        assertThat(block).as("row %d, place %d", row, place).containsExactly(expected);
      }
    }

    // And another first choice changes what the second actor sees, and so its distribution
    f.actorInput(ue, in);
    chosen[0][0] = 1;
    java.act(in, out, (o, k) -> o.choose(k, chosen[k][0], chosen[k][1], chosen[k][2] * 0.5));
    assertThat(out.pointLogits[1]).isNotEqualTo(secondsLogits);
  }

  @Test
  void shouldWidenIndependentActorsIntoAutoregressiveOnesThatActAsTheyDid() {
    // Given independent per-UE actors for 3 UEs and their autoregressive widening
    PolicyShape shape =
        new PolicyShape(3, 2, false, 3, false, List.of(16), 8, List.of(8), false, 5, false, false);
    PolicyWeights independent = PolicyWeights.initialise(shape, false, new Random(4));
    PolicyWeights widened = independent.asAutoregressive();
    double[] state = {1, 0.5, 0, 0.1, 1, 0.2, 0.3, 0.4, 0.6, 0.5, 0, 0.7};
    int[][] chosen = {{4, 1, 4}, {2, 0, 1}, {0, 1, 0}};

    // When both act on the same state, the autoregressive places seeing the choices before them
    float[][][] logits = new float[2][][];
    for (PolicyWeights w : List.of(independent, widened)) {
      Features f = new Features(w.shape(), 3, 2.0);
      float[] ue = new float[w.shape().globalFeatures()];
      f.ueFeatures(state, new int[3], new int[3], new double[3], ue);
      float[] in = new float[f.actorRows() * w.shape().actorInput()];
      f.actorInput(ue, in);
      JavaPolicy java = new JavaPolicy(w, 3, 2.0);
      JavaPolicy.ActorOutputs out = java.newOutputs();
      java.act(in, out, (o, k) -> o.choose(k, chosen[k][0], chosen[k][1], chosen[k][2] * 0.5));
      logits[w == independent ? 0 : 1] =
          new float[][] {
            out.pointLogits[1].clone(), out.channelLogits[2].clone(), out.powerLogits[2].clone()
          };
    }

    // Then the widened actors read the choices (a wider first layer) and give the same logits
    assertThat(widened.shape()).isEqualTo(shape.asAutoregressive());
    assertThat(widened.get("actor.trunk0.w").shape())
        .containsExactly(3, shape.globalFeatures() + 3 * shape.choiceFeatures(), 16);
    for (int head = 0; head < 3; head++) {
      assertThat(logits[1][head]).containsExactly(logits[0][head]);
    }
  }

  @ParameterizedTest
  @CsvSource({"false, false", "false, true", "true, false"})
  void shouldWidenAnyActorsIntoBetaReadingOnesThatActAndValueAsTheyDidAtEveryBeta(
      boolean shared, boolean autoregressive) {
    // Given actors for 3 UEs that do not read beta, and their widening that does
    PolicyShape shape =
        new PolicyShape(
            3, 2, shared, 3, true, List.of(16), 8, List.of(8), false, 5, autoregressive, false);
    PolicyWeights plain = PolicyWeights.initialise(shape, false, new Random(4));
    PolicyWeights widened = plain.withBetaInput();
    double[] state = {1, 0.5, 0, 0.1, 1, 0.2, 0.3, 0.4, 0.6, 0.5, 0, 0.7};

    // When each acts at beta 0.2 and 0.9, and the widened one also after its beta row is set
    float[] before = outputs(plain, state, 0.2);
    float[] low = outputs(widened, state, 0.2);
    float[] high = outputs(widened, state, 0.9);
    String first = "actor.trunk0.w";
    float[] w = widened.get(first).data();
    int cols = widened.get(first).shape()[2];
    Arrays.fill(
        w, widened.shape().betaColumn() * cols, (widened.shape().betaColumn() + 1) * cols, 1f);
    float[] readLow = outputs(widened, state, 0.2);
    float[] readHigh = outputs(widened, state, 0.9);

    // Then the widened networks read beta at its column (one more input row in the first layers)
    assertThat(widened.shape()).isEqualTo(shape.withBetaInput());
    assertThat(widened.get(first).shape()[1]).isEqualTo(shape.actorInput() + 1);
    assertThat(widened.get("critic.l0.w").shape()[0]).isEqualTo(shape.globalFeatures() + 1);
    // and act and value exactly as before at any beta until trained to read it
    assertThat(low).containsExactly(before);
    assertThat(high).containsExactly(before);
    // and once their beta row is not zero, beta changes what they do
    assertThat(readLow).isNotEqualTo(readHigh);
  }

  /** Every place's logits (the choices fixed) and the critic's value at a beta, concatenated. */
  private static float[] outputs(PolicyWeights w, double[] state, double beta) {
    Features f = new Features(w.shape(), 3, 2.0);
    f.setBeta(beta);
    float[] ue = new float[f.length()];
    f.ueFeatures(state, new int[] {5, 1, 0}, new int[] {0, 1, 1}, new double[] {1, 0.5, 2}, ue);
    float[] in = new float[f.actorRows() * w.shape().actorInput()];
    f.actorInput(ue, in);
    if (w.shape().betaInput()) {
      for (int row = 0; row < f.actorRows(); row++) {
        assertThat(in[row * w.shape().actorInput() + w.shape().betaColumn()])
            .isEqualTo((float) Math.log10(beta));
      }
    }
    JavaPolicy java = new JavaPolicy(w, 3, 2.0);
    JavaPolicy.ActorOutputs out = java.newOutputs();
    int[][] chosen = {{4, 1, 4}, {2, 0, 1}, {0, 1, 0}};
    java.act(in, out, (o, k) -> o.choose(k, chosen[k][0], chosen[k][1], chosen[k][2] * 0.5));
    float[] all = new float[0];
    for (int k = 0; k < 3; k++) {
      all = concat(all, out.pointLogits[k], out.channelLogits[k], out.powerLogits[k]);
    }
    return concat(all, new float[] {(float) java.value(ue)});
  }

  private static float[] concat(float[] head, float[]... tails) {
    float[] all = head;
    for (float[] t : tails) {
      int n = all.length;
      all = Arrays.copyOf(all, n + t.length);
      System.arraycopy(t, 0, all, n, t.length);
    }
    return all;
  }
}
