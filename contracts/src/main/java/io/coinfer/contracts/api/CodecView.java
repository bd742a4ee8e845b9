package io.coinfer.contracts.api;

import java.util.List;

/**
 * A codec served by the platform.
 *
 * @param net the served net it belongs to, or null for an imported model no net is served with yet
 * @param modelId the split model
 * @param point the partition point, 1 to 4
 * @param codecId the codec id (what a feature must name)
 * @param codecVersion the codec version (what a feature must name)
 * @param bits bits per quantised value
 * @param compressionRate fp32 feature bits over payload bits
 * @param featureShape the feature at the point for one image, {@code [C, H, W]}
 * @param codeShape the quantised code for one image, {@code [C', H, W]}
 * @param payloadBytes bytes of one packed code (without the wire header)
 * @param finetuned whether the backbone was fine-tuned with the codec
 */
public record CodecView(
    String net,
    String modelId,
    int point,
    String codecId,
    int codecVersion,
    int bits,
    double compressionRate,
    List<Integer> featureShape,
    List<Integer> codeShape,
    int payloadBytes,
    boolean finetuned) {}
