package io.coinfer.compression.codec;

import io.coinfer.contracts.api.CodecView;
import io.coinfer.contracts.splitnn.SplitModels;
import io.coinfer.splitnn.codec.CodecInfo;
import io.coinfer.splitnn.runtime.SplitRuntime;
import io.swagger.v3.oas.annotations.Operation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The codec registry: lists the codecs of every served net and point. */
@RestController
class CodecController {

  private final SplitModels models;

  CodecController(SplitModels models) {
    this.models = models;
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
