package dev.filegate.domain.storage;

import java.util.Optional;

/** Conditions of a read: an optional byte range and an optional {@code If-None-Match} entity tag. */
public record ReadConditions(Optional<ByteRange> range, Optional<String> ifNoneMatch) {

    public static ReadConditions none() {
        return new ReadConditions(Optional.empty(), Optional.empty());
    }
}
