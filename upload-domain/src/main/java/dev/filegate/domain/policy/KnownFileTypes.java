package dev.filegate.domain.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which file extensions belong to which media types, for the extension/type consistency rule. The first extension
 * listed for a type is its canonical one, appended when a filename has none.
 */
public final class KnownFileTypes {

    private static final Map<String, List<String>> EXTENSIONS_BY_TYPE = new LinkedHashMap<>();

    static {
        add("image/png", "png");
        add("image/jpeg", "jpg", "jpeg", "jpe");
        add("image/gif", "gif");
        add("image/webp", "webp");
        add("image/avif", "avif");
        add("image/heic", "heic");
        add("image/bmp", "bmp");
        add("image/tiff", "tif", "tiff");
        add("image/svg+xml", "svg");
        add("image/vnd.microsoft.icon", "ico");
        add("image/x-icon", "ico");
        add("application/pdf", "pdf");
        add("text/plain", "txt", "text", "log");
        add("text/csv", "csv");
        add("text/markdown", "md");
        add("text/html", "html", "htm");
        add("application/json", "json");
        add("application/xml", "xml");
        add("text/xml", "xml");
        add("application/zip", "zip");
        add("application/gzip", "gz");
        add("application/x-tar", "tar");
        add("video/mp4", "mp4");
        add("video/webm", "webm");
        add("audio/mpeg", "mp3");
        add("audio/wav", "wav");
        add("application/msword", "doc");
        add("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx");
        add("application/vnd.ms-excel", "xls");
        add("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");
        add("application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx");
        add("application/vnd.oasis.opendocument.text", "odt");
    }

    private static final Map<String, Set<String>> TYPES_BY_EXTENSION = EXTENSIONS_BY_TYPE.entrySet().stream()
            .flatMap(e -> e.getValue().stream().map(ext -> Map.entry(ext, e.getKey())))
            .collect(Collectors.groupingBy(
                    Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toSet())));

    private KnownFileTypes() {}

    private static void add(String type, String... extensions) {
        EXTENSIONS_BY_TYPE.put(type, List.of(extensions));
    }

    public static boolean isKnownType(MediaType type) {
        return EXTENSIONS_BY_TYPE.containsKey(type.toString());
    }

    public static boolean isKnownExtension(String extension) {
        return TYPES_BY_EXTENSION.containsKey(extension);
    }

    public static Optional<String> canonicalExtension(MediaType type) {
        return Optional.ofNullable(EXTENSIONS_BY_TYPE.get(type.toString())).map(l -> l.get(0));
    }

    /**
     * The extension a stored key gets for a file of this name declared with this type.
     *
     * @return the lower-case extension without its dot, or an empty string for none
     * @throws PolicyViolation {@code TYPE_MISMATCH} when name and type disagree (e.g. {@code x.png} as {@code text/html})
     */
    public static String keyExtension(FileName name, MediaType type) {
        String ext = name.extension();
        boolean knownType = isKnownType(type);
        if (ext.isEmpty()) {
            return canonicalExtension(type).orElse("");
        }
        if (isKnownExtension(ext)) {
            boolean consistent =
                    TYPES_BY_EXTENSION.get(ext).contains(type.toString()) || type.equals(MediaType.OCTET_STREAM);
            if (!consistent) {
                throw new PolicyViolation(
                        PolicyViolation.Kind.TYPE_MISMATCH,
                        "the file extension ." + ext + " does not match the declared content type " + type);
            }
            return ext;
        }
        if (knownType) {
            throw new PolicyViolation(
                    PolicyViolation.Kind.TYPE_MISMATCH,
                    "the file extension ." + ext + " does not match the declared content type " + type);
        }
        return ext;
    }
}
