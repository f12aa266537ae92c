/**
 * The invoice service's integration suite, written as its team would write it: Arquillian deploys the service and
 * filegate's WAR to one managed Liberty, and filegate-test-kit supplies the store, the tokens and filegate's
 * configuration. Only the suite and its HTTP client belong here.
 */
package com.example.invoices.it;
