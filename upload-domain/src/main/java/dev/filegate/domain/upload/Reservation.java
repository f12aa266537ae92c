package dev.filegate.domain.upload;

import dev.filegate.domain.storage.ObjectLocation;
import java.util.Optional;

/** A validated upload with its freshly generated location, before anything is signed for it. */
record Reservation(ObjectLocation location, String filename, String type, long size, Optional<byte[]> digest) {}
