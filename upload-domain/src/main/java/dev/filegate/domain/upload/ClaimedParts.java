package dev.filegate.domain.upload;

import dev.filegate.domain.policy.PolicyViolation;
import dev.filegate.domain.storage.MultipartUploads;
import dev.filegate.domain.storage.MultipartUploads.UploadedPart;
import dev.filegate.domain.upload.ResumableUploads.ClaimedPart;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Holds the parts a client names on completion to the parts the store holds: each must be there with the same entity
 * tag (quoted or not), no number twice. The result is in ascending order, with the store's sizes and tags.
 */
final class ClaimedParts {

    private ClaimedParts() {}

    static List<UploadedPart> match(List<ClaimedPart> claimed, List<UploadedPart> held) {
        if (claimed == null || claimed.isEmpty()) {
            throw invalid("name the uploaded parts to complete the upload from");
        }
        if (claimed.size() > MultipartUploads.MAX_PARTS) {
            throw invalid("an upload has at most " + MultipartUploads.MAX_PARTS + " parts");
        }
        Map<Integer, UploadedPart> byNumber = new HashMap<>();
        held.forEach(p -> byNumber.put(p.number(), p));
        List<ClaimedPart> sorted = new ArrayList<>(claimed);
        sorted.sort(Comparator.comparingInt(ClaimedPart::number));
        List<UploadedPart> chosen = new ArrayList<>(sorted.size());
        int previous = 0;
        for (ClaimedPart c : sorted) {
            if (c.number() == previous) {
                throw invalid("part " + c.number() + " is named twice");
            }
            previous = c.number();
            UploadedPart p = byNumber.get(c.number());
            if (p == null || c.etag() == null || !unquoted(p.etag()).equals(unquoted(c.etag()))) {
                throw invalid("part " + c.number() + " was not uploaded, or was uploaded again since (its ETag"
                        + " differs); list the parts and complete from them");
            }
            chosen.add(p);
        }
        return chosen;
    }

    private static String unquoted(String etag) {
        String t = etag.strip();
        return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
    }

    private static PolicyViolation invalid(String message) {
        return new PolicyViolation(PolicyViolation.Kind.INVALID_REQUEST, message);
    }
}
