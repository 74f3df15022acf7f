package io.vantaechonebula.pool.api;

import java.util.Optional;

/**
 * One learnt model of an agent.
 *
 * @param stream the metric or figure it models
 * @param model  its kind and state in words, once trained
 */
public record ModelView(String subject, String stream, int version, long trainedCount, Optional<String> model,
                        long updatedAtMs) {
}
