/**
 * Scheduled work on the container's managed executor: the pending-upload sweeper, the store's deferred clean-up and
 * the admin view's usage snapshot. Scheduling only; what is swept or counted and why is the domain's.
 */
package dev.filegate.api.housekeeping;
