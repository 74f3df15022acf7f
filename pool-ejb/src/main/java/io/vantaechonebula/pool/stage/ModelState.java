package io.vantaechonebula.pool.stage;

/**
 * A learnt model as it is stored between runs.
 *
 * @param model   which model it is ({@code pattern-recognizer}, say)
 * @param version the version of its state's form; a stored state of another version is not taken up
 * @param trained how many values it has learnt from
 */
public record ModelState(String model, int version, long trained, byte[] state) {
}
