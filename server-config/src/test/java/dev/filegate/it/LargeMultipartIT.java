package dev.filegate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.filegate.it.support.ApiIT;
import dev.filegate.it.support.ItProperties;
import dev.filegate.it.support.RandomBody;
import dev.filegate.it.support.Store;
import dev.filegate.it.support.Tokens;
import dev.filegate.it.support.Transfer;
import dev.filegate.it.support.UppyS3Client;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A file beyond S3's 5 GiB single-request limit through the Uppy-compatible multipart routes, from a plain Java
 * client: the parts stream from a generator (nothing holds the file), the service joins them, checks the result and
 * seals it with a multipart copy. Its own server configuration ({@code presigned-large}: presigned mode with the
 * default idle limit, octet streams up to 8 GiB), because joining and sealing 6 GiB takes a minute or two here.
 * Skipped with {@code -Dit.large=false}.
 */
@Tag("large")
class LargeMultipartIT extends ApiIT {

    private static final long MIB = 1024 * 1024;

    private final Transfer transfer = new Transfer();

    private record Started(String uploadId, String key) {}

    private static Started start(UppyS3Client uppy, String filename, String type) {
        HttpResponse<String> r = uppy.start(filename, type);
        assertEquals(200, r.statusCode(), r.body());
        JsonObject json = UppyS3Client.object(r);
        return new Started(json.getString("uploadId"), json.getString("key"));
    }

    private static String partUrl(UppyS3Client uppy, Started s, int n) {
        HttpResponse<String> r = uppy.signPart(s.uploadId(), s.key(), n);
        assertEquals(200, r.statusCode(), r.body());
        return UppyS3Client.object(r).getString("url");
    }

    private static int openUploads(String org) {
        try (Store store = new Store()) {
            return store.openMultipartUploads(org, "orgs/" + org + "/");
        }
    }

    @Test
    void aSixGibFileGoesUpInPartsStreamedFromAJavaClientAndDownloadsIdentical() throws IOException {
        assumeTrue(ItProperties.large(), "large uploads disabled with -Dit.large=false");
        String org = "uppy-six-gib";
        UppyS3Client uppy = new UppyS3Client(org, Tokens.uploader(org));
        long size = 6L << 30;
        long partSize = 64L * MIB;
        int parts = (int) ((size + partSize - 1) / partSize);
        long started = System.nanoTime();
        Started s = start(uppy, "six.bin", "application/octet-stream");
        try (InputStream whole = new RandomBody(size, 6)) {
            for (int n = 1; n <= parts; n++) {
                long length = Math.min(partSize, size - (n - 1) * partSize);
                InputStream part = new BoundedInput(whole, length);
                HttpResponse<String> put = uppy.putPart(partUrl(uppy, s, n), length, () -> part);
                assertEquals(200, put.statusCode(), "part " + n + ": " + put.body());
            }
        }
        double uploaded = (System.nanoTime() - started) / 1e9;
        JsonArray held = UppyS3Client.array(uppy.listParts(s.uploadId(), s.key()));
        assertEquals(parts, held.size(), "every part listed (more than one page of the store's listing is fine)");
        long completing = System.nanoTime();
        HttpResponse<String> done = uppy.complete(s.uploadId(), s.key(), UppyS3Client.claims(held));
        assertEquals(200, done.statusCode(), done.body());
        double completed = (System.nanoTime() - completing) / 1e9;
        assertEquals(
                size,
                UppyS3Client.object(done)
                        .getJsonObject("file")
                        .getJsonNumber("size")
                        .longValue());
        HttpResponse<InputStream> got = transfer.download(org, Tokens.uploader(org), s.key());
        assertEquals(200, got.statusCode());
        assertEquals(RandomBody.sha256(size, 6), RandomBody.sha256(got.body()), "downloaded bytes are identical");
        System.out.printf(
                "MEASURED 6 GiB multipart upload: parts in %.1f s (%.0f MiB/s), complete (assemble, check, seal) in"
                        + " %.1f s%n",
                uploaded, size / uploaded / MIB, completed);
        assertEquals(0, openUploads(org));
    }

    /** The next {@code length} bytes of a stream, for one part; closing it leaves the stream open. */
    private static final class BoundedInput extends InputStream {
        private final InputStream in;
        private long left;

        BoundedInput(InputStream in, long length) {
            this.in = in;
            this.left = length;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }

        @Override
        public void close() {}
    }
}
