package dev.filegate.api.files;

import java.util.List;

/** One page of a tenant's files; {@code next_cursor} only when there is a next page. */
public record FileListResponse(List<FileResponse> files, String nextCursor) {}
