/**
 * The splitnn commands: train-backbone, train-codec, eval-codec, infer, profile, import-model and
 * bench-split. Progress goes to stderr, results to stdout (text or {@code --format json}).
 */
package io.coinfer.cli.splitnn;
