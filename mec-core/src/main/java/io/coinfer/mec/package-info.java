/** The MEC system model of Hao et al. (IEEE TMC 2023) as plain Java. */
package io.coinfer.mec;
