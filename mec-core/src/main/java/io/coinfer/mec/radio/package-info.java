/**
 * The radio uplink: Shannon rate per sub-channel with co-channel interference from the UEs that
 * transmit at the same instant. A pure model reused by the simulator and the services.
 */
package io.coinfer.mec.radio;
