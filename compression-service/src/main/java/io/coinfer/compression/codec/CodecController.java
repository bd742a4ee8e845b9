package io.coinfer.compression.codec;

import io.coinfer.contracts.api.CodecTrainingRequest;
import io.coinfer.contracts.api.CodecTrainingView;
import io.coinfer.contracts.api.CodecView;
import io.coinfer.contracts.splitnn.SplitModels;
import io.coinfer.splitnn.codec.CodecInfo;
import io.coinfer.splitnn.runtime.SplitRuntime;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The codec registry: the codecs of every served net and point, and codec training jobs. */
@RestController
class CodecController {

  private final SplitModels models;
  private final CodecTraining training;

  CodecController(SplitModels models, CodecTraining training) {
    this.models = models;
    this.training = training;
  }

  @Operation(summary = "Start training a new version of a served codec; poll its Location")
  @PostMapping("/api/v1/codecs/training")
  ResponseEntity<CodecTrainingView> train(@Valid @RequestBody CodecTrainingRequest request) {
    CodecTrainingView job = training.start(request);
    return ResponseEntity.accepted()
        .location(URI.create("/api/v1/codecs/training/" + job.jobId()))
        .body(job);
  }

  @Operation(summary = "A codec training job: status, epochs, the trained codec's version")
  @GetMapping("/api/v1/codecs/training/{jobId}")
  CodecTrainingView trainingJob(@PathVariable String jobId) {
    return training.get(jobId);
  }

  @Operation(summary = "The codecs served, by net and point")
  @GetMapping("/api/v1/codecs")
  List<CodecView> codecs() {
    List<CodecView> codecs = new ArrayList<>();
    for (String net : models.nets()) {
      SplitRuntime runtime = models.of(net).orElseThrow();
      for (int point = 1; point <= 4; point++) {
        if (runtime.hasCodec(point)) {
          CodecInfo info = runtime.codec(point).info();
          codecs.add(
              new CodecView(
                  net,
                  info.modelId(),
                  point,
                  info.codecId(),
                  info.codecVersion(),
                  info.spec().bits(),
                  info.spec().compressionRate(),
                  info.featureShapeList(),
                  Arrays.stream(info.codeShape()).boxed().toList(),
                  info.payloadBytes(),
                  info.finetuned()));
        }
      }
    }
    return codecs;
  }
}
