package io.github.s3lite.bench;

import java.util.Properties;

import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;

/**
 * S3Proxy 4.1.0 as its own process: filesystem-nio2 blob store on a directory, AWS V2/V4 signature checking.
 * Prints {@code READY <port>} once it accepts requests and runs until killed.
 * <p>
 * Arguments: {@code <port> <storageDir> <accessKey> <secretKey> [<securePort> <keystore.p12> <password>]}: with the
 * last three it also serves https on {@code securePort} with the key pair of that PKCS12 key store.
 */
public final class S3ProxyServer {
    private S3ProxyServer() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String dir = args[1];
        Properties p = new Properties();
        p.setProperty("s3proxy.endpoint", "http://127.0.0.1:" + port);
        p.setProperty("s3proxy.authorization", "aws-v2-or-v4");
        p.setProperty("s3proxy.identity", args[2]);
        p.setProperty("s3proxy.credential", args[3]);
        p.setProperty("s3proxy.ignore-unknown-headers", "true");
        S3Proxy.Builder builder = S3Proxy.Builder.fromProperties(p)
                .blobStore(new FilesystemNio2BlobStore(dir))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, args[2], args[3])
                .ignoreUnknownHeaders(true);
        if (args.length >= 7) {
            builder.secureEndpoint(java.net.URI.create("https://127.0.0.1:" + args[4])).keyStore(args[5], args[6]);
        }
        S3Proxy proxy = builder.build();
        proxy.start();
        long deadline = System.currentTimeMillis() + 60_000;
        while (!"STARTED".equals(proxy.getState()) && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        System.out.println("READY " + proxy.getPort());
        System.out.flush();
        Thread.currentThread().join();
    }
}
