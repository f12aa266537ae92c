/**
 * The composition root of the one deployable: reads the whole configuration once ({@link
 * dev.filegate.server.DeploymentConfiguration}), binds the domain's ports to the S3 adapters and produces the use
 * cases the API injects. The only package that knows both the API and the storage adapter; nothing else may import
 * from it.
 */
package dev.filegate.server;
