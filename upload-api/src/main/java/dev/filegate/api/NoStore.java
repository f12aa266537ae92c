package dev.filegate.api;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The response is for this caller, now: never stored by a cache, and its URLs (often signed) never sent on as a
 * referrer. {@link NoStoreHeaders} sets the headers.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface NoStore {}
