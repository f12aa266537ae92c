package dev.filegate.api.config;

import dev.filegate.domain.tenant.TenancyStrategy;

/** {@code upload.tenancy}, {@code upload.bucket}, {@code upload.bucket-template}: where each tenant's files live. */
final class TenancySection {

    private TenancySection() {}

    /** @return the strategy, or {@code null} with the problems recorded in {@code s} */
    static TenancyStrategy read(Settings s) {
        String name = s.string("upload.tenancy", "shared-bucket");
        String bucket = "shared-bucket".equals(name)
                ? s.required("upload.bucket", "the shared bucket holding every tenant's files")
                : s.optional("upload.bucket").orElse("unused");
        String template = s.string("upload.bucket-template", "tenant-{org}");
        return bucket == null ? null : s.build("upload.tenancy", () -> TenancyStrategy.of(name, bucket, template));
    }
}
