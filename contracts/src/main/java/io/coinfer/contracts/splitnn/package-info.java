/** Opening splitnn runtimes for the services that run DNNs (splitnn is optional here). */
package io.coinfer.contracts.splitnn;
