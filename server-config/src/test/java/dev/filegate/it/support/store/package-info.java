/**
 * The stores the black-box suites can run against ({@code -Dit.store=s3proxy|minio|external|ceph}): a
 * {@link dev.filegate.it.support.store.StoreTarget} per kind, chosen by
 * {@link dev.filegate.it.support.store.StoreTargets}. Only test support: nothing here is deployed.
 */
package dev.filegate.it.support.store;
