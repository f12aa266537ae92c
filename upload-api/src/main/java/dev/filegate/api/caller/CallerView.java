package dev.filegate.api.caller;

import dev.filegate.api.config.Identity;
import dev.filegate.domain.tenant.Caller;
import dev.filegate.domain.tenant.OrgId;
import dev.filegate.domain.tenant.Role;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The caller (JSON-B, snake_case): {@code org} is absent and {@code problems} says why when the token names no valid
 * tenant; {@code roles} lists the service's roles found in the token, {@code problems} says so when there are none.
 *
 * @param orgClaim where the deployment reads the tenant, {@code roles_claim} the roles (for the messages)
 */
public record CallerView(
        String subject, String org, List<String> roles, String orgClaim, String rolesClaim, List<String> problems) {

    static CallerView of(Caller caller, Identity identity) {
        List<String> roles = Arrays.stream(Role.values())
                .filter(caller::has)
                .map(Role::group)
                .toList();
        List<String> problems = new ArrayList<>();
        if (caller.org().isEmpty()) {
            problems.add("The token names no tenant: its claim " + identity.org() + " is missing or not an org id"
                    + " (lower-case letters, digits and hyphens). Ask whoever runs the identity provider to map your"
                    + " organisation to that claim.");
        }
        if (roles.isEmpty()) {
            problems.add("The token grants no role of this service: its claim " + identity.roles() + " names none of "
                    + Arrays.stream(Role.values()).map(Role::group).toList() + ". Ask whoever runs the identity"
                    + " provider for one.");
        }
        return new CallerView(
                caller.subject(),
                caller.org().map(OrgId::value).orElse(null),
                roles,
                identity.org().text(),
                identity.roles().text(),
                List.copyOf(problems));
    }
}
