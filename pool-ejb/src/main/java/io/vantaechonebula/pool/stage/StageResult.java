package io.vantaechonebula.pool.stage;

import jakarta.json.JsonObject;

/** What a stage found in one run, as a record; its JSON form is what goes to the {@code Training} queue. */
public interface StageResult {

    JsonObject json();
}
