package dev.filegate.api.uploads;

import dev.filegate.domain.policy.PolicyViolation;
import java.util.ArrayList;
import java.util.List;

/** Part numbers from the path or query: decimal, 1 to 10 000 (the domain re-checks the range). */
final class PartNumbers {
    private PartNumbers() {}

    static int one(String text) {
        if (text == null || !text.matches("[0-9]{1,5}")) {
            throw invalid("a part number is a whole number from 1 to 10000");
        }
        return Integer.parseInt(text);
    }

    static List<Integer> list(String text, int max) {
        if (text == null || text.isEmpty()) {
            throw invalid("partNumbers is a comma-separated list of part numbers");
        }
        String[] parts = text.split(",", -1);
        if (parts.length > max) {
            throw invalid("at most " + max + " part numbers at once");
        }
        List<Integer> numbers = new ArrayList<>();
        for (String p : parts) {
            int n = one(p.strip());
            if (numbers.contains(n)) {
                throw invalid("part " + n + " is named twice");
            }
            numbers.add(n);
        }
        return numbers;
    }

    private static PolicyViolation invalid(String message) {
        return new PolicyViolation(PolicyViolation.Kind.INVALID_REQUEST, message);
    }
}
