package dev.filegate.domain.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExtensionFormTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "x.a",
                "x.7z",
                "x.abcdefghij", // ten
                "x.PNG", // compared in lower case
                "README", // no extension
                "x.", // a trailing dot leaves none: the shape rule refuses it
                ".env", // a leading dot is no extension: the shape rule refuses it
                "x.p-ng.png", // only the last extension counts
                "x.asp;.png"
            })
    void anExtensionOfOneToTenAsciiLettersOrDigitsOrNoneIsAccepted(String name) {
        Refusals.passes(ExtensionForm::check, name);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "x.abcdefghijk", // eleven
                "x.p-ng",
                "x.p_ng",
                "x.p ng",
                "x.png;",
                "x.p\u00F1g", // a letter outside ASCII
                "x.\uFF50ng", // fullwidth p, kept in the stored name
                "x.mp\u00B3", // SUPERSCRIPT THREE
                "x.\u0661" // ARABIC-INDIC DIGIT ONE
            })
    void anyOtherExtensionIsRefused(String name) {
        assertEquals(
                "the file extension must be 1 to 10 ASCII letters or digits",
                Refusals.reason(ExtensionForm::check, name));
    }
}
