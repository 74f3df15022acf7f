package io.vantaechonebula.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.vantaechonebula.agent.VantaCommand;
import io.vantaechonebula.chain.block.BlockHeader;
import io.vantaechonebula.chain.crypto.Address;
import io.vantaechonebula.chain.crypto.Ed25519PrivateKey;
import io.vantaechonebula.chain.crypto.Hash;
import io.vantaechonebula.chain.crypto.KeyFile;
import io.vantaechonebula.chain.json.TransactionJson;
import io.vantaechonebula.chain.params.ChainParams;
import io.vantaechonebula.chain.params.ChainParamsFile;
import io.vantaechonebula.chain.pow.ProofOfWork;
import io.vantaechonebula.chain.tx.Transaction;
import io.vantaechonebula.it.Api.Answer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.function.UnaryOperator;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChainIT {

    private static final Path CHAINS = Path.of("..", "config", "chains");
    private static final String TESTNET = "/api/v1/chains/testnet";
    private static final String MAINNET = "/api/v1/chains/mainnet";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return VantaEar.asBuilt();
    }

    @Test
    @Order(1)
    void minesRealProofOfWorkBlocksOnTestnetAtTheConfiguredDifficulty() throws Exception {
        ChainParams testnet = ChainParamsFile.read(CHAINS.resolve("testnet.properties"));
        Api.eventually(() -> head(TESTNET).getJsonNumber("height").longValue(), height -> height >= 3);

        JsonObject first = Api.get(TESTNET + "/blocks/1").object();
        assertThat(new BigInteger(first.getString("target"), 16)).isEqualTo(testnet.genesisTarget());
        for (int height = 1; height <= 3; height++) {
            JsonObject block = Api.get(TESTNET + "/blocks/" + height).object();
            BlockHeader header = header(block, testnet.chainId());
            assertThat(header.hash().toString()).as("hash of block %d recomputed from its fields", height)
                    .isEqualTo(block.getString("hash"));
            assertThat(ProofOfWork.satisfies(header)).as("block %d meets its target", height).isTrue();
            assertThat(ProofOfWork.work(header.target())).isGreaterThanOrEqualTo(BigInteger.valueOf(1_000));
            JsonObject parent = Api.get(TESTNET + "/blocks/" + (height - 1)).object();
            assertThat(block.getString("parentHash")).isEqualTo(parent.getString("hash"));
        }
    }

    @Test
    @Order(2)
    void aTransferSubmittedOverRestIsIncludedAndMovesBalances() throws Exception {
        Ed25519PrivateKey dev = KeyFile.read(CHAINS.resolve("testnet-dev.key"));
        Address recipient = Ed25519PrivateKey.generate(new SecureRandom()).publicKey().address();
        JsonObject devBefore = account(dev.publicKey().address());
        Transaction tx = Transaction.transfer(dev, "vanta-testnet-1", recipient, 777_000, 2_000,
                devBefore.getJsonNumber("nextNonce").longValue());

        Answer answer = Api.post(TESTNET + "/transactions", json(tx, UnaryOperator.identity()).toString());

        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.object().getString("id")).isEqualTo(tx.id().toString());
        JsonObject status = Api.eventually(() -> Api.get(TESTNET + "/transactions/" + tx.id()).object(),
                s -> s.getString("status").equals("included"));
        assertThat(status.getString("status")).isEqualTo("included");
        assertThat(status.getJsonNumber("confirmations").longValue()).isGreaterThanOrEqualTo(1);
        assertThat(account(recipient).getJsonNumber("balance").longValue()).isEqualTo(777_000);
        JsonObject block = Api.get(TESTNET + "/blocks/" + status.getString("blockHash")).object();
        assertThat(block.getJsonArray("transactions").getValuesAs(JsonObject.class))
                .anySatisfy(included -> assertThat(included.getString("id")).isEqualTo(tx.id().toString()));
        long blockHeight = status.getJsonNumber("blockHeight").longValue();
        Api.eventually(() -> head(TESTNET).getJsonNumber("transactionIndexHeight").longValue(), indexed -> indexed >= blockHeight);
        JsonObject fromIndex = Api.get(TESTNET + "/transactions/" + tx.id()).object();
        assertThat(fromIndex.getString("status")).isEqualTo("included");
        assertThat(fromIndex.getString("blockHash")).isEqualTo(status.getString("blockHash"));
    }

    @Test
    @Order(3)
    void refusesEachKindOfBadTransactionWithItsReasonCode() throws Exception {
        Ed25519PrivateKey dev = KeyFile.read(CHAINS.resolve("testnet-dev.key"));
        Ed25519PrivateKey poor = Ed25519PrivateKey.generate(new SecureRandom());
        Address to = poor.publicKey().address();
        long next = account(dev.publicKey().address()).getJsonNumber("nextNonce").longValue();

        assertRefused(json(Transaction.transfer(dev, "vanta-mainnet-1", to, 1, 2_000, next), UnaryOperator.identity()), "wrong_chain");
        assertRefused(json(Transaction.transfer(dev, "vanta-testnet-1", to, 1, 2_000, next),
                body -> Json.createObjectBuilder(body).add("amount", 2).build()), "bad_signature");
        assertRefused(json(Transaction.transfer(dev, "vanta-testnet-1", to, 1, 5, next), UnaryOperator.identity()), "fee_too_low");
        if (next > 0) {
            assertRefused(json(Transaction.transfer(dev, "vanta-testnet-1", to, 1, 2_000, 0), UnaryOperator.identity()), "nonce_too_low");
        }
        assertRefused(json(Transaction.transfer(dev, "vanta-testnet-1", to, 1, 2_000, next + 1_000), UnaryOperator.identity()),
                "nonce_too_high");
        assertRefused(json(Transaction.transfer(poor, "vanta-testnet-1", dev.publicKey().address(), 1, 2_000, 0),
                UnaryOperator.identity()), "insufficient_balance");
        assertRefused(Json.createObjectBuilder().add("type", "TRANSFER").build(), "malformed");
        assertThat(Api.get("/api/v1/chains/devnet/head").status()).isEqualTo(404);
    }

    @Test
    @Order(4)
    void aBatchJudgesEachTransactionOnItsOwnAndQueuesTheValidOnes() throws Exception {
        Ed25519PrivateKey dev = KeyFile.read(CHAINS.resolve("testnet-dev.key"));
        Address recipient = Ed25519PrivateKey.generate(new SecureRandom()).publicKey().address();
        long next = account(dev.publicKey().address()).getJsonNumber("nextNonce").longValue();
        Transaction first = Transaction.transfer(dev, "vanta-testnet-1", recipient, 100, 2_000, next);
        Transaction wrongChain = Transaction.transfer(dev, "vanta-mainnet-1", recipient, 1, 2_000, next + 1);
        Transaction second = Transaction.transfer(dev, "vanta-testnet-1", recipient, 200, 2_000, next + 1);
        JsonArray batch = Json.createArrayBuilder()
                .add(TransactionJson.signed(first))
                .add(TransactionJson.signed(wrongChain))
                .add("not a transaction")
                .add(TransactionJson.signed(second))
                .build();

        Answer answer = Api.post(TESTNET + "/transactions/batch", batch.toString());

        assertThat(answer.status()).isEqualTo(200);
        JsonObject body = answer.object();
        assertThat(body.getInt("accepted")).isEqualTo(2);
        assertThat(body.getInt("refused")).isEqualTo(2);
        List<JsonObject> results = body.getJsonArray("results").getValuesAs(JsonObject.class);
        assertThat(results).extracting(r -> r.getString("status")).containsExactly("pending", "refused", "refused", "pending");
        assertThat(results.get(1).getString("id")).isEqualTo(wrongChain.id().toString());
        assertThat(results.get(1).getString("reason")).isEqualTo("wrong_chain");
        assertThat(results.get(2).getString("reason")).isEqualTo("malformed");
        Api.eventually(() -> Api.get(TESTNET + "/transactions/" + second.id()).object(),
                s -> s.getString("status").equals("included"));
        assertThat(account(recipient).getJsonNumber("balance").longValue()).isEqualTo(300);
    }

    @Test
    @Order(5)
    void aBatchThatIsNotAnArrayOrTooLongQueuesNothing() throws Exception {
        Ed25519PrivateKey dev = KeyFile.read(CHAINS.resolve("testnet-dev.key"));
        Address recipient = Ed25519PrivateKey.generate(new SecureRandom()).publicKey().address();
        long next = account(dev.publicKey().address()).getJsonNumber("nextNonce").longValue();
        Transaction valid = Transaction.transfer(dev, "vanta-testnet-1", recipient, 1, 2_000, next);
        JsonArrayBuilder tooLong = Json.createArrayBuilder().add(TransactionJson.signed(valid));
        for (int i = 0; i < 1_000; i++) {
            tooLong.add(JsonValue.EMPTY_JSON_OBJECT);
        }

        Answer overLimit = Api.post(TESTNET + "/transactions/batch", tooLong.build().toString());
        Answer notArray = Api.post(TESTNET + "/transactions/batch", TransactionJson.signed(valid).toString());

        for (Answer refused : List.of(overLimit, notArray)) {
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.object().getString("detail")).contains("Nothing was queued");
        }
        assertThat(overLimit.object().getString("detail")).contains("1001 transactions; at most 1000");
        assertThat(Api.get(TESTNET + "/transactions/" + valid.id()).status()).isEqualTo(404);
    }

    @Test
    @Order(6)
    void walletCommandSendsAndWaitsForTheBlock() throws Exception {
        Address recipient = Ed25519PrivateKey.generate(new SecureRandom()).publicKey().address();
        StringWriter out = new StringWriter();

        int exit = new CommandLine(new VantaCommand()).setOut(new PrintWriter(out)).execute("wallet", "send",
                "--chain", "testnet", "--key", CHAINS.resolve("testnet-dev.key").toString(), "--to", recipient.hex(),
                "--amount", "4242", "--fee", "1000", "--node", Api.BASE, "--wait");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("included in block");
        assertThat(account(recipient).getJsonNumber("balance").longValue()).isEqualTo(4242);
    }

    @Test
    @Order(7)
    void aServerRestartKeepsTheChainAndTheState() throws Exception {
        Ed25519PrivateKey dev = KeyFile.read(CHAINS.resolve("testnet-dev.key"));
        JsonObject head = head(TESTNET);
        long height = head.getJsonNumber("height").longValue();
        JsonObject devBefore = account(dev.publicKey().address());

        ServerControl.restart();

        JsonObject sameHeight = Api.get(TESTNET + "/blocks/" + height).object();
        assertThat(sameHeight.getString("hash")).isEqualTo(head.getString("hash"));
        assertThat(head(TESTNET).getJsonNumber("height").longValue()).isGreaterThanOrEqualTo(height);
        JsonObject devAfter = account(dev.publicKey().address());
        assertThat(devAfter.getJsonNumber("nonce")).isEqualTo(devBefore.getJsonNumber("nonce"));
        assertThat(devAfter.getJsonNumber("balance")).isEqualTo(devBefore.getJsonNumber("balance"));
    }

    @Test
    @Order(3)
    void mainnetRefusesTheTestnetDevelopmentKeyAsSenderAndAsRecipient() throws Exception {
        Ed25519PrivateKey dev = KeyFile.read(CHAINS.resolve("testnet-dev.key"));
        Ed25519PrivateKey someone = Ed25519PrivateKey.generate(new SecureRandom());

        assertRefused(MAINNET, json(Transaction.transfer(dev, "vanta-mainnet-1", someone.publicKey().address(), 1, 2_000, 0),
                UnaryOperator.identity()), "refused_address");
        assertRefused(MAINNET, json(Transaction.transfer(someone, "vanta-mainnet-1", dev.publicKey().address(), 1, 2_000, 0),
                UnaryOperator.identity()), "refused_address");
        assertThat(Api.get(MAINNET + "/accounts/" + dev.publicKey().address().hex()).object().getJsonNumber("nextNonce")
                .longValue()).isZero();
    }

    private static void assertRefused(JsonObject body, String reason) {
        assertRefused(TESTNET, body, reason);
    }

    private static void assertRefused(String chain, JsonObject body, String reason) {
        Answer answer = Api.post(chain + "/transactions", body.toString());
        assertThat(answer.status()).as(reason).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.object().getString("reason")).isEqualTo(reason);
    }

    private static JsonObject head(String chain) {
        return Api.get(chain + "/head").object();
    }

    private static JsonObject account(Address address) {
        return Api.get(TESTNET + "/accounts/" + address.hex()).object();
    }

    private static JsonObject json(Transaction tx, UnaryOperator<JsonObject> change) {
        return change.apply(TransactionJson.signed(tx));
    }

    private static BlockHeader header(JsonObject block, String chainId) {
        return new BlockHeader(BlockHeader.VERSION, chainId, block.getJsonNumber("height").longValue(),
                Hash.fromHex(block.getString("parentHash")), block.getJsonNumber("timestampMs").longValue(),
                Hash.fromHex(block.getString("merkleRoot")), Hash.fromHex(block.getString("stateRoot")),
                new BigInteger(block.getString("target"), 16), new Address(block.getString("miner")),
                block.getJsonNumber("nonce").longValue());
    }
}
