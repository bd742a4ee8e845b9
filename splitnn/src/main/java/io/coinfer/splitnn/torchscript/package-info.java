/**
 * Imported TorchScript model packages (traced head/tail modules per point plus the whole network)
 * and their validation.
 */
package io.coinfer.splitnn.torchscript;
