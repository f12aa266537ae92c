package dev.filegate.api;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/** The API, secured by MicroProfile JWT (RS256 bearer tokens). */
@ApplicationPath("/api/v1")
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({"reader", "uploader", "admin"})
public class RestApplication extends Application {}
