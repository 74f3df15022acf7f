package io.vantaechonebula.pool.api;

import jakarta.ejb.Local;
import java.util.List;

/** Samples scored by the agents against what they learnt, for {@code POST /api/v1/ai/process}; nothing is learnt. */
@Local
public interface AssessmentOperations {

    /**
     * In the order given, which should be the order they were sampled in.
     *
     * @param nodeId the node the explanations name
     */
    List<SampleAssessment> assess(String nodeId, List<SampleView> samples);
}
