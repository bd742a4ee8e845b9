/**
 * compression-service: the UE-side half of raw-image jobs. For each job on {@code coinfer.jobs} it
 * applies the UE's latest decision ({@code .job}): point 0 forwards the image, points 1-4 run head,
 * encoder and quantiser with splitnn ({@code .model}), point 5 runs the whole net and produces the
 * result itself; and it accounts UE compute and transmit time and energy with mec-core's profile
 * and radio model ({@code .accounting}).
 */
package io.coinfer.compression;
