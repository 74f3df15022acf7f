package io.vantaechonebula.agent.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Base64;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustedCaTest {

    @TempDir
    Path dir;

    @Test
    void aPemCertificateBecomesATrustedAuthority() throws Exception {
        X509Certificate authority = someAuthority();
        Path pem = dir.resolve("ca.pem");
        Files.writeString(pem, "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(authority.getEncoded())
                + "\n-----END CERTIFICATE-----\n");

        assertThat(TrustedCa.contextTrusting(pem).getProtocol()).isEqualTo("TLS");
    }

    @Test
    void aMissingFileOrOneWithoutACertificateIsRefusedWithWhereToFindTheAuthority() throws Exception {
        assertThatThrownBy(() -> TrustedCa.contextTrusting(dir.resolve("nope.pem")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("run/tls/ca.pem");
        Path empty = dir.resolve("empty.pem");
        Files.writeString(empty, "not a certificate");
        assertThatThrownBy(() -> TrustedCa.contextTrusting(empty)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(empty.toString());
    }

    @Test
    void anOversizedFileIsRefusedUnread() throws Exception {
        Path big = dir.resolve("big.pem");
        Files.write(big, new byte[100_000]);

        assertThatThrownBy(() -> TrustedCa.contextTrusting(big)).hasMessageContaining("too large");
    }

    private static X509Certificate someAuthority() throws Exception {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        return ((X509TrustManager) factory.getTrustManagers()[0]).getAcceptedIssuers()[0];
    }
}
