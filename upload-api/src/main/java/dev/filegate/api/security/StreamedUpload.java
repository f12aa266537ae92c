package dev.filegate.api.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method whose body is a file streamed to the store: {@link RequestBodyGuard} leaves its length to
 * the upload policy (which stops reading at the limit). Every other body is capped at
 * {@link RequestBodyGuard#MAX_BODY_BYTES}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface StreamedUpload {}
