package jp.localgov.casework.platform.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a handler method that lets anyone without an account write (submit an inquiry,
 * reply, attach a file): each client address may call such methods at most
 * {@code casework.intake.rate-limit-per-minute} times a minute, see
 * {@link IntakeLimiter}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface IntakeLimited {

}
