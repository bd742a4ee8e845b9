/**
 * Training loops (backbone; codec with frozen backbone; fine-tuning of backbone and codec) and
 * top-1 evaluation through the deployed codec path.
 */
package io.coinfer.splitnn.train;
