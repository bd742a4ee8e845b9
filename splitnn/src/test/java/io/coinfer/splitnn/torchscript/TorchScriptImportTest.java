package io.coinfer.splitnn.torchscript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.coinfer.splitnn.codec.CodecInfo;
import io.coinfer.splitnn.codec.CodecSpec;
import io.coinfer.splitnn.codec.FeatureCodec;
import io.coinfer.splitnn.data.DataSplit;
import io.coinfer.splitnn.data.ImageSet;
import io.coinfer.splitnn.data.SyntheticShapes;
import io.coinfer.splitnn.model.MemoryLayout;
import io.coinfer.splitnn.model.SplitModel;
import io.coinfer.splitnn.runtime.SplitRuntime;
import io.coinfer.splitnn.store.ModelManifest;
import io.coinfer.splitnn.store.ModelStore;
import io.coinfer.splitnn.train.CodecTrainer;
import io.coinfer.splitnn.train.EpochStats;
import io.coinfer.splitnn.train.TrainSettings;
import io.coinfer.splitnn.train.TrainingObserver;
import io.coinfer.splitnn.wire.FeatureWire;
import io.coinfer.splitnn.wire.QuantisedFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TorchScriptImportTest {

  private static final Path FIXTURE = Path.of("src/test/resources/torchscript/tiny-cnn");

  @Test
  void shouldValidateEveryPointOfTheCommittedFixture() throws Exception {
    // When the tiny traced package is validated
    List<ModelImporter.PointCheck> checks = ModelImporter.validate(FIXTURE);
    // Then all four points agree with full.pt and have the manifest's shapes
    assertThat(checks).hasSize(4);
    assertThat(checks.get(0).featureShape()).containsExactly(8L, 16L, 16L);
    assertThat(checks.get(3).featureShape()).containsExactly(32L, 4L, 4L);
    assertThat(checks).allSatisfy(c -> assertThat(c.maxAbsDifference()).isLessThan(1e-4));
  }

  @Test
  void shouldGiveTheSameFeaturesAndLogitsWithChannelsLastHeads() throws Exception {
    ModelManifest manifest = ModelStore.readManifest(FIXTURE);
    try (SplitModel channelsLast = TorchScriptSplitModel.load(FIXTURE, manifest);
        SplitModel contiguous =
            TorchScriptSplitModel.load(FIXTURE, manifest, MemoryLayout.CONTIGUOUS);
        NDManager manager = NDManager.newBaseManager()) {
      NDArray images = manager.randomNormal(new Shape(2, 3, 32, 32));
      for (int point = 1; point <= 4; point++) {
        // When both run the head to the point and the tail from the head's output
        NDArray a = channelsLast.head(point, images, false);
        NDArray b = contiguous.head(point, images, false);
        // Then the features and the logits agree within float rounding
        assertThat(a.sub(b).abs().max().getFloat()).as("point %d", point).isLessThan(1e-5f);
        NDArray logits = channelsLast.tail(point, a, false);
        assertThat(logits.sub(contiguous.tail(point, b, false)).abs().max().getFloat())
            .as("point %d logits", point)
            .isLessThan(1e-5f);
      }
    }
  }

  @Test
  void shouldRejectAPackageWhoseManifestAnnouncesAWrongShape(@TempDir Path tmp) throws Exception {
    // Given a copy of the fixture whose manifest lies about point 2
    copyFixture(tmp);
    Path manifest = tmp.resolve("manifest.json");
    Files.writeString(
        manifest, Files.readString(manifest).replaceFirst("16,\\s*8,\\s*8", "16, 9, 9"));
    // Then validation names the point and both shapes
    assertThatThrownBy(() -> ModelImporter.validate(tmp))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("head_2.pt")
        .hasMessageContaining("(2, 16, 9, 9)");
  }

  @Test
  void shouldRejectAPackageWithAMissingModule(@TempDir Path tmp) throws Exception {
    copyFixture(tmp);
    Files.delete(tmp.resolve("tail_3.pt"));
    assertThatThrownBy(() -> ModelImporter.validate(tmp)).hasMessageContaining("tail_3.pt");
  }

  @Test
  void shouldTrainAndServeACodecOnAnImportedModel(@TempDir Path home) throws Exception {
    // Given the fixture registered in a store
    ModelStore store = new ModelStore(home);
    Path dir = ModelImporter.register(FIXTURE, store);
    Engine.getInstance().setRandomSeed(3);
    DataSplit data = SyntheticShapes.generate(2, 1, 32, 5);
    // When a codec is trained at point 2 with reconstruction and task loss and stored
    try (SplitModel model = ModelStore.open(dir);
        FeatureCodec codec =
            new FeatureCodec(
                new CodecInfo(
                    "tiny-cnn",
                    CodecInfo.defaultId("tiny-cnn", 2),
                    1,
                    CodecSpec.ofRate(2, 16, 16),
                    List.of(16, 8, 8),
                    false))) {
      List<EpochStats> stats =
          CodecTrainer.train(
              model,
              codec,
              new DataSplit(relabel(data.train()), relabel(data.test())),
              0.1f,
              new TrainSettings(1, 4, 1e-3f, 0, 1, 3, false),
              TrainingObserver.NONE);
      assertThat(stats.get(0).trainLoss()).isFinite();
      ModelStore.saveCodec(dir, codec, null);
    }
    // Then the runtime encodes on the device side and decodes a micro-batch on the edge side
    try (SplitRuntime runtime = SplitRuntime.open(store, "tiny-cnn")) {
      List<byte[]> images = data.test().pixels().subList(0, 3);
      List<QuantisedFeature> sent = runtime.encode(2, images);
      List<QuantisedFeature> received =
          sent.stream()
              .map(f -> FeatureWire.read(FeatureWire.write(f), runtime.descriptor(2)))
              .toList();
      float[][] logits = runtime.decode(2, received);
      assertThat(logits).hasDimensions(3, 3);
      assertThat(sent.get(0).payloadBytes()).isEqualTo(4 * 8 * 8);
      assertThat(runtime.classify(images)).hasDimensions(3, 3);
    }
  }

  /** The fixture has three classes: fold the ten synthetic labels onto them. */
  private static ImageSet relabel(ImageSet set) {
    int[] labels = new int[set.count()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = set.label(i) % 3;
    }
    return new ImageSet(List.of("red", "green", "blue"), set.size(), set.pixels(), labels);
  }

  private static void copyFixture(Path target) throws Exception {
    try (var files = Files.list(FIXTURE)) {
      for (Path f : files.toList()) {
        Files.copy(f, target.resolve(f.getFileName()));
      }
    }
  }
}
