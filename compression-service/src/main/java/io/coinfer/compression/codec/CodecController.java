package io.coinfer.compression.codec;

import io.coinfer.compression.config.CompressionSettings;
import io.coinfer.contracts.api.CodecTrainingRequest;
import io.coinfer.contracts.api.CodecTrainingView;
import io.coinfer.contracts.api.CodecView;
import io.coinfer.contracts.security.AdminOnly;
import io.coinfer.contracts.splitnn.SplitModels;
import io.coinfer.contracts.web.Problems;
import io.coinfer.splitnn.codec.CodecInfo;
import io.coinfer.splitnn.runtime.SplitRuntime;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The codec registry: the codecs of every served net and point, codec training jobs, and the import
 * of model packages. Every call needs a service or admin token; training and import are admin
 * operations ({@link io.coinfer.contracts.security.InternalApiGuard}).
 */
@RestController
class CodecController {

  private final SplitModels models;
  private final CodecTraining training;
  private final ModelImport imports;
  private final CompressionSettings settings;

  CodecController(
      SplitModels models,
      CodecTraining training,
      ModelImport imports,
      CompressionSettings settings) {
    this.models = models;
    this.training = training;
    this.imports = imports;
    this.settings = settings;
  }

  @Operation(
      summary =
          "Start training a new version of a served codec (an admin operation); poll its"
              + " Location")
  @AdminOnly
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
          codecs.add(view(net, runtime.codec(point).info()));
        }
      }
    }
    return codecs;
  }

  @Operation(
      summary =
          "Import a model package (a zip of a splitnn model folder) into the store (an admin"
              + " operation)")
  @AdminOnly
  @PostMapping(path = "/api/v1/models", consumes = "application/zip")
  ResponseEntity<List<CodecView>> importModel(HttpServletRequest request) throws IOException {
    long max = settings.models().maxPackageSize().toBytes();
    if (request.getContentLengthLong() > max) {
      throw Problems.tooLarge("a model package may have at most " + max + " bytes");
    }
    byte[] zip;
    try (InputStream in = request.getInputStream()) {
      zip = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
    }
    if (zip.length > max) {
      throw Problems.tooLarge("a model package may have at most " + max + " bytes");
    }
    return ResponseEntity.status(HttpStatus.CREATED).body(imports.importPackage(zip, 4 * max));
  }

  static CodecView view(String net, CodecInfo info) {
    return new CodecView(
        net,
        info.modelId(),
        info.spec().point(),
        info.codecId(),
        info.codecVersion(),
        info.spec().bits(),
        info.spec().compressionRate(),
        info.featureShapeList(),
        Arrays.stream(info.codeShape()).boxed().toList(),
        info.payloadBytes(),
        info.finetuned());
  }
}
