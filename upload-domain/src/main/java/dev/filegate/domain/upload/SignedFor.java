package dev.filegate.domain.upload;

import dev.filegate.domain.storage.AccessSigner;
import dev.filegate.domain.tenant.AccessDenied;
import dev.filegate.domain.tenant.Caller;
import dev.filegate.domain.tenant.Role;

/** Who may have URLs signed for which store endpoint: the internal one is for services beside the store only. */
final class SignedFor {

    private SignedFor() {}

    /** Refuses a caller without the role {@code service} URLs for the internal endpoint (its address is private). */
    static void check(Caller caller, AccessSigner.Audience audience) {
        if (audience == AccessSigner.Audience.INTERNAL && !caller.has(Role.SERVICE)) {
            throw new AccessDenied("URLs for the internal endpoint are for service callers (role service)");
        }
    }
}
