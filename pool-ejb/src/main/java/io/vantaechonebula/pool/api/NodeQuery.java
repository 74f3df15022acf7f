package io.vantaechonebula.pool.api;

import java.util.Locale;

/**
 * Which nodes to list, in what order, a page at a time.
 *
 * @param idPrefix the nodes whose id starts with this; null or "" for all
 * @param nodeType null for every type
 * @param chainId null for every chain
 * @param verified null for both, else only the nodes whose newest sample was (or was not) signed by a registered key
 */
public record NodeQuery(String idPrefix, String nodeType, String chainId, Boolean verified, Order order, boolean ascending,
                        int offset, int limit) {

    /** What the nodes can be ordered by; ties go by id. */
    public enum Order {
        ID("nodeId"), TYPE("nodeType"), CHAIN("chainId"), LAST_SEEN("lastReceivedMs"), SAMPLES("samplesStored");

        private final String field;

        Order(String field) {
            this.field = field;
        }

        /** The entity field it orders by. */
        public String field() {
            return field;
        }

        public static Order of(String id) {
            for (Order order : values()) {
                if (order.name().toLowerCase(Locale.ROOT).replace('_', '-').equals(id)) {
                    return order;
                }
            }
            throw new IllegalArgumentException("unknown order '" + id + "': use id, type, chain, last-seen or samples");
        }
    }
}
