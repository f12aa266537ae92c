package dev.filegate.api.security;

import dev.filegate.api.config.Identity;
import dev.filegate.api.config.ServiceConfiguration;
import dev.filegate.domain.policy.PolicyViolation;
import dev.filegate.domain.tenant.Caller;
import dev.filegate.domain.tenant.OrgId;
import dev.filegate.domain.tenant.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.NotAuthorizedException;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The caller of the current request. The tenant comes from the configured claim ({@code auth.org-claim}, default
 * {@code org}), the roles from {@code auth.roles-claim} (default {@code groups}); either may be a path into a nested
 * claim (see {@code ClaimPath}). A claim that is not a valid org id gives a caller with no tenant,
 * which every tenant check refuses; names that are not roles of the service are ignored.
 */
@RequestScoped
public class Callers {

    // The request's principal rather than an injected JsonWebToken: injecting one into an anonymous request makes
    // Liberty log an error (CWWKS5604E) per request, which anonymous traffic would turn into a log flood.
    @Inject
    HttpServletRequest request;

    @Inject
    ServiceConfiguration configuration;

    public Caller current() {
        if (!(request.getUserPrincipal() instanceof JsonWebToken jwt) || jwt.getRawToken() == null) {
            throw new NotAuthorizedException("Bearer");
        }
        String subject = jwt.getSubject();
        if (subject == null || subject.isBlank()) {
            throw new NotAuthorizedException("Bearer");
        }
        Identity identity = configuration.identity();
        return new Caller(
                subject,
                org(identity.org().string(jwt::getClaim)),
                roles(identity.roles().strings(jwt::getClaim)));
    }

    private static Optional<OrgId> org(Optional<String> value) {
        try {
            return value.map(OrgId::of);
        } catch (PolicyViolation e) {
            return Optional.empty();
        }
    }

    private static Set<Role> roles(List<String> groups) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Role r : Role.values()) {
            if (groups.contains(r.group())) {
                roles.add(r);
            }
        }
        return roles;
    }
}
