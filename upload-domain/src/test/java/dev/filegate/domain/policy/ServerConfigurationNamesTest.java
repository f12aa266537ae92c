package dev.filegate.domain.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServerConfigurationNamesTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "web.config",
                "WEB.CONFIG",
                "web .config",
                " web.config ",
                "web.config ;x",
                "web;x.config",
                "\uFF57\uFF45\uFF42.\uFF43onfig", // fullwidth
                "web\u00A0.config" // NO-BREAK SPACE
            })
    void webConfigIsRefusedInAnyCaseWidthOrSpacing(String name) {
        assertEquals(
                "the filename is a web server configuration file",
                Refusals.reason(ServerConfigurationNames::check, name));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "web.config.bak",
                "my.web.config",
                "webconfig",
                "web.configs",
                "web.config.", // a trailing dot is the shape rule's to refuse
                "web.config;.png", // IIS reads the file named web.config, not this one
                "web.png"
            })
    void onlyTheWholeNameIsAServerConfigurationFile(String name) {
        Refusals.passes(ServerConfigurationNames::check, name);
    }
}
