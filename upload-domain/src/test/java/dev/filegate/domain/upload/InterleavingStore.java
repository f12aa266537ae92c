package dev.filegate.domain.upload;

import dev.filegate.domain.storage.NewObject;
import dev.filegate.domain.storage.ObjectLocation;
import dev.filegate.domain.storage.ObjectPage;
import dev.filegate.domain.storage.ObjectRead;
import dev.filegate.domain.storage.ObjectStore;
import dev.filegate.domain.storage.ReadConditions;
import dev.filegate.domain.storage.StoredObject;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A store through which a test makes things happen between two calls of a use case, the way another instance of the
 * service, a client or the housekeeping job would at that moment: one-shot hooks run just before or just after the
 * first call they match (a hook may block, on the use case's thread, until another thread did its part). It can
 * also play a store that ignores the entity tag a copy or a read names ({@code ignoresConditions}): the copy then
 * copies whatever is there, as a lenient store would.
 */
final class InterleavingStore implements ObjectStore {

    enum Op {
        PUT,
        HEAD,
        COPY,
        GET,
        DELETE,
        LIST
    }

    /** One call: {@code to} and {@code object} only for a copy (and {@code object} for a put). */
    record Call(Op op, ObjectLocation from, ObjectLocation to, NewObject object) {

        /** A copy that writes a filename: the seal that makes an object a served file. */
        boolean seal() {
            return op == Op.COPY && object.filename() != null;
        }

        boolean copyOf(ObjectLocation source) {
            return op == Op.COPY && from.equals(source);
        }

        boolean headOf(ObjectLocation location) {
            return op == Op.HEAD && from.equals(location);
        }
    }

    private record Hook(Predicate<Call> when, Runnable then) {}

    private final ObjectStore store;
    private final boolean ignoresConditions;
    private final List<Hook> before = new CopyOnWriteArrayList<>();
    private final List<Hook> after = new CopyOnWriteArrayList<>();

    InterleavingStore(ObjectStore store, boolean ignoresConditions) {
        this.store = store;
        this.ignoresConditions = ignoresConditions;
    }

    /** Runs {@code then} once, just before the first call {@code when} accepts. */
    InterleavingStore onceBefore(Predicate<Call> when, Runnable then) {
        before.add(new Hook(when, then));
        return this;
    }

    /** Runs {@code then} once, just after the first call {@code when} accepts has returned. */
    InterleavingStore onceAfter(Predicate<Call> when, Runnable then) {
        after.add(new Hook(when, then));
        return this;
    }

    private static void fire(List<Hook> hooks, Call call) {
        for (Hook h : hooks) {
            if (h.when().test(call) && hooks.remove(h)) {
                h.then().run();
            }
        }
    }

    @Override
    public StoredObject put(ObjectLocation location, NewObject object, InputStream body) throws IOException {
        Call call = new Call(Op.PUT, location, null, object);
        fire(before, call);
        StoredObject stored = store.put(location, object, body);
        fire(after, call);
        return stored;
    }

    @Override
    public Optional<StoredObject> head(ObjectLocation location) {
        Call call = new Call(Op.HEAD, location, null, null);
        fire(before, call);
        Optional<StoredObject> head = store.head(location);
        fire(after, call);
        return head;
    }

    @Override
    public StoredObject copy(ObjectLocation from, ObjectLocation to, NewObject object, String sourceEtag) {
        Call call = new Call(Op.COPY, from, to, object);
        fire(before, call);
        String named = ignoresConditions
                ? store.head(from).map(StoredObject::etag).orElse(sourceEtag)
                : sourceEtag; // (a lenient store copies whatever it holds at that moment)
        StoredObject copy = store.copy(from, to, object, named);
        fire(after, call);
        return copy;
    }

    @Override
    public ObjectRead get(ObjectLocation location, ReadConditions conditions) {
        Call call = new Call(Op.GET, location, null, null);
        fire(before, call);
        ObjectRead read = store.get(
                location,
                ignoresConditions ? new ReadConditions(conditions.range(), conditions.ifNoneMatch()) : conditions);
        fire(after, call);
        return read;
    }

    @Override
    public boolean delete(ObjectLocation location) {
        Call call = new Call(Op.DELETE, location, null, null);
        fire(before, call);
        boolean deleted = store.delete(location);
        fire(after, call);
        return deleted;
    }

    @Override
    public ObjectPage list(String bucket, String prefix, String cursor, int limit) {
        return store.list(bucket, prefix, cursor, limit);
    }
}
