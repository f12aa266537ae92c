package dev.filegate.domain.storage;

import java.util.List;

/** One page of a listing, and an opaque cursor for the next page ({@code null} at the end). */
public record ObjectPage(List<StoredObject> objects, String nextCursor) {

    public ObjectPage {
        objects = List.copyOf(objects);
    }
}
