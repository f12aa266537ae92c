package dev.filegate.storage.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.filegate.domain.policy.PolicyViolation;
import dev.filegate.domain.storage.StoreUnavailable;
import dev.filegate.domain.tenant.OrgId;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PartBuffersTest {

    private static final OrgId HOG = OrgId.of("hog");
    private static final OrgId OTHER = OrgId.of("other");
    private static final OrgId THIRD = OrgId.of("third");

    private final PartBuffers buffers = new PartBuffers(16, 4, Duration.ofMillis(50));

    @Test
    void aTenantPastItsHalfIsTold429WhileAnotherTenantStillGetsABuffer() {
        assertEquals(2, buffers.perTenant());
        buffers.take(HOG);
        buffers.take(HOG);
        assertEquals(
                PolicyViolation.Kind.TENANT_BUSY,
                assertThrows(PolicyViolation.class, () -> buffers.take(HOG)).kind());
        assertEquals(16, buffers.take(OTHER).length, "the other tenant is not starved");
    }

    @Test
    void theWholePoolInUseIsATemporaryOutageAndGivingBackFreesBoth() {
        buffers.take(HOG);
        buffers.take(HOG);
        buffers.take(OTHER);
        buffers.take(OTHER);
        assertThrows(StoreUnavailable.class, () -> buffers.take(THIRD));
        buffers.giveBack(HOG);
        buffers.take(THIRD);
        buffers.giveBack(OTHER);
        buffers.take(HOG);
        assertThrows(PolicyViolation.class, () -> buffers.take(HOG), "the share is counted again once taken");
    }

    @Test
    void aRefusalOnTheWholePoolDoesNotCostTheTenantItsShare() {
        buffers.take(HOG);
        buffers.take(HOG);
        buffers.take(OTHER);
        buffers.take(OTHER);
        assertThrows(StoreUnavailable.class, () -> buffers.take(THIRD));
        assertThrows(StoreUnavailable.class, () -> buffers.take(THIRD));
        buffers.giveBack(OTHER);
        buffers.take(THIRD);
    }
}
