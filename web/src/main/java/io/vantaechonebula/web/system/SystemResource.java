package io.vantaechonebula.web.system;

import io.vantaechonebula.node.api.NodeOperations;
import io.vantaechonebula.node.api.NodeStatus;
import io.vantaechonebula.pool.api.PoolOperations;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Says what this system is, so that nodes probing a port know they found it. */
@Path("system")
@RequestScoped
public class SystemResource {

    @EJB
    private NodeOperations node;

    @EJB
    private PoolOperations pool;

    @GET
    @Path("status")
    @Produces(MediaType.APPLICATION_JSON)
    public SystemStatus status() {
        NodeStatus status = node.status();
        return new SystemStatus(SystemStatus.SYSTEM_NAME, status.version(), status.nodeId(), status.mode(), status.runsPool(),
                pool.brokerKind(), status.chains(), status.startedAt().toString());
    }
}
