package dev.filegate.domain.upload;

import dev.filegate.domain.file.FileId;
import dev.filegate.domain.storage.PostPolicy;

/** What a browser needs for a form upload: the file's id (to complete it afterwards) and the signed form. */
public record FormUpload(FileId id, PostPolicy form) {}
