/** UE registration, state reports and the latest decision of every UE. */
package io.coinfer.gateway.ue;
