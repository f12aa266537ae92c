package dev.filegate.api.security;

import dev.filegate.api.config.ServiceConfiguration;
import dev.filegate.domain.policy.PolicyViolation;
import dev.filegate.domain.tenant.Caller;
import dev.filegate.domain.tenant.OrgId;
import dev.filegate.domain.tenant.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.NotAuthorizedException;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The caller of the current request. The tenant comes from the configured claim (default {@code org}); roles from
 * {@code groups}. A claim that is not a valid org id gives a caller with no tenant, which every tenant check refuses.
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
        return new Caller(subject, org(jwt), roles(jwt.getGroups()));
    }

    private Optional<OrgId> org(JsonWebToken jwt) {
        Object claim = jwt.getClaim(configuration.orgClaim());
        String value = claim instanceof JsonString js ? js.getString() : claim instanceof String s ? s : null;
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(OrgId.of(value));
        } catch (PolicyViolation e) {
            return Optional.empty();
        }
    }

    private static Set<Role> roles(Set<String> groups) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (groups != null) {
            for (Role r : Role.values()) {
                if (groups.contains(r.group())) {
                    roles.add(r);
                }
            }
        }
        return roles;
    }
}
