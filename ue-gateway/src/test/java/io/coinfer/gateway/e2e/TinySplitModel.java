package io.coinfer.gateway.e2e;

import ai.djl.engine.Engine;
import io.coinfer.splitnn.codec.CodecInfo;
import io.coinfer.splitnn.codec.CodecSpec;
import io.coinfer.splitnn.codec.FeatureCodec;
import io.coinfer.splitnn.model.Architecture;
import io.coinfer.splitnn.model.DjlSplitModel;
import io.coinfer.splitnn.model.InputSpec;
import io.coinfer.splitnn.store.ModelManifest;
import io.coinfer.splitnn.store.ModelStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Writes a small split model folder for the platform tests: resnet18 at 32x32 with 10 classes and
 * the paper's default codec at points 1-4, untrained but deterministically initialised (the tests
 * claim equality with a direct run of the same files, not accuracy).
 */
final class TinySplitModel {

  static final String NET = "resnet18";
  static final int IMAGE_SIZE = 32;

  private TinySplitModel() {}

  /**
   * Writes the model folder.
   *
   * @param dir an empty folder
   * @return the folder
   */
  static Path write(Path dir) throws IOException {
    Engine.getInstance().setRandomSeed(42);
    String id = "resnet18-tiny-" + IMAGE_SIZE;
    List<String> labels = IntStream.range(0, 10).mapToObj(i -> "class-" + i).toList();
    Files.createDirectories(dir);
    try (DjlSplitModel model =
        DjlSplitModel.create(id, Architecture.RESNET18, InputSpec.rgb(IMAGE_SIZE), labels)) {
      model.saveParameters(dir.resolve(ModelStore.BACKBONE));
      List<ModelManifest.PointShape> points = new ArrayList<>();
      for (int point = 1; point <= 4; point++) {
        long[] shape = model.featureShape(point).getShape();
        List<Integer> chw = List.of((int) shape[0], (int) shape[1], (int) shape[2]);
        points.add(new ModelManifest.PointShape(point, chw));
        CodecSpec spec = CodecSpec.paperDefault(Architecture.RESNET18, point, chw.get(0));
        try (FeatureCodec codec =
            new FeatureCodec(
                new CodecInfo(id, CodecInfo.defaultId(id, point), 1, spec, chw, false))) {
          ModelStore.saveCodec(dir, codec, null);
        }
      }
      ModelStore.writeManifest(
          dir,
          new ModelManifest(
              ModelManifest.FORMAT_VERSION,
              id,
              ModelManifest.DJL,
              NET,
              InputSpec.rgb(IMAGE_SIZE),
              labels,
              points,
              Map.of("createdBy", "TinySplitModel", "seed", "42")));
    }
    return dir;
  }
}
