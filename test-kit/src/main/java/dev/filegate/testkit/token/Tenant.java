package dev.filegate.testkit.token;

import java.util.Objects;

/**
 * A tenant as filegate names it: the {@code org} claim of a token and the {@code {org}} of every files route.
 *
 * @param org the tenant's id, e.g. {@code acme}
 */
public record Tenant(String org) {

    public Tenant {
        Objects.requireNonNull(org, "org");
        if (org.isBlank()) {
            throw new IllegalArgumentException("a tenant's org must not be blank");
        }
    }

    public static Tenant of(String org) {
        return new Tenant(org);
    }

    @Override
    public String toString() {
        return org;
    }
}
