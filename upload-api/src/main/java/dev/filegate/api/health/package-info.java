/** MicroProfile Health checks: ready when the store answers with the service's credentials. */
package dev.filegate.api.health;
