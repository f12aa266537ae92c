package dev.filegate.domain.tenant;

/** Roles carried in the token's {@code groups} claim. */
public enum Role {
    /** Lists and downloads the tenant's files. */
    READER("reader"),
    /** Also uploads and deletes the tenant's files. */
    UPLOADER("uploader"),
    /** Everything in its own tenant, the admin view of its tenant, and other tenants' files where configured. */
    ADMIN("admin"),
    /** The admin view of every tenant (usage, pending uploads, configuration), and no file of any tenant. */
    OPERATOR("operator"),
    /**
     * A service on the store's own network (seed 001's Runner): may ask for URLs signed for the internal endpoint.
     * Grants no file access by itself.
     */
    SERVICE("service");

    private final String group;

    Role(String group) {
        this.group = group;
    }

    public String group() {
        return group;
    }
}
