package dev.filegate.testkit.store;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** SigV4-signing clients of a started store, as filegate reaches it. */
final class StoreClients {

    private StoreClients() {}

    static S3Client signedWith(StoreConnection store, String secretKey) {
        return S3Client.builder()
                .endpointOverride(store.endpoint())
                .region(Region.of(store.region()))
                .forcePathStyle(store.pathStyle())
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create(store.accessKey(), secretKey)))
                .build();
    }

    static S3Client of(StoreConnection store) {
        return signedWith(store, store.secretKey());
    }
}
