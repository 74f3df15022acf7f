package io.vantaechonebula.web.console.agents;

import io.vantaechonebula.web.agents.AgentSummaries;
import io.vantaechonebula.web.agents.AgentSummary;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The Agents page, read once per request. */
@Named
@RequestScoped
public class AgentsBean {

    @Inject
    private AgentSummaries summaries;

    private List<AgentSummary> agents;

    public List<AgentSummary> getAgents() {
        if (agents == null) {
            agents = summaries.all();
        }
        return agents;
    }

    /** The newest error among the agent's activities, "" if none failed. */
    public String lastError(AgentSummary agent) {
        return agent.activities().stream().map(AgentSummary.Activity::snapshot)
                .filter(snapshot -> snapshot.lastError() != null && !snapshot.lastError().isEmpty())
                .max(java.util.Comparator.comparingLong(snapshot -> snapshot.lastFailureAtMs()))
                .map(snapshot -> snapshot.name() + ": " + snapshot.lastError()).orElse("");
    }
}
