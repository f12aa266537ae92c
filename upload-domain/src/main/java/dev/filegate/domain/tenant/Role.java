package dev.filegate.domain.tenant;

/** Roles carried in the token's {@code groups} claim. */
public enum Role {
    /** Lists and downloads the tenant's files. */
    READER("reader"),
    /** Also uploads and deletes the tenant's files. */
    UPLOADER("uploader"),
    /** Everything, the admin views, and other tenants' files where configured. */
    ADMIN("admin");

    private final String group;

    Role(String group) {
        this.group = group;
    }

    public String group() {
        return group;
    }
}
