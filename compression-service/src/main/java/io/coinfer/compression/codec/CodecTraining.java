package io.coinfer.compression.codec;

import ai.djl.engine.Engine;
import io.coinfer.contracts.api.CodecTrainingRequest;
import io.coinfer.contracts.api.CodecTrainingView;
import io.coinfer.contracts.splitnn.SplitModels;
import io.coinfer.contracts.web.Problems;
import io.coinfer.splitnn.codec.CodecInfo;
import io.coinfer.splitnn.codec.CodecSpec;
import io.coinfer.splitnn.codec.FeatureCodec;
import io.coinfer.splitnn.data.DataSplit;
import io.coinfer.splitnn.data.SyntheticShapes;
import io.coinfer.splitnn.model.Architecture;
import io.coinfer.splitnn.model.SplitModel;
import io.coinfer.splitnn.store.ModelManifest;
import io.coinfer.splitnn.store.ModelStore;
import io.coinfer.splitnn.train.CodecTrainer;
import io.coinfer.splitnn.train.EpochStats;
import io.coinfer.splitnn.train.TrainSettings;
import io.coinfer.splitnn.train.TrainingObserver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/**
 * Codec training jobs, one at a time on a background thread: a new version of a served net's codec
 * at one point, trained with splitnn's {@link CodecTrainer} on synthetic shapes at the model's
 * input size with the backbone frozen (its own instance, not the one serving jobs), and written to
 * a staging model folder beside the model ({@code <model>-staging/codecs/p<k>}). The serving codec
 * is left as it is.
 */
@Service
class CodecTraining implements DisposableBean {

  private final SplitModels models;
  private final Map<String, CodecTrainingView> jobs = new ConcurrentHashMap<>();
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "codec-training");
            t.setDaemon(true);
            return t;
          });

  CodecTraining(SplitModels models) {
    this.models = models;
  }

  CodecTrainingView start(CodecTrainingRequest request) {
    Path dir =
        models
            .dir(request.net())
            .orElseThrow(() -> Problems.badRequest("net " + request.net() + " is not served"));
    CodecTrainingView queued =
        new CodecTrainingView(
            UUID.randomUUID().toString(),
            request,
            "QUEUED",
            List.of(),
            null,
            null,
            null,
            Instant.now(),
            null);
    jobs.put(queued.jobId(), queued);
    worker.submit(() -> run(queued, dir));
    return queued;
  }

  CodecTrainingView get(String jobId) {
    CodecTrainingView job = jobs.get(jobId);
    if (job == null) {
      throw Problems.notFound("codec training job " + jobId + " is unknown");
    }
    return job;
  }

  private void run(CodecTrainingView job, Path modelDir) {
    CodecTrainingRequest r = job.request();
    jobs.put(job.jobId(), with(job, "RUNNING", List.of(), null, null, null));
    try {
      ModelManifest manifest = ModelStore.readManifest(modelDir);
      int point = r.point();
      List<Integer> shape = manifest.shapeAt(point);
      int version =
          ModelStore.codecInfo(modelDir, point).map(CodecInfo::codecVersion).orElse(0) + 1;
      CodecSpec spec =
          ModelManifest.DJL.equals(manifest.format())
              ? CodecSpec.paperDefault(
                  Architecture.of(manifest.architecture()), point, shape.get(0))
              : CodecSpec.ofRate(point, shape.get(0), CodecSpec.DEFAULT_RATE);
      CodecInfo info =
          new CodecInfo(
              manifest.modelId(),
              CodecInfo.defaultId(manifest.modelId(), point),
              version,
              spec,
              shape,
              false);
      DataSplit data =
          SyntheticShapes.generate(
              r.imagesPerClass(),
              Math.max(1, r.imagesPerClass() / 4),
              manifest.input().height(),
              r.seed());
      Engine.getInstance().setRandomSeed((int) r.seed());
      Path staging = modelDir.resolveSibling(modelDir.getFileName() + "-staging");
      Files.createDirectories(staging);
      try (SplitModel net = ModelStore.open(modelDir);
          FeatureCodec codec = new FeatureCodec(info)) {
        List<EpochStats> stats =
            CodecTrainer.train(
                net,
                codec,
                data,
                (float) r.gamma(),
                new TrainSettings(
                    r.epochs(), 16, 1e-3f, 0, r.seed(), r.maxBatchesPerEpoch(), false),
                TrainingObserver.NONE);
        ModelStore.saveCodec(staging, codec, null);
        List<CodecTrainingView.Epoch> epochs =
            stats.stream()
                .map(
                    s ->
                        new CodecTrainingView.Epoch(
                            s.epoch(), s.trainLoss(), s.testTop1(), s.seconds()))
                .toList();
        jobs.put(job.jobId(), with(job, "DONE", epochs, version, staging.toString(), null));
      }
    } catch (IOException | RuntimeException e) {
      jobs.put(job.jobId(), with(job, "FAILED", List.of(), null, null, e.toString()));
    }
  }

  private static CodecTrainingView with(
      CodecTrainingView job,
      String status,
      List<CodecTrainingView.Epoch> epochs,
      Integer version,
      String output,
      String error) {
    boolean finished = status.equals("DONE") || status.equals("FAILED");
    return new CodecTrainingView(
        job.jobId(),
        job.request(),
        status,
        epochs,
        version,
        output,
        error,
        job.submittedAt(),
        finished ? Instant.now() : null);
  }

  @Override
  public void destroy() {
    worker.shutdownNow();
  }
}
