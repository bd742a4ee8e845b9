/**
 * Device profiles: what each partition point of each net costs on a UE (compute seconds, watts,
 * feature bits, compression rate) and, optionally, on the edge. The Jetson Nano table of the paper
 * ships as a resource; measured profiles load from the same CSV format.
 */
package io.coinfer.mec.profile;
