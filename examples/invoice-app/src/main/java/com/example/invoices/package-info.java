/**
 * An example user application (not part of filegate): a small invoice service that keeps its users' PDFs in filegate,
 * calling filegate's HTTP API with each user's own token. It may hold only the service's own resources and its client
 * of filegate's API; it is here to be tested with filegate-test-kit (see the module's integration test).
 */
package com.example.invoices;
