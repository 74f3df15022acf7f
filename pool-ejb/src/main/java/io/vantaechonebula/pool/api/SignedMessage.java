package io.vantaechonebula.pool.api;

/**
 * What a payload carries to prove its sender: the Content-Digest, Signature-Input and Signature
 * fields (HTTP headers, or JMS properties), each null when absent, and for HTTP the method and path
 * the signature covers.
 */
public record SignedMessage(String method, String path, String contentDigest, String signatureInput, String signature) {

    public static final SignedMessage UNSIGNED = new SignedMessage(null, null, null, null, null);

    public boolean signed() {
        return signatureInput != null || signature != null;
    }
}
