package dev.filegate.testkit.token;

/** The roles filegate knows, as its tokens carry them in the {@code groups} claim. */
public enum Role {
    /** Lists and downloads the files of its tenant. */
    READER("reader"),
    /** Also uploads and deletes them. */
    UPLOADER("uploader"),
    /** Everything in its tenant, and the admin view of it. */
    ADMIN("admin"),
    /** The admin view of every tenant, no file access. */
    OPERATOR("operator"),
    /** May ask for presigned URLs of the store's internal endpoint. */
    SERVICE("service");

    private final String claim;

    Role(String claim) {
        this.claim = claim;
    }

    /** The value in the {@code groups} claim. */
    public String claim() {
        return claim;
    }
}
