package dev.filegate.domain.usage;

import java.time.Instant;

/** The last refresh failed (the snapshot before it, if any, is still answered): when, and the store's reason. */
public record RefreshFailure(Instant at, String detail) {}
