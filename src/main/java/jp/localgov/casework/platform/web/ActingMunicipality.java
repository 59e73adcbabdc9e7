package jp.localgov.casework.platform.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code String} parameter of a handler method that receives the 6-digit code of
 * the municipality the logged-in local-government account acts for. Without a login the
 * request is answered 401 (HTTP Basic challenge), with any other account 403.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ActingMunicipality {

}
