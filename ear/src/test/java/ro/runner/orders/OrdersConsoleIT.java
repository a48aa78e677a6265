package ro.runner.orders;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import ro.runner.it.ConsumersQuiet;
import ro.runner.it.Deployments;
import ro.runner.it.Json;

/**
 * The Orders and Notifications pages in headless Chromium: a paid order's detail shows its tracking
 * and its mails, and the Notifications page shows the rendered confirmation.
 */
@ExtendWith({ArquillianExtension.class, ConsumersQuiet.class})
class OrdersConsoleIT {

    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final Duration PAGE = Duration.ofSeconds(20);

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
        profile = Files.createTempDirectory("orders-console-it-chromium");
        var options = new ChromeOptions()
                .setBinary("/usr/bin/chromium")
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-dev-shm-usage",
                        "--no-first-run",
                        "--window-size=1400,900",
                        "--user-data-dir=" + profile);
        browser = new ChromeDriver(
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(new File(CHROMEDRIVER))
                        .build(),
                options);
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
    void aPaidOrderShowsItsTrackingAndItsMails() throws Exception {
        String email = OrdersIT.unique();
        long id = OrdersIT.placed(email);
        OrdersIT.post("/api/orders/" + id + "/payment", "");
        String number = Json.object(OrdersIT.get("/api/orders/" + id).body()).getString("number");
        PaidOrderIT.await("SELECT count(*) FROM notifications WHERE order_id = " + id + " AND status = 'SENT'", 2);

        browser.get(url("/console/orders.xhtml"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login:username")))
                .sendKeys("admin");
        browser.findElement(By.id("login:password")).sendKeys(System.getProperty("runner.admin.password"));
        browser.findElement(By.id("login:submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("session:user")));
        browser.get(url("/console/orders.xhtml"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("filter:email")))
                .sendKeys(email);
        submit(By.id("filter:search"));
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText(number))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("detail"), "order-confirmation"));
        String detail = browser.findElement(By.id("detail")).getText();
        assertTrue(detail.contains("PAID") && detail.contains("SENT"), detail);

        browser.get(url("/console/notifications.xhtml"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("filter:recipient")))
                .sendKeys(email);
        submit(By.id("filter:search"));
        wait.until(ExpectedConditions.elementToBeClickable(
                        By.cssSelector("#notifications\\:table button[title='Show the mail']")))
                .click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("mail"), "comanda-" + number + ".pdf"));
        assertTrue(browser.findElement(By.id("mail")).getText().contains("Bună ziua"));
    }

    /**
     * Clicks a button that submits its form without Ajax and waits for the page it loads. Otherwise the
     * next lookup can find an element of the unfiltered page that is replaced while it is being used
     * ("Node with given id does not belong to the document"), or act on the wrong row.
     */
    private void submit(By button) {
        WebElement page = browser.findElement(By.tagName("html"));
        browser.findElement(button).click();
        wait.until(ExpectedConditions.stalenessOf(page));
    }

    private String url(String path) {
        String root = base.toExternalForm();
        return (root.endsWith("/") ? root.substring(0, root.length() - 1) : root) + path;
    }
}
