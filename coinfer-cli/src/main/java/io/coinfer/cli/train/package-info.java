/**
 * {@code coinfer train-policy}: trains the MAHPPO scheduler of module {@code mahppo} with a
 * progress bar on stderr and a JSON summary line on stdout.
 */
package io.coinfer.cli.train;
