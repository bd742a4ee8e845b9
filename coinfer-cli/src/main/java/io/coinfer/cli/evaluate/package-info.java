/**
 * {@code coinfer evaluate}: compares schedulers on the simulated MEC system of mec-core and prints
 * a table, JSON or CSV.
 */
package io.coinfer.cli.evaluate;
