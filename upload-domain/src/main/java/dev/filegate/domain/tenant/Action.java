package dev.filegate.domain.tenant;

/** What a caller wants to do with a tenant's files. */
public enum Action {
    LIST(Role.READER),
    READ(Role.READER),
    UPLOAD(Role.UPLOADER),
    DELETE(Role.UPLOADER);

    private final Role least;

    Action(Role least) {
        this.least = least;
    }

    /** The weakest role that may perform this action. */
    public Role leastRole() {
        return least;
    }
}
