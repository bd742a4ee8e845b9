/** The images the simulated UEs submit: splitnn's deterministic synthetic shapes, as PNG. */
package io.coinfer.simulator.image;
