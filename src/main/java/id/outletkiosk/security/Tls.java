package id.outletkiosk.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Whom this terminal trusts over TLS: the system's trust store, plus the certificates of an optional CA
 * file (PEM) for store servers with their own certificate authority, and for the central backend an
 * optional public-key pin ({@code sha256/<base64>} of the certificate's SubjectPublicKeyInfo, as
 * OkHttp and HPKP write it). One context serves OkHttp and the WebSocket client alike, so plain HTTP
 * and the sockets never disagree on whom to trust. Host names are checked by the clients.
 */
public final class Tls {
    private final Path caFile;
    private final String pin;
    private SSLContext context;
    private X509TrustManager trustManager;

    private Tls(Path caFile, String pin) {
        this.caFile = caFile;
        this.pin = pin;
    }

    /**
     * Built on first use: loading the system trust store costs ~0.17 s at start, which a terminal that
     * speaks plain HTTP to its store server should not pay.
     *
     * @param caFile PEM file with one or more CA (or self-signed server) certificates, or null
     * @param pin    {@code sha256/<base64>} the server's chain must contain, or null
     */
    public static Tls trusting(Path caFile, String pin) {
        return new Tls(caFile, pin);
    }

    public synchronized SSLContext context() {
        build();
        return context;
    }

    public synchronized X509TrustManager trustManager() {
        build();
        return trustManager;
    }

    /** @throws IllegalArgumentException when the CA file cannot be read or holds no certificate */
    private void build() {
        if (context != null) {
            return;
        }
        try {
            List<X509TrustManager> anchors = new ArrayList<>();
            anchors.add(trustManagerFor(null)); // the system's trust store
            if (caFile != null) {
                anchors.add(trustManagerFor(readCertificates(caFile)));
            }
            X509TrustManager trust = new AnyOfThenPin(anchors, pin);
            SSLContext built = SSLContext.getInstance("TLS");
            built.init(null, new TrustManager[] {trust}, null);
            trustManager = trust;
            context = built;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available in this Java: " + e.getMessage(), e);
        }
    }

    /** The pin of a certificate's public key: {@code sha256/} and the Base64 of SHA-256 over its SPKI. */
    public static String pinOf(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getPublicKey().getEncoded());
            return "sha256/" + Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /**
     * "backend certificate not trusted: ..." and the like: the innermost cause of a failed handshake in
     * one line a manager can act on.
     */
    public static String describe(String serverName, String host, Exception failure) {
        // the outermost certificate complaint is ours ("not signed by a trusted authority", "pin mismatch");
        // without one, the innermost cause says most
        Throwable cause = failure;
        while (!(cause instanceof CertificateException) && cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String why = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        if (cause instanceof CertificateException || why.contains("PKIX") || why.contains("certificate")) {
            return serverName + " certificate not trusted at " + host + ": " + why;
        }
        if (cause instanceof javax.net.ssl.SSLPeerUnverifiedException || why.contains("hostname")
                || why.contains("subject alternative")) {
            return serverName + " certificate is for another host than " + host + ": " + why;
        }
        return "secure connection to the " + serverName + " at " + host + " failed: " + why;
    }

    /** True for {@code sha256/} followed by the Base64 of 32 bytes. */
    public static boolean isPin(String text) {
        if (text == null || !text.startsWith("sha256/")) {
            return false;
        }
        try {
            return Base64.getDecoder().decode(text.substring("sha256/".length())).length == 32;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The certificates of a PEM (or DER) file. */
    public static List<X509Certificate> readCertificates(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            Collection<? extends java.security.cert.Certificate> read = CertificateFactory.getInstance("X.509")
                    .generateCertificates(in);
            List<X509Certificate> certificates = new ArrayList<>();
            read.forEach(certificate -> certificates.add((X509Certificate) certificate));
            if (certificates.isEmpty()) {
                throw new IllegalArgumentException("no certificate in " + file);
            }
            return certificates;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (CertificateException e) {
            throw new IllegalArgumentException(file + " is not a PEM certificate file: " + e.getMessage(), e);
        }
    }

    private static X509TrustManager trustManagerFor(List<X509Certificate> anchors) throws GeneralSecurityException {
        KeyStore store = null;
        if (anchors != null) {
            store = KeyStore.getInstance(KeyStore.getDefaultType());
            try {
                store.load(null, null);
            } catch (IOException e) {
                throw new GeneralSecurityException(e);
            }
            for (int index = 0; index < anchors.size(); index++) {
                store.setCertificateEntry("ca-" + index, anchors.get(index));
            }
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("no X.509 trust manager");
    }

    /** Trusted by any of the anchors' managers, then, with a pin, holding the pinned key. */
    private static final class AnyOfThenPin implements X509TrustManager {
        private final List<X509TrustManager> anchors;
        private final String pin;

        AnyOfThenPin(List<X509TrustManager> anchors, String pin) {
            this.anchors = anchors;
            this.pin = pin;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            CertificateException refused = null;
            boolean trusted = false;
            for (X509TrustManager anchor : anchors) {
                try {
                    anchor.checkServerTrusted(chain, authType);
                    trusted = true;
                    break;
                } catch (CertificateException e) {
                    refused = refused == null ? e : refused;
                }
            }
            if (!trusted) {
                String subject = chain.length == 0 ? "(no certificate)" : chain[0].getSubjectX500Principal().getName();
                throw new CertificateException("certificate of " + subject + " is not signed by a trusted authority"
                        + " (add its CA with ca-file)", refused);
            }
            if (pin != null) {
                for (X509Certificate certificate : chain) {
                    if (pin.equals(pinOf(certificate))) {
                        return;
                    }
                }
                throw new CertificateException("public key pin mismatch: expected " + pin + ", the server sent "
                        + (chain.length == 0 ? "nothing" : pinOf(chain[0])));
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("this client does not accept client certificates");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return anchors.stream().flatMap(anchor -> java.util.Arrays.stream(anchor.getAcceptedIssuers()))
                    .toArray(X509Certificate[]::new);
        }
    }
}
