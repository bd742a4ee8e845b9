/**
 * The one record of MAHPPO hyperparameters and switches, with the published values as defaults
 * ({@link io.coinfer.mahppo.config.MahppoConfig#published()}) and the set our checkpoints are
 * trained with ({@link io.coinfer.mahppo.config.MahppoConfig#recommended()}).
 */
package io.coinfer.mahppo.config;
