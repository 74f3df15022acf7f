/**
 * What an agent's part is to the pipeline: a stage over each stored batch ({@link io.vantaechonebula.pool.stage.SampleProcessor}),
 * a watch on a clock ({@link io.vantaechonebula.pool.stage.Watch}), a learner of the stages' results ({@link io.vantaechonebula.pool.stage.Learner}),
 * the statistics port they keep their state through, and what they report ({@link io.vantaechonebula.pool.stage.FindingReport}).
 * Plain Java: no container or JPA types here.
 */
package io.vantaechonebula.pool.stage;
