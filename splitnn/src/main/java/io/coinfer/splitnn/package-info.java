/** DNN decoupling: split runners, the feature codec and its wire format. */
package io.coinfer.splitnn;
