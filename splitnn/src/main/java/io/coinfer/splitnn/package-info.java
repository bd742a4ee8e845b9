/**
 * DNN decoupling for collaborative inference (Hao et al., IEEE TMC 2023): the three model families
 * cut at the paper's partition points ({@code model}), the autoencoder codec ({@code codec}) and
 * its dependency-free wire format ({@code wire}), data sets ({@code data}), codec training and
 * evaluation ({@code train}), the artefact cache ({@code store}), the runtime the platform's
 * services call ({@code runtime}), TorchScript import ({@code torchscript}) and device profiling
 * ({@code profile}). See {@code docs/splitnn.md}.
 */
package io.coinfer.splitnn;
