/**
 * Reads MicroProfile Config once, validates it as a whole (failing the deployment at start-up with every problem
 * listed), and produces the domain services and storage adapters for injection.
 */
package dev.filegate.api.config;
