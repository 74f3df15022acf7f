package io.vantaechonebula.agent.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Makes every HTTPS client of this process trust, besides the JVM's own authorities, the CA that
 * {@code ./vanta start} created ({@code run/tls/ca.pem}, which {@code ./vanta} names in
 * {@code $VANTA_CA}), or one an operator names there.
 */
public final class TrustedCa {

    public static final String CA_VARIABLE = "VANTA_CA";
    private static final long MAX_PEM_BYTES = 64 * 1024;

    private TrustedCa() {
    }

    /** Installs the default TLS context when {@code $VANTA_CA} names a file; does nothing when it is unset. */
    public static void installFromEnvironment() {
        String file = System.getenv(CA_VARIABLE);
        if (file != null && !file.isBlank()) {
            SSLContext.setDefault(contextTrusting(Path.of(file)));
        }
    }

    /** A TLS context that trusts the JVM's authorities and the certificates in the PEM file given. */
    public static SSLContext contextTrusting(Path pem) {
        try {
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            int n = 0;
            for (X509Certificate authority : jvmAuthorities()) {
                trusted.setCertificateEntry("jvm-" + n++, authority);
            }
            for (Certificate authority : read(pem)) {
                trusted.setCertificateEntry("vanta-ca-" + n++, authority);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("cannot trust the CA in " + pem + " ($" + CA_VARIABLE + "): " + e.getMessage(), e);
        }
    }

    private static Collection<? extends Certificate> read(Path pem) throws IOException, GeneralSecurityException {
        if (!Files.isRegularFile(pem)) {
            throw new IOException("there is no such file; ./vanta start writes the CA to run/tls/ca.pem, copy it from the pool's"
                    + " machine");
        }
        if (Files.size(pem) > MAX_PEM_BYTES) {
            throw new IOException("it is over " + MAX_PEM_BYTES + " bytes, too large for a CA certificate");
        }
        Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(Files.readAllBytes(pem)));
        if (certificates.isEmpty()) {
            throw new IOException("it holds no PEM certificate");
        }
        return certificates;
    }

    private static X509Certificate[] jvmAuthorities() throws GeneralSecurityException {
        TrustManagerFactory defaults = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        defaults.init((KeyStore) null);
        for (TrustManager manager : defaults.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509.getAcceptedIssuers();
            }
        }
        return new X509Certificate[0];
    }
}
