/** Dynamic micro-batching of validated features across UEs, and the results it publishes. */
package io.coinfer.inference.batch;
