package dev.filegate.api.files;

import dev.filegate.api.problem.Problems;
import dev.filegate.domain.storage.ObjectRead;
import dev.filegate.domain.storage.ReadConditions;
import dev.filegate.domain.tenant.Caller;
import dev.filegate.domain.tenant.OrgId;
import dev.filegate.domain.upload.FileService;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.util.Optional;

/** {@code download.mode=proxy}: the bytes stream from the store through the service, ranges and ETags honoured. */
final class ProxyDownload implements DownloadStrategy {

    private final FileService files;
    private final FileLinks links;

    ProxyDownload(FileService files, FileLinks links) {
        this.files = files;
        this.links = links;
    }

    @Override
    public Optional<Response> download(Caller caller, OrgId org, String id, ReadConditions conditions) {
        ObjectRead read = files.read(caller, org, id, conditions);
        if (read instanceof ObjectRead.Content content) {
            StreamingOutput stream = out -> {
                try (InputStream in = content.body()) {
                    in.transferTo(out);
                }
            };
            Response.ResponseBuilder r =
                    Response.status(content.partial() ? 206 : 200).entity(stream);
            DownloadHeaders.apply(r, content.object(), content.contentLength());
            if (content.partial()) {
                r.header("Content-Range", content.contentRange());
            }
            return Optional.of(r.build());
        }
        if (read instanceof ObjectRead.NotModified notModified) {
            return Optional.of(Response.notModified()
                    .header("ETag", notModified.etag())
                    .header("Cache-Control", "private, no-cache")
                    .build());
        }
        if (read instanceof ObjectRead.RangeNotSatisfiable unsatisfiable) {
            return Optional.of(Response.fromResponse(Problems.rangeNotSatisfiable("the range lies outside the file")
                            .toResponse())
                    .header("Content-Range", "bytes */" + unsatisfiable.size())
                    .build());
        }
        return Optional.empty();
    }

    @Override
    public Optional<LinkResponse> link(Caller caller, OrgId org, String id) {
        return files.describe(caller, org, id)
                .map(file -> new LinkResponse(links.of(file).toString(), null, "bearer"));
    }
}
