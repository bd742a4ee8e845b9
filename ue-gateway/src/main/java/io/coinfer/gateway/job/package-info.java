/** Job submission (raw images and UE-compressed features), results and their metrics. */
package io.coinfer.gateway.job;
