package dev.filegate.api.config;

import dev.filegate.domain.policy.SizeLimit;
import dev.filegate.domain.policy.UploadPolicy;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

/** JSON for the non-secret parts of the configuration, shared by the capabilities and admin documents. */
public final class SettingsJson {

    private SettingsJson() {}

    public static JsonArrayBuilder uploadModes(ServiceConfiguration configuration) {
        JsonArrayBuilder modes = Json.createArrayBuilder();
        configuration.modes().upload().forEach(m -> modes.add(m.wire()));
        return modes;
    }

    public static JsonArrayBuilder allowedTypes(UploadPolicy policy) {
        JsonArrayBuilder types = Json.createArrayBuilder();
        policy.allowList().patterns().forEach(types::add);
        return types;
    }

    public static JsonArrayBuilder sizeLimits(UploadPolicy policy) {
        JsonArrayBuilder limits = Json.createArrayBuilder();
        for (SizeLimit l : policy.sizeLimits()) {
            limits.add(Json.createObjectBuilder()
                    .add("types", l.pattern())
                    .add("max_size", l.max().bytes()));
        }
        return limits;
    }

    public static JsonObjectBuilder expirySeconds(UploadPolicy policy) {
        return Json.createObjectBuilder()
                .add("upload_url", policy.expiries().uploadUrl().toSeconds())
                .add("download_url", policy.expiries().downloadUrl().toSeconds())
                .add("redirect", policy.expiries().redirect().toSeconds());
    }
}
