package io.coinfer.splitnn.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import io.coinfer.splitnn.data.SyntheticShapes;
import io.coinfer.splitnn.model.Architecture;
import io.coinfer.splitnn.model.DjlSplitModel;
import io.coinfer.splitnn.model.InputSpec;
import org.junit.jupiter.api.Test;

class DistillationTest {

  private static final double LN3 = Math.log(3);

  @Test
  void shouldGiveTheHandComputedLossAndGradientOfTheTemperedKlTerm() {
    try (DjlSplitModel teacher =
            DjlSplitModel.create(
                "teacher", Architecture.RESNET18, InputSpec.rgb(32), SyntheticShapes.CLASSES);
        NDManager manager = NDManager.newBaseManager()) {
      // Given a student at logits (0, 0) and a teacher at (2 ln 3, 0): at T = 2 the teacher's
      // distribution is (3/4, 1/4), the student's (1/2, 1/2)
      NDArray student = manager.create(new float[] {0f, 0f}, new ai.djl.ndarray.types.Shape(1, 2));
      student.setRequiresGradient(true);
      NDArray teacherLogits =
          manager.create(new float[] {(float) (2 * LN3), 0f}, new ai.djl.ndarray.types.Shape(1, 2));
      Distillation distillation = new Distillation(teacher, 1f, 2f);
      float loss;
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        // When the distillation-only loss (weight 1) runs backward
        NDArray value = distillation.loss(manager.create(100f), student, teacherLogits);
        loss = value.getFloat();
        gc.backward(value);
      }
      // Then it is T^2 KL = 4 (3/4 ln(3/2) + 1/4 ln(1/2)) and the gradient T (p - q)
      double kl = 0.75 * Math.log(1.5) + 0.25 * Math.log(0.5);
      assertThat((double) loss).isCloseTo(4 * kl, within(1e-5));
      float[] grad = student.getGradient().toFloatArray();
      assertThat((double) grad[0]).isCloseTo(2 * (0.5 - 0.75), within(1e-5));
      assertThat((double) grad[1]).isCloseTo(2 * (0.5 - 0.25), within(1e-5));
    }
  }

  @Test
  void shouldMixTheLabelsCrossEntropyByOneMinusTheWeightAndVanishWhenStudentEqualsTeacher() {
    try (DjlSplitModel teacher =
            DjlSplitModel.create(
                "teacher", Architecture.RESNET18, InputSpec.rgb(32), SyntheticShapes.CLASSES);
        NDManager manager = NDManager.newBaseManager()) {
      // Given a student whose logits equal the teacher's and a cross-entropy of 0.8
      NDArray logits =
          manager.create(
              new float[] {1f, -2f, 0.5f, 3f, 0f, 0f}, new ai.djl.ndarray.types.Shape(2, 3));
      // When the weight is 0.25
      float loss =
          new Distillation(teacher, 0.25f, 4f)
              .loss(manager.create(0.8f), logits, logits)
              .getFloat();
      // Then only 0.75 of the cross-entropy is left
      assertThat((double) loss).isCloseTo(0.6, within(1e-6));
    }
  }

  @Test
  void shouldRejectAWeightOutsideZeroToOneAndANonPositiveTemperature() {
    try (DjlSplitModel teacher =
        DjlSplitModel.create(
            "teacher", Architecture.RESNET18, InputSpec.rgb(32), SyntheticShapes.CLASSES)) {
      assertThatThrownBy(() -> new Distillation(teacher, 0f, 4f))
          .hasMessageContaining("weight must be in (0, 1]");
      assertThatThrownBy(() -> new Distillation(teacher, 1.5f, 4f))
          .hasMessageContaining("weight must be in (0, 1]");
      assertThatThrownBy(() -> new Distillation(teacher, 0.5f, 0f))
          .hasMessageContaining("temperature must be finite and > 0");
      assertThatThrownBy(() -> new Distillation(null, 0.5f, 4f))
          .hasMessageContaining("needs a teacher");
    }
  }
}
