package dev.filegate.domain.upload;

import java.util.List;

/** A page of a tenant's files and the cursor of the next page ({@code null} at the end). */
public record FilePage(List<StoredFile> files, String nextCursor) {}
