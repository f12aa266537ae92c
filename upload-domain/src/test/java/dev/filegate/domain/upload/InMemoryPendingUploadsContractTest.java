package dev.filegate.domain.upload;

import dev.filegate.domain.storage.PendingUploads;
import dev.filegate.domain.storage.PendingUploadsContract;

/** The ledger fake the domain's tests use honours the ledger contract. */
class InMemoryPendingUploadsContractTest extends PendingUploadsContract {

    @Override
    protected PendingUploads newLedger() {
        return new InMemoryPendingUploads();
    }
}
