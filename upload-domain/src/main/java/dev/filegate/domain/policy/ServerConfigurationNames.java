package dev.filegate.domain.policy;

import static dev.filegate.domain.policy.NameRule.refused;

import java.util.List;
import java.util.Set;

/**
 * Names that configure a web server for the directory they sit in, refused whole in the view (so in any case, width
 * or spacing), like {@code .htaccess} (which the leading-dot rule and the blocked extensions already refuse): IIS
 * reads {@code web.config}. Only the whole name: {@code web.config.bak} is not read.
 */
final class ServerConfigurationNames {

    private static final Set<List<String>> NAMES = Set.of(List.of("web", "config"));

    private ServerConfigurationNames() {}

    static void check(NameView name) {
        if (NAMES.contains(name.segments())) {
            throw refused("the filename is a web server configuration file");
        }
    }
}
