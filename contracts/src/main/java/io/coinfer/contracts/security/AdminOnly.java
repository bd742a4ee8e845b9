package io.coinfer.contracts.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a REST handler of an internal service as an admin operation: {@link InternalApiGuard}
 * accepts only a token with role {@link Role#ADMIN} for it (a service token gets 403).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AdminOnly {}
