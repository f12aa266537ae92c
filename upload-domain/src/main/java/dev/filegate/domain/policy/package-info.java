/**
 * Upload policy: size limits, the media-type allow-list, filename rules and expiries.
 *
 * <p>Pure functions over values; configuration arrives as constructor arguments, never read from the environment here.
 *
 * <p>{@link dev.filegate.domain.policy.FilenameRules} is the one public entry point for filenames. The rules it
 * applies in order ({@code RawCharacters}, {@code ReservedCharacters}, {@code WindowsDeviceNames}, {@code NameShape},
 * {@code NameLength}, {@code PercentEncoding}, {@code ServerConfigurationNames}, {@code BlockedExtensions},
 * {@code ExtensionForm}), the {@code NameView} they read and the {@code DefaultBlockedExtensions} data are
 * package-private, one rule each, and not part of the API.
 */
package dev.filegate.domain.policy;
