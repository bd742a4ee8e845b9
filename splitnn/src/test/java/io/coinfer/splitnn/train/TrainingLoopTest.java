package io.coinfer.splitnn.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.training.tracker.Tracker;
import org.junit.jupiter.api.Test;

class TrainingLoopTest {

  @Test
  void shouldKeepTheLearningRateConstantWithoutCosineDecay() {
    // Given settings without decay
    TrainSettings settings = new TrainSettings(3, 8, 1e-3f, 0, 1, 0, false);
    // When the tracker is asked at the first and the last update
    Tracker tracker = TrainingLoop.learningRate(settings, 10);
    // Then it is the settings' rate at both
    assertThat(tracker.getNewValue(1)).isEqualTo(1e-3f);
    assertThat(tracker.getNewValue(30)).isEqualTo(1e-3f);
  }

  @Test
  void shouldDecayAlongAHalfCosineToZeroAtTheLastMinibatch() {
    // Given 3 epochs of 10 minibatches with cosine decay from 1e-3
    TrainSettings settings = new TrainSettings(3, 8, 1e-3f, 0, 1, 0, false, true);
    // When the tracker is asked at the start, the middle and the end of the run
    Tracker tracker = TrainingLoop.learningRate(settings, 10);
    // Then the rate starts at 1e-3, is half of it half-way and 0 at the end
    assertThat(tracker.getNewValue(0)).isCloseTo(1e-3f, within(1e-9f));
    assertThat(tracker.getNewValue(15)).isCloseTo(5e-4f, within(1e-7f));
    assertThat(tracker.getNewValue(30)).isCloseTo(0f, within(1e-9f));
    assertThat(tracker.getNewValue(7)).isGreaterThan(tracker.getNewValue(8));
  }
}
