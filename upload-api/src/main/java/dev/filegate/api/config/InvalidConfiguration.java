package dev.filegate.api.config;

import java.util.List;

/** The configuration cannot run the service; the message lists every problem so one restart fixes them all. */
public final class InvalidConfiguration extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidConfiguration(String profile, List<String> problems) {
        super("filegate cannot start with this configuration (profile " + profile + "):\n  - "
                + String.join("\n  - ", problems));
    }
}
