/** REST plumbing the platform services share: RFC 9457 problem details. */
package io.coinfer.contracts.web;
