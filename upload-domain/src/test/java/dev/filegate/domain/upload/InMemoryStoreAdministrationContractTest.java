package dev.filegate.domain.upload;

import dev.filegate.domain.storage.StoreAdministrationContract;

/** The fake the domain's tests use honours the administration contract. */
class InMemoryStoreAdministrationContractTest extends StoreAdministrationContract {

    @Override
    protected Stores newStores() {
        InMemoryObjectStore store = new InMemoryObjectStore();
        return new Stores(store, store);
    }
}
