package dev.filegate.domain.tenant;

/**
 * The tenant boundary. A caller acts on its own tenant with the role the action needs; an admin may act on any
 * tenant only where the deployment allows it.
 */
public final class AccessPolicy {

    private final boolean adminCrossTenant;

    public AccessPolicy(boolean adminCrossTenant) {
        this.adminCrossTenant = adminCrossTenant;
    }

    /**
     * @throws AccessDenied when the caller may not perform {@code action} on {@code target}'s files
     */
    public void check(Caller caller, OrgId target, Action action) {
        boolean admin = caller.has(Role.ADMIN);
        boolean ownTenant = caller.org().map(target::equals).orElse(false);
        if (!ownTenant && !(admin && adminCrossTenant)) {
            throw new AccessDenied("this token is not valid for org " + target);
        }
        if (!admin && !hasAtLeast(caller, action.leastRole())) {
            throw new AccessDenied(
                    "this action needs the role " + action.leastRole().group());
        }
    }

    private static boolean hasAtLeast(Caller caller, Role least) {
        return switch (least) {
            case READER -> caller.has(Role.READER) || caller.has(Role.UPLOADER);
            case UPLOADER -> caller.has(Role.UPLOADER);
            case ADMIN, OPERATOR, SERVICE -> false;
        };
    }

    /**
     * Whether the caller sees every tenant in the admin view: an operator always, an admin only where admins may act
     * on every tenant. Other admins see their own tenant.
     *
     * @throws AccessDenied when the caller may not see the admin view at all
     */
    public boolean seesAllTenants(Caller caller) {
        if (caller.has(Role.OPERATOR)) {
            return true;
        }
        if (!caller.has(Role.ADMIN)) {
            throw new AccessDenied("this needs the role admin or operator");
        }
        if (adminCrossTenant) {
            return true;
        }
        if (caller.org().isEmpty()) {
            throw new AccessDenied("this token names no tenant");
        }
        return false;
    }

    public boolean adminCrossTenant() {
        return adminCrossTenant;
    }
}
