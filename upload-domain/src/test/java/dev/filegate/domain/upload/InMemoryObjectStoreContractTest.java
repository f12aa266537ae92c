package dev.filegate.domain.upload;

import dev.filegate.domain.storage.ObjectStore;
import dev.filegate.domain.storage.ObjectStoreContract;
import java.util.List;

/** The fake the domain's tests use honours the store contract. */
class InMemoryObjectStoreContractTest extends ObjectStoreContract {

    @Override
    protected ObjectStore newStore() {
        return new InMemoryObjectStore();
    }

    /** Writes are all or nothing in memory: none is ever left unfinished. */
    @Override
    protected List<String> unfinishedWrites(String bucket) {
        return List.of();
    }
}
