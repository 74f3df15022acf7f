package io.vantaechonebula.telemetry;

/**
 * Where and how telemetry enters the pool (docs/ingest.md), named once for every sender and for the
 * pool itself: the queue remote producers put payloads on, the HTTP path they are posted to, and the
 * message properties that travel with a payload over JMS.
 */
public final class IngestAddresses {

    /** The queue of telemetry payloads, as JSON text: its physical name, which producers address. */
    public static final String NODE_DATA_QUEUE = "NodeData";
    /** The root of the REST API, and the ingest resource under it. */
    public static final String API_ROOT = "/api/v1";
    public static final String INGEST_RESOURCE = "pool/ingest";
    /** Where a payload is posted, from a pool's base URL. */
    public static final String INGEST_PATH = API_ROOT + "/" + INGEST_RESOURCE;
    /** The JMS property naming the node a payload is from. */
    public static final String NODE_ID_PROPERTY = "vanta_node_id";
    /** The JMS property giving the payload's kind, a {@link PayloadKind} name. */
    public static final String PAYLOAD_KIND_PROPERTY = "vanta_payload_kind";

    /** Where a node registers its key, from a pool's base URL. */
    public static final String REGISTRATIONS_PATH = API_ROOT + "/nodes/registrations";
    /** The JMS properties carrying a payload's Content-Digest, Signature-Input and Signature (docs/ingest.md). */
    public static final String CONTENT_DIGEST_PROPERTY = "vanta_content_digest";
    public static final String SIGNATURE_INPUT_PROPERTY = "vanta_signature_input";
    public static final String SIGNATURE_PROPERTY = "vanta_signature";

    private IngestAddresses() {
    }
}
