/** The files resource: proxy upload (raw body or multipart form), listing, download, HEAD and delete. */
package dev.filegate.api.files;
