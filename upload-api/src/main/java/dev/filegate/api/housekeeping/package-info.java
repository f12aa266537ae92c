/**
 * Scheduled work on the container's managed executor: the pending-upload sweeper and the store's deferred clean-up.
 * Scheduling only; what is swept and why is the domain's.
 */
package dev.filegate.api.housekeeping;
