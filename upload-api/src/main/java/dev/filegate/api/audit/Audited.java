package dev.filegate.api.audit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks a resource method whose every answer writes one audit line ({@link AuditFilter}). */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Audited {

    AuditEvent.Action value();

    /** The transfer mode, or the deployment's direct upload or download mode. */
    AuditEvent.Mode mode();
}
