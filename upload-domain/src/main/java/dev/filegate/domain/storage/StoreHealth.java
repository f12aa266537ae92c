package dev.filegate.domain.storage;

/** Whether the store answered, and a short reason when it did not (no secrets). */
public record StoreHealth(boolean up, String detail) {}
