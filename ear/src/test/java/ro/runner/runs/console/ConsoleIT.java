package ro.runner.runs.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import ro.runner.it.Deployments;

/**
 * The console in a real browser (headless Chromium) against the deployed EAR: the sign-in guard,
 * the Runs table, a schedule run from the Schedules page showing up in the ledger, "push now" on
 * the Marketplace page showing its run, and a wrong password kept on the login page.
 */
@ExtendWith(ArquillianExtension.class)
class ConsoleIT {

    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final Duration PAGE = Duration.ofSeconds(20);
    private static final Duration LEDGER = Duration.ofSeconds(60);

    @Deployment(testable = false)
    static EnterpriseArchive deploy() {
        return Deployments.ear();
    }

    @ArquillianResource
    URL base;

    private Path profile;
    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void openBrowser() throws IOException {
        profile = Files.createTempDirectory("console-it-chromium");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        var options = new ChromeOptions()
                .setBinary(CHROMIUM)
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-dev-shm-usage",
                        "--no-first-run",
                        "--window-size=1400,900",
                        "--user-data-dir=" + profile);
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, PAGE);
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }

    @Test
    void signedInAdminSeesTheLedgerAndRunsAScheduleNow() throws IOException {
        browser.get(url("/console/runs.xhtml"));
        wait.until(ExpectedConditions.urlContains("/login.xhtml"));

        signIn(System.getProperty("runner.admin.password"));
        wait.until(ExpectedConditions.urlContains("/console/runs.xhtml"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("runs:table")));
        assertEquals("Runs", browser.findElement(By.tagName("h1")).getText());
        assertEquals("admin", browser.findElement(By.id("session:user")).getText());

        browser.findElement(By.linkText("Schedules")).click();
        By runNow = By.xpath("//tr[td[normalize-space()='runs-retention']]//button[normalize-space()='Run now']");
        wait.until(ExpectedConditions.elementToBeClickable(runNow)).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".ui-growl"), "started runs-retention execution"));

        browser.get(url("/console/runs.xhtml?name=runs-retention"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("runs:table")));
        browser.findElement(By.id("live")).click();
        new WebDriverWait(browser, LEDGER)
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector("#runs\\:table tbody"), "runs-retention"));
        screenshot(Path.of("target", "console-runs.png"));
        browser.findElement(By.id("live")).click();

        By details = By.cssSelector("#runs\\:table tbody tr button[title='Details']");
        wait.ignoring(StaleElementReferenceException.class).until(d -> {
            d.findElement(details).click();
            return true;
        });
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("detail"), "runs-retention"));

        browser.get(url("/console/replication.xhtml"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#replication\\:standbys tbody"), "replica1"));
        assertEquals("OK", browser.findElement(By.id("state")).getText());

        browser.get(url("/console/runs.xhtml"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("session:logout")))
                .click();
        wait.until(ExpectedConditions.urlContains("/login.xhtml"));
        browser.get(url("/console/runs.xhtml"));
        wait.until(ExpectedConditions.urlContains("/login.xhtml"));
    }

    @Test
    void marketplacePageShowsOfferPushAndPushesNow() throws IOException {
        var account = ro.runner.it.TestStack.send(ro.runner.it.TestStack.request("/api/marketplace/accounts/main")
                .header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"type\":\"MAIN\",\"baseUrl\":\"http://127.0.0.1:"
                                + ro.runner.it.TestStack.get("SIMULATOR_PORT")
                                + "/simulator/api-3\",\"username\":\"runner-main\",\"password\":\"main-secret\"}"))
                .build());
        assertEquals(200, account.statusCode(), account.body());
        // the push schedule would start its own push runs beside the one this test counts
        var schedule =
                ro.runner.it.TestStack.send(ro.runner.it.TestStack.request("/api/schedules/marketplace-offer-push")
                        .header("Content-Type", "application/json")
                        .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"enabled\":false}"))
                        .build());
        assertEquals(200, schedule.statusCode(), schedule.body());
        browser.get(url("/console/marketplace.xhtml"));
        signIn(System.getProperty("runner.admin.password"));
        wait.until(ExpectedConditions.urlContains("/console/"));
        browser.get(url("/console/marketplace.xhtml"));

        long pushesBefore = pushRuns();
        By pushNow = By.xpath("//*[@id='marketplace:offerPush']//tr[td[normalize-space()='main']]"
                + "//button[normalize-space()='Push now']");
        // the table re-renders whenever progress arrives over the WebSocket: retry a click that lands on a stale row
        wait.ignoring(StaleElementReferenceException.class).until(d -> {
            d.findElement(pushNow).click();
            return true;
        });
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".ui-growl"), "main: offer push started, execution"));
        new WebDriverWait(browser, LEDGER).until(d -> pushRuns() > pushesBefore);
        new WebDriverWait(browser, LEDGER)
                .ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("marketplace:offerPush"), "changes pushed"));
        assertEquals(pushesBefore + 1, pushRuns(), "one push run started from the console");
        screenshot(Path.of("target", "console-marketplace.png"));
    }

    @Test
    void anOperatorAddsAndEditsAMarketplaceAccountWithoutSeeingItsPassword() throws Exception {
        browser.get(url("/console/marketplace.xhtml"));
        signIn(System.getProperty("runner.admin.password"));
        wait.until(ExpectedConditions.urlContains("/console/"));
        browser.get(url("/console/marketplace.xhtml"));
        String name = "console-" + Long.toString(System.nanoTime(), 36);
        String simulator = "http://127.0.0.1:" + ro.runner.it.TestStack.get("SIMULATOR_PORT") + "/simulator/api-3";

        fill("accountSettings:name", name);
        fill("accountSettings:baseUrl", "ftp://wrong");
        fill("accountSettings:username", "runner-fbe");
        fill("accountSettings:password", "fbe-secret");
        browser.findElement(By.id("accountSettings:save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".ui-growl"), "the platform URL starts with http:// or https://"));
        assertEquals(0, accountRows(name), "a refused form writes nothing");

        fill("accountSettings:baseUrl", simulator);
        fill("accountSettings:password", "fbe-secret");
        browser.findElement(By.id("accountSettings:type")).click();
        wait.until(ExpectedConditions.elementToBeClickable(
                        By.xpath("//ul[@id='accountSettings:type_items']/li[@data-label='FBE']")))
                .click();
        // saved disabled, so no schedule syncs this account while other tests run
        browser.findElement(By.cssSelector("[id='accountSettings:enabled'] .ui-chkbox-box"))
                .click();
        browser.findElement(By.id("accountSettings:save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".ui-growl"), name + ": saved"));
        assertEquals(1, accountRows(name));
        assertEquals(1, accountRows(name + "' AND type = 'FBE' AND NOT enabled AND username = 'runner-fbe"));
        String secret = passwordSecret(name);
        assertTrue(!secret.contains("fbe-secret"), "the password is not stored in plain text");

        By edit = By.xpath("//*[@id='accountSettings:settings']//tr[td[normalize-space()='" + name + "']]"
                + "//button[normalize-space()='Edit']");
        browser.findElement(By.id("accountSettings:clear")).click();
        wait.ignoring(StaleElementReferenceException.class).until(d -> d.findElement(By.id("accountSettings:baseUrl"))
                .getAttribute("value")
                .isEmpty());
        wait.ignoring(StaleElementReferenceException.class).until(d -> {
            d.findElement(edit).click();
            return true;
        });
        wait.ignoring(StaleElementReferenceException.class)
                .until(d -> simulator.equals(
                        d.findElement(By.id("accountSettings:baseUrl")).getAttribute("value")));
        assertEquals(
                "",
                wait.ignoring(StaleElementReferenceException.class)
                        .until(d ->
                                d.findElement(By.id("accountSettings:password")).getAttribute("value")),
                "the stored password is never sent to the browser");
        String moved = simulator.replace("127.0.0.1", "localhost");
        fill("accountSettings:baseUrl", moved);
        browser.findElement(By.id("accountSettings:save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("accountSettings:settings"), moved));
        assertEquals(secret, passwordSecret(name), "a blank password keeps the stored one");
        var view = ro.runner.it.TestStack.send(ro.runner.it.TestStack.request("/api/marketplace/accounts")
                .GET()
                .build());
        assertTrue(
                view.body().contains("\"name\":\"" + name + "\"") && view.body().contains("\"type\":\"FBE\""),
                view.body());
    }

    private void fill(String id, String text) {
        // the editor re-renders after an Ajax action: retry on a field that went stale
        wait.ignoring(StaleElementReferenceException.class).until(d -> {
            var field = d.findElement(By.id(id));
            field.clear();
            field.sendKeys(text);
            return text.equals(field.getAttribute("value"));
        });
    }

    private static long accountRows(String name) throws java.sql.SQLException {
        return ro.runner.it.TestStack.count("SELECT count(*) FROM marketplace_accounts WHERE name = '" + name + "'");
    }

    private static String passwordSecret(String name) throws java.sql.SQLException {
        return ro.runner.it.TestStack.value(
                "SELECT password_secret FROM marketplace_accounts WHERE name = '" + name + "'");
    }

    @Test
    void wrongPasswordShowsAnErrorAndStaysOnTheLoginPage() {
        browser.get(url("/login.xhtml"));

        signIn("not-" + System.getProperty("runner.admin.password"));

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ui-messages-error")));
        assertTrue(browser.getCurrentUrl().contains("/login.xhtml"), browser.getCurrentUrl());
        assertTrue(browser.findElements(By.id("runs:table")).isEmpty());
    }

    private static long pushRuns() {
        try {
            return ro.runner.it.TestStack.count("SELECT count(*) FROM runs WHERE name = 'marketplace-offer-push'"
                    + " AND tags LIKE '%account=main%' AND status = 'SUCCEEDED'");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void signIn(String password) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login:username")))
                .sendKeys("admin");
        browser.findElement(By.id("login:password")).sendKeys(password);
        browser.findElement(By.id("login:submit")).click();
    }

    private String url(String path) {
        String root = base.toExternalForm();
        return (root.endsWith("/") ? root.substring(0, root.length() - 1) : root) + path;
    }

    private void screenshot(Path target) throws IOException {
        Files.createDirectories(target.getParent());
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
    }
}
