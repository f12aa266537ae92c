package dev.filegate.api;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.security.SecuritySchemes;

/** The API, secured by MicroProfile JWT (RS256 bearer tokens). */
@ApplicationPath("/api/v1")
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({"reader", "uploader", "admin", "operator", "service"})
@OpenAPIDefinition(
        info =
                @Info(
                        title = "filegate",
                        version = "1",
                        description =
                                "Private, tenant-scoped files in S3-compatible storage: upload and download through the"
                                        + " service (proxy), straight to the store with URLs it signs (presigned), or through a"
                                        + " gateway it authorises. Errors are RFC 9457 problem documents; every response names its"
                                        + " request in X-Request-Id.",
                        license = @License(name = "see the repository")),
        security = @SecurityRequirement(name = RestApplication.BEARER))
@SecuritySchemes({
    @SecurityScheme(
            securitySchemeName = RestApplication.BEARER,
            type = SecuritySchemeType.HTTP,
            scheme = "bearer",
            bearerFormat = "JWT",
            description =
                    "An RS256 JWT from the deployment's identity provider: tenant in the org claim (auth.org-claim),"
                            + " roles in groups (reader, uploader, admin, operator, service)"),
    @SecurityScheme(
            securitySchemeName = RestApplication.GATEWAY_SECRET,
            type = SecuritySchemeType.APIKEY,
            in = SecuritySchemeIn.HEADER,
            apiKeyName = "X-Filegate-Gateway-Secret",
            description = "gateway.shared-secret: only the gateway calls the authorization endpoint")
})
public class RestApplication extends Application {

    /** The OpenAPI name of the bearer token scheme. */
    public static final String BEARER = "bearer";

    /** The OpenAPI name of the gateway's shared secret scheme. */
    public static final String GATEWAY_SECRET = "gateway-secret";
}
