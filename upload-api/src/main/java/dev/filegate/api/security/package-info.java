/** Turns the verified MicroProfile JWT into the domain's {@code Caller}; no policy decisions here. */
package dev.filegate.api.security;
