package dev.filegate.domain.upload;

import dev.filegate.domain.policy.DataSize;
import dev.filegate.domain.policy.Expiries;
import dev.filegate.domain.policy.FilenameRules;
import dev.filegate.domain.policy.MediaTypeAllowList;
import dev.filegate.domain.policy.SizeLimit;
import dev.filegate.domain.policy.UploadPolicy;
import dev.filegate.domain.tenant.TenancyStrategy;

/** What the direct-transfer use case tests share: one shared bucket, images up to 1 MiB. */
final class Fixtures {

    static final TenancyStrategy SHARED_BUCKET = TenancyStrategy.of("shared-bucket", "files", null);

    private Fixtures() {}

    static UploadPolicy imagesUpTo1MiB() {
        return new UploadPolicy(
                DataSize.ofMebibytes(1),
                SizeLimit.parseAll(""),
                MediaTypeAllowList.parse("image/*"),
                FilenameRules.defaults(),
                Expiries.defaults());
    }
}
