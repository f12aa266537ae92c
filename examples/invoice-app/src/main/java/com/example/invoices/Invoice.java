package com.example.invoices;

import jakarta.json.JsonObject;

/**
 * An invoice as the service shows it: the file filegate stored for it.
 *
 * @param id filegate's id of the file
 * @param filename the name it was uploaded with
 * @param size its length in bytes
 * @param sha256 its SHA-256 in hex as filegate computed it on upload; {@code null} in lists, which leave it out
 */
public record Invoice(String id, String filename, long size, String sha256) {

    /** From one of filegate's file objects ({@code {id, filename, size, sha256, ...}}). */
    static Invoice fromFile(JsonObject file) {
        return new Invoice(
                file.getString("id"),
                file.getString("filename"),
                file.getJsonNumber("size").longValueExact(),
                file.getString("sha256", null));
    }
}
