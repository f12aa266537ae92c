package dev.filegate.domain.upload;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.filegate.domain.storage.MultipartUploads;
import dev.filegate.domain.storage.MultipartUploadsContract;
import dev.filegate.domain.storage.ObjectLocation;
import dev.filegate.domain.storage.ObjectStore;
import java.time.Clock;

/** The fake the domain's tests use honours the multipart contract, with S3's rules. */
class InMemoryMultipartUploadsContractTest extends MultipartUploadsContract {

    private InMemoryObjectStore objects;
    private InMemoryMultipartUploads uploads;

    @Override
    protected MultipartUploads newUploads() {
        objects = new InMemoryObjectStore();
        uploads = new InMemoryMultipartUploads(objects, Clock.systemUTC());
        return uploads;
    }

    @Override
    protected ObjectStore objects() {
        return objects;
    }

    @Override
    protected String bucket() {
        return "contract-multipart";
    }

    @Override
    protected void uploadPart(ObjectLocation location, String uploadId, int partNumber, byte[] bytes) {
        assertTrue(uploads.uploadPart(location, uploadId, partNumber, bytes), "the store refused the part");
    }
}
