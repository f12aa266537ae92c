package dev.filegate.api.requestid;

import com.ibm.websphere.logging.hpel.LogRecordContext;

/**
 * Fields added to every log record this thread writes while they are set: on Liberty, its {@code LogRecordContext},
 * which JSON logs show as {@code ext_<name>} members (Liberty's own lines of the request included). Elsewhere, or if
 * Liberty refuses, nothing: the fields are a help to operators, never a reason to fail a request.
 */
public final class LogFields {

    private static final boolean LIBERTY = present("com.ibm.websphere.logging.hpel.LogRecordContext");

    private LogFields() {}

    public static void put(String name, String value) {
        if (LIBERTY && value != null) {
            LogRecordContext.addExtension(name, value);
        }
    }

    public static void remove(String name) {
        if (LIBERTY) {
            LogRecordContext.removeExtension(name);
        }
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, LogFields.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
