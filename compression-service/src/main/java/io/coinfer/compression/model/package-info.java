/** The split models (splitnn runtimes) and device profiles (mec-core) the service uses. */
package io.coinfer.compression.model;
