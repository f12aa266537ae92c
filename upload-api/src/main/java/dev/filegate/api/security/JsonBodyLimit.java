package dev.filegate.api.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method whose JSON body may be larger than {@link RequestBodyGuard#MAX_BODY_BYTES} (a list of up
 * to 10 000 uploaded parts): {@link RequestBodyGuard} caps it at {@link #bytes()} instead, by the same rules.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface JsonBodyLimit {
    int bytes();
}
