/** The device profiles (mec-core) the service accounts with. */
package io.coinfer.compression.model;
