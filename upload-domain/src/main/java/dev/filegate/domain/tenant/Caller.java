package dev.filegate.domain.tenant;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The authenticated caller as the domain sees it: a subject, the tenant the token was issued for (if any) and roles.
 */
public record Caller(String subject, Optional<OrgId> org, Set<Role> roles) {

    public Caller {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(org, "org");
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
