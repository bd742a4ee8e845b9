/** The codec registry: the codecs this service compresses with. */
package io.coinfer.compression.codec;
