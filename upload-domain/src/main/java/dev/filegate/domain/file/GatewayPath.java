package dev.filegate.domain.file;

import dev.filegate.domain.tenant.AccessDenied;
import dev.filegate.domain.tenant.OrgId;
import java.net.URI;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A file's address on a gateway, {@code /files/{org}/{fileId}}: the one form the service hands out and the only
 * one it accepts back. A raw request URI is parsed strictly (no percent-escapes, no dot segments, no empty
 * segments, no parameters, no trailing slash; the query is ignored), so that nothing a gateway or store might
 * normalise into another path is reinterpreted: it is refused.
 */
public final class GatewayPath {

    public static final String PREFIX = "/files/";
    private static final Pattern PATH = Pattern.compile("/files/([a-z0-9-]{1,64})/([0-9a-z.-]{1,64})");

    private GatewayPath() {}

    /** The gateway URL of a tenant's file. */
    public static URI url(URI gateway, OrgId org, FileId id) {
        String base = gateway.toString().endsWith("/")
                ? gateway.toString().substring(0, gateway.toString().length() - 1)
                : gateway.toString();
        return URI.create(base + PREFIX + org.value() + "/" + id.value());
    }

    /**
     * The tenant file a raw request URI names.
     *
     * @param rawUri the request URI exactly as the client sent it (nginx {@code $request_uri})
     * @throws AccessDenied for anything that is not exactly a gateway file path
     */
    public static StorageKey parse(String rawUri) {
        if (rawUri == null) {
            throw new AccessDenied("no original URI");
        }
        int q = rawUri.indexOf('?');
        String path = q >= 0 ? rawUri.substring(0, q) : rawUri;
        if (path.contains("%") || path.contains("..") || path.contains("//") || path.contains("\\")) {
            throw new AccessDenied("escapes, dot segments and empty segments are refused");
        }
        Matcher matcher = PATH.matcher(path);
        if (!matcher.matches()) {
            throw new AccessDenied("not a gateway file path");
        }
        OrgId org;
        try {
            org = OrgId.of(matcher.group(1));
        } catch (RuntimeException e) {
            throw new AccessDenied("not a valid org");
        }
        Optional<FileId> id = FileId.parse(matcher.group(2));
        if (id.isEmpty()) {
            throw new AccessDenied("not a file id");
        }
        return StorageKey.of(org, id.get());
    }
}
