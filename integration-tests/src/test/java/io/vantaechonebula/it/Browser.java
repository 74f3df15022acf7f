package io.vantaechonebula.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.pagefactory.ByChained;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, which {@code .ci/run}
 * installs) driving the console as an operator would. Each instance is one browser with its own profile,
 * so two of them are two people.
 */
final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of(System.getProperty("vanta.chromium", "/usr/bin/chromium"));
    private static final Path DRIVER = Path.of(System.getProperty("vanta.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    private final ChromeDriver driver;
    private final Path profile;

    Browser(int width, int height) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER)) {
            throw new IllegalStateException("The console's tests need Chromium and its driver at " + CHROMIUM + " and " + DRIVER
                    + "; on Debian: apt-get install chromium chromium-driver (.ci/run installs them)");
        }
        try {
            profile = Files.createTempDirectory("vanta-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // Without the networking flags Chromium tries Google's hosts, which this closed network refuses.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=" + width + "," + height);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(width, height));
    }

    Browser() {
        this(1280, 800);
    }

    void open(String path) {
        driver.get(Api.BASE + path);
    }

    String url() {
        return driver.getCurrentUrl();
    }

    /**
     * The first visible match. The pages redraw parts of themselves every few seconds, so an element
     * found here may be stale by the time it is used: read and click through the methods below, which
     * find it again.
     */
    WebElement find(String css) {
        try {
            return waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
        } catch (TimeoutException e) {
            throw notFound("No visible '" + css + "'", e);
        }
    }

    /** Waits until the table (by its element id) has a row with a cell element whose whole text is this. */
    void row(String tableId, String cellText) {
        try {
            waitFor().until(ExpectedConditions.visibilityOfElementLocated(row(tableId, cellText, null)));
        } catch (TimeoutException e) {
            throw notFound("No row with '" + cellText + "' in table " + tableId, e);
        }
    }

    /** The text of an element in that row, read again if a live update redrew the table meanwhile. */
    String textInRow(String tableId, String cellText, String css) {
        return text(row(tableId, cellText, css));
    }

    void clickInRow(String tableId, String cellText, String css) {
        click(row(tableId, cellText, css));
    }

    /** Whether the table shows that row as selected. */
    boolean rowSelected(String tableId, String cellText) {
        return "true".equals(read(row(tableId, cellText, null), element -> element.getAttribute("aria-selected")));
    }

    private static By row(String tableId, String cellText, String css) {
        String row = "//*[@id='" + tableId + "']//tr[.//*[normalize-space(text())='" + cellText + "']]";
        return css == null ? By.xpath(row) : new ByChained(By.xpath(row), By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    boolean exists(String css) {
        return !driver.findElements(By.cssSelector(css)).isEmpty();
    }

    String text(String css) {
        return text(By.cssSelector(css));
    }

    private String text(By element) {
        return read(element, found -> found.getText().trim());
    }

    /** Reads the first visible match, finding it again when a live update replaced it between finding and reading. */
    private String read(By element, Function<WebElement, String> reading) {
        try {
            return waitFor().ignoring(StaleElementReferenceException.class).until(driver -> {
                WebElement found = driver.findElement(element);
                return found.isDisplayed() ? reading.apply(found) : null;
            });
        } catch (TimeoutException e) {
            throw notFound("Nothing visible at " + element, e);
        }
    }

    void type(String css, String text) {
        try {
            waitFor().ignoring(StaleElementReferenceException.class).until(driver -> {
                WebElement field = driver.findElement(By.cssSelector(css));
                field.clear();
                field.sendKeys(text);
                return true;
            });
        } catch (TimeoutException e) {
            throw notFound("No field '" + css + "' to type in", e);
        }
    }

    void click(String css) {
        click(By.cssSelector(css));
    }

    private void click(By element) {
        try {
            waitFor().ignoring(StaleElementReferenceException.class).until(driver -> {
                WebElement clickable = ExpectedConditions.elementToBeClickable(element).apply(driver);
                if (clickable == null) {
                    return false;
                }
                clickable.click();
                return true;
            });
        } catch (TimeoutException e) {
            throw notFound("Nothing to click at " + element, e);
        }
    }

    private AssertionError notFound(String what, TimeoutException e) {
        Path shot = screenshot("failed-" + System.currentTimeMillis());
        String text = driver.findElement(By.tagName("body")).getText();
        return new AssertionError(what + " on " + driver.getCurrentUrl() + " (screenshot " + shot + "); the page says: "
                + (text.length() > 2000 ? text.substring(0, 2000) : text), e);
    }

    /** Logs in on the login page; whether it worked is for the caller to check. */
    void logIn(String user, String password) {
        open("/console/login.xhtml");
        type("#login\\:user", user);
        type("#login\\:password", password);
        click("#login\\:submit");
    }

    /** Logs in and waits for the overview, where a login lands. */
    void logInToOverview(String user, String password) {
        logIn(user, password);
        waitFor().until(ExpectedConditions.urlContains("/console/index.xhtml"));
    }

    /** Waits until PrimeFaces has made the widget of that name: a page's widgets are made by its scripts, after loading. */
    void waitForWidget(String widgetVar) {
        try {
            waitFor().until(ignored -> Boolean.TRUE.equals(
                    driver.executeScript("return !!(window.PrimeFaces && PrimeFaces.widgets[arguments[0]]);", widgetVar)));
        } catch (TimeoutException e) {
            throw notFound("No PrimeFaces widget '" + widgetVar + "'", e);
        }
    }

    Object script(String javaScript, Object... arguments) {
        return driver.executeScript(javaScript, arguments);
    }

    String cookie(String name) {
        var cookie = driver.manage().getCookieNamed(name);
        return cookie == null ? null : cookie.getValue();
    }

    WebDriverWait waitFor() {
        return new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    /** What the page wrote to the browser's console at level SEVERE (JavaScript errors, failed loads) since the last call. */
    List<String> severeLog() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
    }

    /** Saves a screenshot of the page under target/console-screenshots, for review. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String pageSource() {
        return driver.getPageSource();
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary profile is harmless
        }
    }
}
