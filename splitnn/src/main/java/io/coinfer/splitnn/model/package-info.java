/**
 * The model families (vgg11, resnet18, mobilenetv2) as DJL blocks of five segments between the
 * partition points 0..5, and the {@link io.coinfer.splitnn.model.SplitModel} head/tail API.
 */
package io.coinfer.splitnn.model;
