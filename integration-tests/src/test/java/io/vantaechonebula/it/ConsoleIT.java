package io.vantaechonebula.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
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
    private static final List<String> PAGES = List.of("index");

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

            browser.logIn(TestOperators.ADMIN, TestOperators.ADMIN_PASSWORD);
            browser.waitFor().until(ExpectedConditions.urlContains("/console/index.xhtml"));
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
            browser.logIn(TestOperators.OPERATOR, TestOperators.OPERATOR_PASSWORD);
            browser.waitFor().until(ExpectedConditions.urlContains("/console/index.xhtml"));
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
            long nodes = Long.parseLong(Api.get("/api/v1/nodes?limit=1").header("X-Total-Count").orElseThrow());
            long shownNodes = Long.parseLong(browser.text("#nodes .figure-up")) + Long.parseLong(browser.text("#nodes .figure-silent"))
                    + Long.parseLong(browser.text("#nodes .figure-down"));
            assertThat(shownNodes).as("up, silent and down add up to the nodes the API lists").isEqualTo(nodes);
            int openCritical = Api.get("/api/v1/alerts?state=open&severity=critical&limit=1000").object()
                    .getJsonArray("alerts").size();
            assertThat(browser.text("#findings .figure-critical")).isEqualTo(String.valueOf(openCritical));

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
                browser.logIn(TestOperators.ADMIN, TestOperators.ADMIN_PASSWORD);
                browser.waitFor().until(ExpectedConditions.urlContains("/console/index.xhtml"));
                for (String page : PAGES) {
                    browser.open("/console/" + page + ".xhtml");
                    browser.find("main h1");
                    assertThat(browser.pageSource()).doesNotContain("Exception").doesNotContain("at io.vantaechonebula");
                    browser.screenshot(page + "-" + size[0] + "x" + size[1]);
                    assertThat(browser.severeLog()).as("errors in the browser's console on " + page).isEmpty();
                }
            }
        }
    }

    private static HttpResponse<String> consolePage(String session) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(Api.BASE + "/console/index.xhtml"))
                .header("Cookie", "JSESSIONID=" + session).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
