/**
 * Upload policy: size limits, the media-type allow-list, filename rules and expiries.
 *
 * <p>Pure functions over values; configuration arrives as constructor arguments, never read from the environment here.
 */
package dev.filegate.domain.policy;
