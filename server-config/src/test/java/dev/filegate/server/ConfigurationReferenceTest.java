package dev.filegate.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.filegate.api.config.Settings;
import dev.filegate.domain.policy.FilenameRules;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Each default lives in the code that reads the key; the README's reference and the properties file agree with it. */
class ConfigurationReferenceTest {

    private static final Path README = Path.of("..", "README.md");
    private static final Path PROPERTIES = Path.of("src/main/resources/META-INF/microprofile-config.properties");
    private static final Pattern ROW = Pattern.compile("^\\| (`[^|]+`) \\| ([^|]+) \\|");
    private static final Pattern CODE = Pattern.compile("`([^`]*)`");
    /** Keys read with a default that the reference describes in prose rather than as a value. */
    private static final Set<String> DESCRIBED = Set.of("mp.config.profile", "upload.blocked-extensions");

    private static Map<String, String> codeDefaults() {
        return consulted().defaults();
    }

    private static Settings consulted() {
        return DeploymentConfiguration.consulted(new MapConfig(DeploymentConfigurationTest.complete()));
    }

    /** key → the README's default cell, one entry per key of multi-key rows ({@code `a`, `b` | `1`, `2`}). */
    private static Map<String, String> readmeDefaults() throws IOException {
        Map<String, String> rows = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(README);
        int start = lines.indexOf("## Configuration reference");
        for (String line : lines.subList(start, lines.size())) {
            if (line.startsWith("#") && !line.equals(lines.get(start))) {
                break;
            }
            Matcher row = ROW.matcher(line);
            if (!row.find()) {
                continue;
            }
            List<String> keys = codes(row.group(1));
            String cell = row.group(2).strip();
            List<String> values = codes(cell);
            for (int i = 0; i < keys.size(); i++) {
                boolean oneValueEach = keys.size() > 1 && values.size() == keys.size();
                rows.put(keys.get(i), oneValueEach ? "`" + values.get(i) + "`" : cell);
            }
        }
        return rows;
    }

    private static List<String> codes(String text) {
        List<String> codes = new ArrayList<>();
        Matcher m = CODE.matcher(text);
        while (m.find()) {
            codes.add(m.group(1));
        }
        return codes;
    }

    @Test
    void everyKeyReadWithADefaultIsInTheReadmeWithThatDefault() throws IOException {
        Map<String, String> readme = readmeDefaults();
        Map<String, String> code = codeDefaults();
        assertTrue(code.size() > 30, "the defaults were collected: " + code.keySet());
        List<String> disagreements = new ArrayList<>();
        code.forEach((key, value) -> {
            if (DESCRIBED.contains(key)) {
                return;
            }
            String cell = readme.get(key);
            String expected = value.isEmpty() ? "empty" : "`" + value + "`";
            if (cell == null || !cell.startsWith(expected)) {
                disagreements.add(key + ": code " + expected + ", README " + cell);
            }
        });
        assertEquals(List.of(), disagreements);
    }

    @Test
    void theReadmeCountsTheBlockedExtensionsTheCodeBlocks() throws IOException {
        String cell = readmeDefaults().get("upload.blocked-extensions");
        assertTrue(
                cell.startsWith(FilenameRules.DEFAULT_BLOCKED_EXTENSIONS.size() + " "),
                "the code blocks " + FilenameRules.DEFAULT_BLOCKED_EXTENSIONS.size() + ", README says: "
                        + cell.substring(0, 40));
    }

    @Test
    void everyKeyInTheReadmeIsReadByTheService() throws IOException {
        Set<String> read = consulted().keys();
        List<String> unknown = readmeDefaults().keySet().stream()
                .filter(key -> !read.contains(key))
                .toList();
        assertEquals(List.of(), unknown, "documented but never read");
    }

    @Test
    void thePropertiesFileRepeatsNoDefaultOfTheCode() throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(PROPERTIES)) {
            properties.load(in);
        }
        Map<String, String> code = codeDefaults();
        for (String key : properties.stringPropertyNames()) {
            assertFalse(
                    !key.startsWith("%") && code.containsKey(key),
                    key + " is set in the properties file although the code reads it with a default");
        }
    }
}
