/**
 * JSON at the API's edge: one JSON-B configuration (snake_case names, no nulls) for every record the resources take
 * or return, and the strict reader that request bodies pass before they are bound.
 */
package dev.filegate.api.json;
