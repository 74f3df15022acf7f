package io.vantaechonebula.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.vantaechonebula.chain.crypto.Ed25519PrivateKey;
import io.vantaechonebula.chain.crypto.Hex;
import io.vantaechonebula.telemetry.signing.NodeSigner;
import jakarta.jms.TextMessage;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The admin console in a real headless Chromium: logins, the pages, their live updates, against the REST API. */
@ExtendWith(ArquillianExtension.class)
class ConsoleIT {

    /** Every page of the console, with what its screenshot is called. */
    private static final List<String> PAGES = List.of("index", "nodes", "alerts", "agents", "pool", "chains", "peers",
            "operators", "audit");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return VantaEar.asBuilt();
    }

    @Test
    void aWrongPasswordIsRefusedWithAMessageTheRightOneLogsInAndLoggingOutEndsTheSession() throws Exception {
        TestOperators.add();
        try (Browser browser = new Browser()) {
            browser.logIn(TestOperators.ADMIN, "not-the-password");
            assertThat(browser.text(".ui-messages-error")).contains("Wrong operator name or password");
            assertThat(browser.url()).endsWith("/console/login.xhtml");
            String before = browser.cookie("JSESSIONID");

            browser.logInToOverview(TestOperators.ADMIN, TestOperators.ADMIN_PASSWORD);
            assertThat(browser.text("#user")).isEqualTo(TestOperators.ADMIN + " (admin)");
            String session = browser.cookie("JSESSIONID");
            assertThat(session).as("a login starts a new session id").isNotEqualTo(before);
            assertThat(consolePage(session).statusCode()).isEqualTo(200);

            browser.click("#session\\:logout");
            browser.waitFor().until(ExpectedConditions.urlContains("/console/login.xhtml"));
            assertThat(browser.text("#loggedOut")).isEqualTo("You are logged out.");
            HttpResponse<String> afterLogout = consolePage(session);
            assertThat(afterLogout.statusCode()).as("the old session after logout").isEqualTo(302);
            assertThat(afterLogout.headers().firstValue("Location")).hasValueSatisfying(
                    location -> assertThat(location).endsWith("/console/login.xhtml"));
        }
    }

    @Test
    void aPageAskedForWithoutALoginLeadsToTheLoginAndThenToThatPage() {
        TestOperators.add();
        try (Browser browser = new Browser()) {
            browser.open("/console/index.xhtml");
            browser.waitFor().until(ExpectedConditions.urlContains("/console/login.xhtml"));
            browser.type("#login\\:user", TestOperators.VIEWER);
            browser.type("#login\\:password", TestOperators.VIEWER_PASSWORD);
            browser.click("#login\\:submit");
            browser.waitFor().until(ExpectedConditions.urlContains("/console/index.xhtml"));
            assertThat(browser.text("#user")).isEqualTo(TestOperators.VIEWER + " (viewer)");
        }
    }

    @Test
    void theOverviewShowsWhatTheRestApiSaysAtTheSameMomentAndUpdatesItselfWithoutAReload() {
        TestOperators.add();
        try (Browser browser = new Browser()) {
            browser.logInToOverview(TestOperators.OPERATOR, TestOperators.OPERATOR_PASSWORD);
            browser.script("window.vantaNotReloaded = true;");

            for (String chain : List.of("testnet", "mainnet")) {
                long before = Api.get("/api/v1/chains/" + chain + "/head").object().getJsonNumber("height").longValue();
                browser.open("/console/index.xhtml");
                long shown = Long.parseLong(browser.text("#chain-" + chain + " .figure-height"));
                long after = Api.get("/api/v1/chains/" + chain + "/head").object().getJsonNumber("height").longValue();
                assertThat(shown).as(chain + " height between two reads of the API").isBetween(before, after);
                int capacity = Api.get("/api/v1/chains/" + chain + "/mempool").object().getInt("capacity");
                assertThat(browser.text("#chain-" + chain + " .figure-mempool")).endsWith(" of " + capacity);
            }
            int deadLetters = Api.get("/api/v1/pool/stats").object().getInt("deadLetters");
            assertThat(browser.text("#pool .figure-dead-letters")).isEqualTo(String.valueOf(deadLetters));
            // One count of nodes and open alerts serves every viewer for a few seconds (BoardCounts), and the page
            // says when it was taken: opened again, the page shows the API's figures once it counted after them.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (true) {
                long nodes = Long.parseLong(Api.get("/api/v1/nodes?limit=1").header("X-Total-Count").orElseThrow());
                int openCritical = Api.get("/api/v1/alerts?state=open&severity=critical&limit=1000").object()
                        .getJsonArray("alerts").size();
                browser.open("/console/index.xhtml");
                long shownNodes = Long.parseLong(browser.text("#nodes .figure-up")) + Long.parseLong(browser.text("#nodes .figure-silent"))
                        + Long.parseLong(browser.text("#nodes .figure-down"));
                String shownCritical = browser.text("#findings .figure-critical");
                if (shownNodes == nodes && shownCritical.equals(String.valueOf(openCritical))) {
                    break;
                }
                assertThat(System.nanoTime()).as("within 30 s the page counts as the API: up, silent and down add up to the "
                        + nodes + " nodes the API lists (shown " + shownNodes + "), " + openCritical + " open critical alerts (shown "
                        + shownCritical + "), " + browser.text("#nodes .vanta-note")).isLessThan(deadline);
                Api.sleep(2_000);
            }
            assertThat(browser.text("#nodes .vanta-note")).matches("Counted .* ago");

            browser.script("window.vantaNotReloaded = true;");
            WebElement board = browser.find("#chain-testnet");
            browser.waitFor().until(ExpectedConditions.stalenessOf(board));
            assertThat(browser.script("return window.vantaNotReloaded === true;"))
                    .as("the board was redrawn by its live update, not by reloading the page").isEqualTo(true);
            assertThat(browser.text("#chain-testnet .figure-height")).matches("\\d+");
        }
    }

    @Test
    void everyPageLoadsWithoutAJavaScriptErrorAtDesktopAndTabletWidth() {
        TestOperators.add();
        for (int[] size : new int[][] {{1280, 800}, {768, 1024}}) {
            try (Browser browser = new Browser(size[0], size[1])) {
                browser.logInToOverview(TestOperators.ADMIN, TestOperators.ADMIN_PASSWORD);
                String ownNode = Api.get("/api/v1/system/status").object().getString("nodeId");
        long head = Api.get("/api/v1/chains/testnet/head").object().getJsonNumber("height").longValue();
                for (String page : withPagesOf(ownNode, head)) {
                    browser.open("/console/" + page);
                    browser.find("main h1");
                    assertThat(browser.pageSource()).doesNotContain("Exception").doesNotContain("at io.vantaechonebula");
                    browser.screenshot(page.replaceAll("\\.xhtml.*", "") + "-" + size[0] + "x" + size[1]);
                    assertThat(browser.severeLog()).as("errors in the browser's console on " + page).isEmpty();
                }
            }
        }
    }

    @Test
    void anOperatorAcknowledgesAnAlertRaisedByRealTelemetryWithACommentAndTheApiShowsItAndTheAuditHasIt() {
        TestOperators.add();
        String node = Telemetry.newNodeId("console-ack");
        JsonObject alert = storageAlert(node);
        long id = alert.getJsonNumber("id").longValue();
        try (Browser browser = new Browser()) {
            browser.logInToOverview(TestOperators.OPERATOR, TestOperators.OPERATOR_PASSWORD);
            browser.open("/console/alerts.xhtml?node=" + node);
            assertThat(browser.text("#alerts\\:table .summary")).isEqualTo(alert.getString("summary"));
            browser.type("#alerts\\:comment", "moving old blocks to the archive");
            browser.click("#alerts\\:table\\:0\\:acknowledge");
            browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(
                    org.openqa.selenium.By.cssSelector(".ui-growl-message"), "Acknowledged 1 alert"));
        }
        JsonObject acknowledged = Api.get("/api/v1/alerts/" + id).object().getJsonObject("acknowledgement");
        assertThat(acknowledged.getString("by")).isEqualTo(TestOperators.OPERATOR);
        assertThat(acknowledged.getString("comment")).isEqualTo("moving old blocks to the archive");
        JsonArray audit = TestOperators.asAdmin("GET", "/api/v1/audit?limit=50", null).array();
        assertThat(audit.getValuesAs(JsonObject.class)).anySatisfy(entry -> {
            assertThat(entry.getString("actor")).isEqualTo(TestOperators.OPERATOR);
            assertThat(entry.getString("action")).isEqualTo("alert-acknowledged");
            assertThat(entry.getString("subject")).isEqualTo("alert " + id);
            assertThat(entry.getString("detail")).contains(node).endsWith("moving old blocks to the archive");
        });
    }

    @Test
    void anOperatorAcknowledgesTheSelectedAlertsAtOnce() {
        TestOperators.add();
        String prefix = "console-bulk-" + System.nanoTime() % 100_000;
        List<String> nodes = List.of(prefix + "-a", prefix + "-b");
        List<Long> ids = nodes.stream().map(node -> storageAlert(node).getJsonNumber("id").longValue()).toList();
        try (Browser browser = new Browser()) {
            browser.logInToOverview(TestOperators.ADMIN, TestOperators.ADMIN_PASSWORD);
            browser.open("/console/alerts.xhtml?kind=high_storage");
            for (String node : nodes) {
                browser.clickInRow("alerts:table", node, ".ui-selection-column .ui-chkbox-box");
                browser.waitFor().until(driver -> browser.rowSelected("alerts:table", node));
            }
            WebElement table = browser.find("#alerts\\:table");
            browser.waitFor().until(ExpectedConditions.stalenessOf(table));
            assertThat(nodes).as("still selected after the table's live update redrew it")
                    .allMatch(node -> browser.rowSelected("alerts:table", node));
            browser.type("#alerts\\:comment", "both disks get bigger tonight");
            browser.click("#alerts\\:acknowledgeSelected");
            browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(
                    org.openqa.selenium.By.cssSelector(".ui-growl-message"), "Acknowledged 2 alerts"));
        }
        for (long id : ids) {
            JsonObject acknowledgement = Api.get("/api/v1/alerts/" + id).object().getJsonObject("acknowledgement");
            assertThat(acknowledgement.getString("by")).isEqualTo(TestOperators.ADMIN);
            assertThat(acknowledgement.getString("comment")).isEqualTo("both disks get bigger tonight");
        }
    }

    @Test
    void aViewerSeesAlertsWithoutAcknowledgeButtonsAndAForgedAcknowledgementIsRefused() throws Exception {
        TestOperators.add();
        String node = Telemetry.newNodeId("console-viewer");
        JsonObject alert = storageAlert(node);
        long id = alert.getJsonNumber("id").longValue();
        try (Browser browser = new Browser()) {
            browser.logInToOverview(TestOperators.VIEWER, TestOperators.VIEWER_PASSWORD);
            browser.open("/console/alerts.xhtml?node=" + node);
            assertThat(browser.text("#alerts\\:table .summary")).isEqualTo(alert.getString("summary"));
            assertThat(browser.exists("#alerts\\:table\\:0\\:acknowledge")).as("acknowledge button").isFalse();
            assertThat(browser.exists("#alerts\\:acknowledgeSelected")).as("bulk acknowledge button").isFalse();

            // What the operator's button sends, sent from the viewer's page and session.
            browser.script("PrimeFaces.ab({s: 'alerts:table:0:acknowledge', f: 'alerts', p: 'alerts:table:0:acknowledge',"
                    + " u: 'alerts:table', params: [{name: 'alerts:comment', value: 'forged'}]});");
            Thread.sleep(2_000);
            assertThat(browser.severeLog()).isEmpty();
        }
        assertThat(Api.get("/api/v1/alerts/" + id).object().isNull("acknowledgement")).as("still unacknowledged").isTrue();
        assertThat(TestOperators.asAdmin("GET", "/api/v1/audit?limit=100", null).array()
                .getValuesAs(JsonObject.class)).noneMatch(entry -> entry.getString("subject").equals("alert " + id));
    }

    @Test
    void theNodesPageFindsANodeByItsIdAndItsPageShowsTheHealthTheApiGives() {
        TestOperators.add();
        String node = Telemetry.newNodeId("console-node");
        storageAlert(node);
        try (Browser browser = new Browser()) {
            browser.logInToOverview(TestOperators.VIEWER, TestOperators.VIEWER_PASSWORD);
            browser.open("/console/nodes.xhtml");
            browser.type("#nodes\\:idPrefix", node.substring(0, node.length() - 2));
            browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(
                    org.openqa.selenium.By.cssSelector("#nodes\\:table .ui-paginator-current"), "1-1 of 1"));
            assertThat(browser.text("#nodes\\:table tbody tr .status-up")).isEqualTo("up");
            browser.click("#nodes\\:table .node-link");
            browser.waitFor().until(ExpectedConditions.urlContains("/console/node.xhtml"));
            JsonObject health = Api.get("/api/v1/nodes/" + node + "/health").object();
            assertThat(browser.text("#score")).isEqualTo(String.valueOf(health.getInt("score")));
            assertThat(browser.text("#recommendations")).contains("Archive data older than 30 days on node " + node);
            assertThat(browser.text("#findings")).contains("storage usage at 96%");
            assertThat(browser.exists("#node\\:metricChart")).as("a chart of the node's CPU").isTrue();
            assertThat(browser.text("#sync")).as("a node that sends no sync_status, as the seeds' may")
                    .isEqualTo(Api.get("/api/v1/nodes/" + node).object().getString("chainId") + ": not reported");
        }
    }

    @Test
    void anAdminSendsADeadLetterAgainOnceItsCauseIsMendedAndItIsStoredVerified() throws Exception {
        TestOperators.add();
        Ed25519PrivateKey key = Ed25519PrivateKey.generate(new SecureRandom());
        NodeSigner signer = new NodeSigner(key);
        String node = signer.nodeId();
        assertThat(NodeKeys.register(signer, key).status()).isEqualTo(201);
        String keyPath = NodeKeys.REGISTRATIONS + "/" + node + "/key";
        assertThat(TestOperators.asAdmin("DELETE", keyPath, null).status()).as("revoked, by mistake").isEqualTo(200);
        String sentId;
        try (Broker broker = new Broker()) {
            String body = Telemetry.batch(node, 1, 2).toString();
            TextMessage signed = broker.session().createTextMessage(body);
            signed.setStringProperty("vanta_node_id", node);
            for (Map.Entry<String, String> property : signer.messageProperties(body.getBytes(StandardCharsets.UTF_8)).entrySet()) {
                signed.setStringProperty(property.getKey(), property.getValue());
            }
            broker.send(signed);
            sentId = signed.getJMSMessageID();
        }
        JsonObject letter = Api.eventually(() -> TestOperators.asAdmin("GET", "/api/v1/pool/dead-letters?node=" + node, null)
                        .array().getValuesAs(JsonObject.class).stream().filter(l -> sentId.equals(l.getString("originalMessageId", "")))
                        .findFirst(), found -> found.isPresent())
                .orElseThrow();
        assertThat(letter.getString("reason")).contains("revoked");
        assertThat(TestOperators.asAdmin("PUT", keyPath, Json.createObjectBuilder()
                .add("public_key", Hex.encode(key.publicKey().bytes())).build().toString()).status())
                .as("the same key bound again").isEqualTo(200);

        try (Browser browser = new Browser()) {
            browser.logInToOverview(TestOperators.ADMIN, TestOperators.ADMIN_PASSWORD);
            browser.open("/console/pool.xhtml");
            browser.type("#pool\\:node", node + "\t");
            String messageId = letter.getString("messageId");
            assertThat(browser.textInRow("pool:deadLetters", messageId, ".letter-reason")).contains("revoked");
            browser.clickInRow("pool:deadLetters", messageId, "button[id$=requeue]");
            browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(
                    org.openqa.selenium.By.cssSelector(".ui-growl-message"), "Sent " + letter.getString("messageId")));
        }
        JsonObject stored = Api.nodeWithSamples(node, 2).orElseThrow();
        assertThat(stored.getBoolean("verified")).as("checked again, and its signature holds").isTrue();
        assertThat(TestOperators.asAdmin("GET", "/api/v1/pool/dead-letters?node=" + node, null).array()).isEmpty();
        assertThat(TestOperators.asAdmin("GET", "/api/v1/audit?limit=100", null).array().getValuesAs(JsonObject.class))
                .anySatisfy(entry -> {
                    assertThat(entry.getString("action")).isEqualTo("dead-letter-requeued");
                    assertThat(entry.getString("subject")).isEqualTo(letter.getString("messageId"));
                    assertThat(entry.getString("actor")).isEqualTo(TestOperators.ADMIN);
                });
    }

    @Test
    void theAgentsPageShowsTheTwelveAsTheApiDoes() {
        TestOperators.add();
        List<String> titles = Api.get("/api/v1/agents").object().getJsonArray("agents").getValuesAs(JsonObject.class).stream()
                .map(agent -> agent.getString("title")).toList();
        try (Browser browser = new Browser()) {
            browser.logInToOverview(TestOperators.VIEWER, TestOperators.VIEWER_PASSWORD);
            browser.open("/console/agents.xhtml");
            browser.find("#agents\\:table .agent-title");
            assertThat(browser.all("#agents\\:table .agent-title").stream().map(WebElement::getText).toList())
                    .hasSize(12).isEqualTo(titles);
            assertThat(browser.all("#agents\\:table .agent-state").stream().map(WebElement::getText).toList())
                    .as("every agent runs on a full node").containsOnly("running");
        }
    }

    private static List<String> withPagesOf(String nodeId, long height) {
        List<String> pages = new java.util.ArrayList<>(PAGES.stream().map(page -> page + ".xhtml").toList());
        pages.add("node.xhtml?id=" + nodeId);
        pages.add("block.xhtml?chain=testnet&id=" + height);
        return pages;
    }

    @Test
    void theChainsPageLooksUpABlockAndAnAccountAsTheApiHasThem() {
        TestOperators.add();
        long height = Api.get("/api/v1/chains/testnet/head").object().getJsonNumber("height").longValue();
        String hash = Api.get("/api/v1/chains/testnet/blocks/" + height).object().getString("hash");
        String miner = Api.get("/api/v1/chains/testnet/blocks/" + height).object().getString("miner");
        try (Browser browser = new Browser()) {
            browser.logInToOverview(TestOperators.VIEWER, TestOperators.VIEWER_PASSWORD);
            browser.open("/console/chains.xhtml?chain=testnet");
            browser.type("#chains\\:query", String.valueOf(height));
            browser.click("#chains\\:search");
            browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(
                    org.openqa.selenium.By.cssSelector("#chains\\:lookup"), hash));
            browser.type("#chains\\:query", miner);
            browser.click("#chains\\:search");
            long balance = Api.get("/api/v1/chains/testnet/accounts/" + miner).object().getJsonNumber("balance").longValue();
            long shown = Long.parseLong(browser.text("#balance"));
            assertThat(shown).as("the miner's balance only grows while the page is read").isGreaterThanOrEqualTo(balance);
            browser.type("#chains\\:query", "not-a-thing");
            browser.click("#chains\\:search");
            browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(
                    org.openqa.selenium.By.cssSelector("#lookupMessage"), "Type a block height"));

            browser.open("/console/block.xhtml?chain=testnet&id=" + height);
            assertThat(browser.text("#blockHash")).isEqualTo(hash);
        }
    }

    @Test
    void anAdminAddsAnOperatorWhoLogsInAndOnceDisabledIsLoggedOutAtTheNextClick() {
        TestOperators.add();
        String name = "newbie" + System.nanoTime() % 100_000;
        String password = "a-password-of-" + name;
        try (Browser admin = new Browser(); Browser newcomer = new Browser()) {
            admin.logInToOverview(TestOperators.ADMIN, TestOperators.ADMIN_PASSWORD);
            admin.open("/console/operators.xhtml");
            admin.type("#add\\:name", name);
            admin.click("#add\\:roles label[for='add:roles:0']");
            admin.type("#add\\:password", "too-short");
            admin.click("#add\\:submit");
            admin.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(
                    org.openqa.selenium.By.cssSelector(".ui-growl-message"), "at least 12 characters"));
            admin.type("#add\\:password", password);
            admin.click("#add\\:submit");
            admin.row("list:table", name);

            newcomer.logInToOverview(name, password);
            assertThat(newcomer.text("#user")).isEqualTo(name + " (viewer)");
            newcomer.open("/console/operators.xhtml");
            assertThat(newcomer.text("#forbidden")).contains("lacks the admin role");

            admin.open("/console/operators.xhtml");
            admin.waitForWidget("widget_change_selected");
            admin.script("PrimeFaces.widgets['widget_change_selected'].selectValue(arguments[0]);", name);
            admin.click("#change\\:disable");
            admin.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(
                    org.openqa.selenium.By.cssSelector(".ui-growl-message"), "Disabled " + name));

            newcomer.open("/console/index.xhtml");
            newcomer.waitFor().until(ExpectedConditions.urlContains("/console/login.xhtml"));
            newcomer.logIn(name, password);
            assertThat(newcomer.text(".ui-messages-error")).contains("Wrong operator name or password");
        }
        assertThat(TestOperators.asAdmin("GET", "/api/v1/audit?limit=100", null).array().getValuesAs(JsonObject.class))
                .extracting(entry -> entry.getString("action") + " " + entry.getString("subject"))
                .contains("operator-added " + name, "operator-disabled " + name);
    }

    /** A high_storage alert raised by the pool's agents from two samples of a node, as the API lists it. */
    private static JsonObject storageAlert(String node) {
        Telemetry.sendStorage(node, 1, 0.50);
        Telemetry.sendStorage(node, 2, 0.96);
        return Api.eventually(() -> Api.get("/api/v1/alerts?node=" + node).object().getJsonArray("alerts")
                        .getValuesAs(JsonObject.class).stream().filter(found -> found.getString("kind").equals("high_storage"))
                        .findFirst(), found -> found.isPresent())
                .orElseThrow(() -> new AssertionError("no high_storage alert for " + node));
    }

    private static HttpResponse<String> consolePage(String session) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(Api.BASE + "/console/index.xhtml"))
                .header("Cookie", "JSESSIONID=" + session).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
