package io.coinfer.splitnn.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import io.coinfer.splitnn.codec.CodecInfo;
import io.coinfer.splitnn.codec.CodecSpec;
import io.coinfer.splitnn.codec.FeatureCodec;
import io.coinfer.splitnn.data.DataSplit;
import io.coinfer.splitnn.data.SyntheticShapes;
import io.coinfer.splitnn.model.Architecture;
import io.coinfer.splitnn.model.DjlSplitModel;
import io.coinfer.splitnn.model.InputSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingSmokeTest {

  private static final DataSplit DATA = SyntheticShapes.generate(4, 2, 32, 3);

  private static List<float[]> snapshot(Iterable<Parameter> parameters) {
    List<float[]> out = new ArrayList<>();
    for (Parameter p : parameters) {
      out.add(p.getArray().toFloatArray());
    }
    return out;
  }

  private static List<Parameter> parameters(ai.djl.nn.Block block) {
    List<Parameter> out = new ArrayList<>();
    block.getParameters().values().forEach(out::add);
    return out;
  }

  private static boolean changed(List<float[]> before, List<Parameter> after) {
    for (int i = 0; i < before.size(); i++) {
      if (!java.util.Arrays.equals(before.get(i), after.get(i).getArray().toFloatArray())) {
        return true;
      }
    }
    return false;
  }

  @Test
  void shouldUpdateBackboneWeightsAndReportFiniteLossWhenTrainingAFewBatches() {
    // Given a fresh resnet18 and a tiny synthetic set
    Engine.getInstance().setRandomSeed(1);
    try (DjlSplitModel model =
        DjlSplitModel.create(
            "smoke", Architecture.RESNET18, InputSpec.rgb(32), SyntheticShapes.CLASSES)) {
      List<Parameter> params = parameters(model.block());
      List<float[]> before = snapshot(params);
      // When it trains for three minibatches
      List<EpochStats> stats =
          BackboneTrainer.train(
              model, DATA, new TrainSettings(1, 8, 1e-3f, 0, 1, 3, true), TrainingObserver.NONE);
      // Then the loss is finite, accuracy is a fraction and the weights moved
      assertThat(stats).hasSize(1);
      assertThat(stats.get(0).trainLoss()).isFinite().isPositive();
      assertThat(stats.get(0).testTop1()).isBetween(0.0, 1.0);
      assertThat(changed(before, params)).isTrue();
    }
  }

  @Test
  void shouldTrainOnlyTheCodecWhenTheBackboneIsFrozenAndBothWhenFinetuning() {
    // Given a mobilenetv2 and its paper-default codec at point 2
    Engine.getInstance().setRandomSeed(2);
    try (DjlSplitModel model =
            DjlSplitModel.create(
                "smoke", Architecture.MOBILENETV2, InputSpec.rgb(32), SyntheticShapes.CLASSES);
        FeatureCodec codec = codecAt(model, 2)) {
      List<Parameter> backbone = parameters(model.block());
      List<Parameter> codecParams = parameters(codec.block());
      List<float[]> backboneBefore = snapshot(backbone);
      List<float[]> codecBefore = snapshot(codecParams);
      // When the codec trains for two minibatches with the backbone frozen
      List<EpochStats> stats =
          CodecTrainer.train(
              model,
              codec,
              DATA,
              0.1f,
              new TrainSettings(1, 8, 1e-3f, 0, 1, 2, false),
              TrainingObserver.NONE);
      // Then only the codec moved
      assertThat(stats.get(0).trainLoss()).isFinite().isPositive();
      assertThat(changed(codecBefore, codecParams)).isTrue();
      assertThat(changed(backboneBefore, backbone)).isFalse();
      // And when fine-tuning the whole backbone, the backbone moves too
      CodecTrainer.finetune(
          model,
          codec,
          DATA,
          CodecTrainer.FinetuneScope.ALL,
          false,
          new TrainSettings(1, 8, 1e-4f, 0, 1, 2, false),
          null,
          TrainingObserver.NONE);
      assertThat(changed(backboneBefore, backbone)).isTrue();
    }
  }

  @Test
  void shouldFinetuneOnlyCodecAndTailWithTheTailsBatchNormStatisticsFollowingTheDecodedFeature() {
    // Given a resnet18 and its paper-default codec at point 2
    Engine.getInstance().setRandomSeed(3);
    try (DjlSplitModel model =
            DjlSplitModel.create(
                "smoke", Architecture.RESNET18, InputSpec.rgb(32), SyntheticShapes.CLASSES);
        FeatureCodec codec = codecAt(model, 2)) {
      List<Parameter> head = new ArrayList<>();
      List<Parameter> tail = new ArrayList<>();
      List<Parameter> tailStatistics = new ArrayList<>();
      List<ai.djl.nn.Block> segments = model.segments();
      for (int i = 0; i < segments.size(); i++) {
        for (Parameter p : parameters(segments.get(i))) {
          boolean statistic =
              p.getType() == Parameter.Type.RUNNING_MEAN
                  || p.getType() == Parameter.Type.RUNNING_VAR;
          if (i < 2) {
            head.add(p);
          } else if (statistic) {
            tailStatistics.add(p);
          } else {
            tail.add(p);
          }
        }
      }
      List<Parameter> codecParams = parameters(codec.block());
      List<float[]> headBefore = snapshot(head);
      List<float[]> tailBefore = snapshot(tail);
      List<float[]> statisticsBefore = snapshot(tailStatistics);
      List<float[]> codecBefore = snapshot(codecParams);
      // When codec and tail fine-tune for three minibatches with batch norm in training mode
      List<EpochStats> stats =
          CodecTrainer.finetune(
              model,
              codec,
              DATA,
              CodecTrainer.FinetuneScope.TAIL,
              true,
              new TrainSettings(1, 8, 1e-3f, 0, 1, 3, false),
              null,
              TrainingObserver.NONE);
      // Then codec, tail weights and the tail's running statistics moved, and the head did not
      assertThat(stats.get(0).trainLoss()).isFinite().isPositive();
      assertThat(changed(codecBefore, codecParams)).isTrue();
      assertThat(changed(tailBefore, tail)).isTrue();
      assertThat(changed(statisticsBefore, tailStatistics)).isTrue();
      assertThat(changed(headBefore, head)).isFalse();
    }
  }

  @Test
  void shouldFinetuneTheTailTowardsTheTeachersLogitsWhileTheTeacherStaysPut() {
    // Given a mobilenetv2, a separate teacher with its own weights, and a codec at point 3
    Engine.getInstance().setRandomSeed(4);
    try (DjlSplitModel model =
            DjlSplitModel.create(
                "smoke", Architecture.MOBILENETV2, InputSpec.rgb(32), SyntheticShapes.CLASSES);
        DjlSplitModel teacher =
            DjlSplitModel.create(
                "teacher", Architecture.MOBILENETV2, InputSpec.rgb(32), SyntheticShapes.CLASSES);
        FeatureCodec codec = codecAt(model, 3)) {
      List<Parameter> head = new ArrayList<>();
      List<Parameter> tail = new ArrayList<>();
      List<ai.djl.nn.Block> segments = model.segments();
      for (int i = 0; i < segments.size(); i++) {
        (i < 3 ? head : tail).addAll(parameters(segments.get(i)));
      }
      List<Parameter> teacherParams = parameters(teacher.block());
      List<float[]> headBefore = snapshot(head);
      List<float[]> tailBefore = snapshot(tail);
      List<float[]> teacherBefore = snapshot(teacherParams);
      // When codec and tail fine-tune for two minibatches on the teacher's logits alone
      List<EpochStats> stats =
          CodecTrainer.finetune(
              model,
              codec,
              DATA,
              CodecTrainer.FinetuneScope.TAIL,
              true,
              new TrainSettings(1, 8, 1e-3f, 0, 1, 2, true),
              new Distillation(teacher, 1f, 4f),
              TrainingObserver.NONE);
      // Then the loss is a finite KL term, the tail moved, the head and the teacher did not
      assertThat(stats.get(0).trainLoss()).isFinite().isPositive();
      assertThat(changed(tailBefore, tail)).isTrue();
      assertThat(changed(headBefore, head)).isFalse();
      assertThat(changed(teacherBefore, teacherParams)).isFalse();
    }
  }

  @Test
  void shouldQuantiseInTrainingExactlyAsTheWireDoes() {
    // Given a codec and a batch of codes
    try (DjlSplitModel model =
            DjlSplitModel.create(
                "smoke", Architecture.RESNET18, InputSpec.rgb(32), SyntheticShapes.CLASSES);
        FeatureCodec codec = codecAt(model, 1);
        var manager = ai.djl.ndarray.NDManager.newBaseManager()) {
      NDArray feature =
          model.head(1, DATA.test().images(new int[] {0, 1}, model.input(), manager, null), false);
      NDArray code = codec.encode(feature, false);
      // When quantised by the training path and by the wire path
      float[] training = codec.quantiseStraightThrough(code).get(1).toFloatArray();
      float[] wire = codec.compress(feature).get(1).dequantise();
      // Then both agree to float rounding
      for (int i = 0; i < wire.length; i++) {
        assertThat(training[i]).isCloseTo(wire[i], org.assertj.core.data.Offset.offset(1e-4f));
      }
    }
  }

  static FeatureCodec codecAt(DjlSplitModel model, int point) {
    var shape = model.featureShape(point);
    int[] f = {(int) shape.get(0), (int) shape.get(1), (int) shape.get(2)};
    CodecSpec spec = CodecSpec.paperDefault(model.architecture(), point, f[0]);
    return new FeatureCodec(
        new CodecInfo(
            model.id(),
            CodecInfo.defaultId(model.id(), point),
            1,
            spec,
            List.of(f[0], f[1], f[2]),
            false));
  }
}
