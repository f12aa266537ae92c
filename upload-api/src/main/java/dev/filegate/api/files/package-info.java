/**
 * A tenant's files over HTTP, one resource per concern, all under {@code /orgs/{org}/files}: the collection (list,
 * delete), proxy uploads, direct uploads (presign, complete) and downloads (bytes, HEAD, link) with one {@link
 * dev.filegate.api.files.DownloadStrategy} per download mode chosen at start-up. Resources validate the request,
 * delegate to a domain use case and return a record that JSON-B writes; small shared pieces give them links and mode
 * guards, and {@link dev.filegate.api.NoStore} marks what no cache may keep. No storage adapter and no policy lives here.
 */
package dev.filegate.api.files;
