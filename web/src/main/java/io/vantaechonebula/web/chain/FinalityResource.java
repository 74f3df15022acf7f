package io.vantaechonebula.web.chain;

import io.vantaechonebula.chain.account.Account;
import io.vantaechonebula.chain.crypto.Address;
import io.vantaechonebula.chain.finality.FinalityCertificate;
import io.vantaechonebula.chain.store.FinalBlock;
import io.vantaechonebula.chain.store.StoredBlock;
import io.vantaechonebula.chain.vote.Vote;
import io.vantaechonebula.node.api.ChainOperations;
import io.vantaechonebula.web.problem.ApiProblemException;
import io.vantaechonebula.web.problem.ProblemType;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A chain's validators, the votes its node holds, and finality (docs/chain-spec.md §8, docs/chain-api.md). */
@Path("chains/{chain}")
@RequestScoped
public class FinalityResource {

    private static final JsonProvider JSON = JsonProvider.provider();

    @EJB
    private ChainOperations chains;

    @PathParam("chain")
    private String chainName;

    @GET
    @Path("validators")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject validators() {
        chains.params(chainName);
        long delay = chains.params(chainName).staking().exitDelayBlocks();
        JsonArrayBuilder validators = JSON.createArrayBuilder();
        long active = 0;
        for (Map.Entry<Address, Account> entry : new TreeMap<>(chains.stakedAccounts(chainName)).entrySet()) {
            Account account = entry.getValue();
            JsonObjectBuilder validator = JSON.createObjectBuilder().add("address", entry.getKey().hex())
                    .add("stake", account.stake()).add("exitHeight", account.exitHeight()).add("stakeSince", account.stakeSince())
                    .add("active", account.isActiveValidator());
            if (account.exitHeight() > 0) {
                validator.add("withdrawableFromHeight", account.exitHeight() + delay);
            }
            if (account.isActiveValidator()) {
                active += account.stake();
            }
            validators.add(validator);
        }
        return JSON.createObjectBuilder().add("chain", chains.params(chainName).name()).add("height", chains.head(chainName).height())
                .add("activeStake", active).add("minStake", chains.params(chainName).staking().minStake())
                .add("exitDelayBlocks", delay).add("slashRewardPercent", chains.params(chainName).staking().slashRewardPercent())
                .add("validators", validators).build();
    }

    @GET
    @Path("finality")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject finality() {
        chains.params(chainName);
        Optional<FinalBlock> finalBlock = chains.finalBlock(chainName);
        JsonObjectBuilder json = JSON.createObjectBuilder().add("chain", chains.params(chainName).name())
                .add("height", chains.head(chainName).height())
                .add("finalHeight", finalBlock.map(FinalBlock::height).orElse(-1L));
        finalBlock.ifPresent(block -> {
            json.add("finalHash", block.hash().toString());
            chains.certificate(chainName, block.hash()).ifPresent(certificate -> json.add("certificate", certificate(certificate)));
        });
        return json.build();
    }

    @GET
    @Path("blocks/{height}/finality")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject blockFinality(@PathParam("height") String heightText) {
        chains.params(chainName);
        long height = height(heightText);
        StoredBlock block = chains.blockAt(chainName, height).orElseThrow(() -> new ApiProblemException(ProblemType.BLOCK_NOT_FOUND,
                "No block at height " + height + " on the main chain of " + chainName + "; its head is at "
                        + chains.head(chainName).height()));
        long finalHeight = chains.finalBlock(chainName).map(FinalBlock::height).orElse(-1L);
        JsonObjectBuilder json = JSON.createObjectBuilder().add("height", height).add("hash", block.hash().toString())
                .add("final", height <= finalHeight).add("finalHeight", finalHeight);
        chains.certificate(chainName, block.hash()).ifPresent(certificate -> json.add("certificate", certificate(certificate)));
        return json.build();
    }

    @GET
    @Path("votes")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject votes(@QueryParam("height") String heightText) {
        chains.params(chainName);
        long height = height(heightText);
        JsonArrayBuilder votes = JSON.createArrayBuilder();
        chains.votesAt(chainName, height).forEach(vote -> votes.add(vote(vote)));
        return JSON.createObjectBuilder().add("height", height).add("votes", votes).build();
    }

    private static JsonObjectBuilder certificate(FinalityCertificate certificate) {
        JsonArrayBuilder votes = JSON.createArrayBuilder();
        certificate.votes().forEach(vote -> votes.add(vote(vote)));
        return JSON.createObjectBuilder().add("height", certificate.height()).add("round", certificate.round())
                .add("blockHash", certificate.blockHash().toString()).add("votes", votes);
    }

    private static JsonObjectBuilder vote(Vote vote) {
        return JSON.createObjectBuilder().add("validator", vote.validatorAddress().hex()).add("round", vote.round())
                .add("blockHash", vote.blockHash().toString())
                .add("decision", vote.decision().name().toLowerCase(java.util.Locale.ROOT));
    }

    private static long height(String text) {
        if (text == null || !text.matches("\\d{1,18}")) {
            throw new ApiProblemException(ProblemType.INVALID_PARAMETER, "height must be a block height such as 42, not '"
                    + text + "'");
        }
        return Long.parseLong(text);
    }
}
