package dev.filegate.it.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's, driven by its chromedriver) on the web UI, and what the UI suites ask of the
 * page: its files table, Uppy's file input and state, the line of a finished upload, screenshots. Files it downloads
 * land in {@link #downloads()}. A failed wait prints the page's error, uploads, who is signed in, Uppy's state and the
 * console.
 */
public final class Browser implements AutoCloseable {

    private final ChromeDriver driver;
    private final WebDriverWait wait;
    private final Path downloads;

    private Browser(ChromeDriver driver, Path downloads) {
        this.driver = driver;
        this.downloads = downloads;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class); // the file table is re-rendered after every upload
        wait.withMessage(() -> "page state: error=[" + text("error") + "] uploads=[" + text("uploads") + "] whoami=["
                + text("whoami") + "] uppy=" + uppyState() + " console=" + console());
    }

    public static Browser open() throws IOException {
        assertTrue(
                Files.isExecutable(Path.of("/usr/bin/chromium"))
                        && Files.isExecutable(Path.of("/usr/bin/chromedriver")),
                "the UI suite needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)");
        Path downloads = Files.createTempDirectory(Path.of(ItProperties.required("it.dir")), "downloads-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=1280,1000");
        options.setExperimentalOption(
                "prefs",
                Map.of(
                        "download.default_directory",
                        downloads.toString(),
                        "download.prompt_for_download",
                        false,
                        "safebrowsing.enabled",
                        false));
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        return new Browser(new ChromeDriver(service, options), downloads);
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Waits up to 30 s, printing the page's state when it gives up. */
    public WebDriverWait waits() {
        return wait;
    }

    public Path downloads() {
        return downloads;
    }

    /** The files table's row of a file, once it is there. */
    public WebElement row(String name) {
        return wait.until(d -> d.findElements(By.cssSelector("#files tbody tr")).stream()
                .filter(r -> r.findElement(By.className("name")).getText().equals(name))
                .findFirst()
                .orElse(null));
    }

    /** Clicks a button in a file's row, finding the row afresh (the table may be re-rendered meanwhile). */
    public void clickInRow(String name, String buttonClass) {
        wait.until(d -> {
            row(name).findElement(By.className(buttonClass)).click();
            return true;
        });
    }

    /** Saves a screenshot to target/screenshots, named after the server configuration and {@code name}. */
    public void screenshot(String name) throws IOException {
        Path dir = Path.of(ItProperties.required("it.screenshots"));
        Files.createDirectories(dir);
        Files.write(
                dir.resolve(ServerConfiguration.current().id() + "-" + name + ".png"),
                driver.getScreenshotAs(OutputType.BYTES));
    }

    public String console() {
        try {
            return driver.manage().logs().get("browser").getAll().stream()
                    .map(Object::toString)
                    .toList()
                    .toString();
        } catch (RuntimeException e) {
            return "?";
        }
    }

    /** What Uppy holds: each file's name, progress and error, and its last message. */
    public String uppyState() {
        try {
            return String.valueOf(driver.executeScript("return typeof uppy === 'undefined' || !uppy ? 'none' :"
                    + " JSON.stringify({files: uppy.getFiles().map(f => ({name: f.name, type: f.type,"
                    + " progress: f.progress, error: f.error})), info: uppy.getState().info})"));
        } catch (RuntimeException e) {
            return "?";
        }
    }

    /** The text of the element with this id, {@code ?} where there is none. */
    public String text(String id) {
        try {
            return driver.findElement(By.id(id)).getText();
        } catch (RuntimeException e) {
            return "?";
        }
    }

    /** The Dashboard's file input (visually hidden, as Uppy renders it). */
    public WebElement fileInput() {
        return wait.until(d -> d.findElements(By.cssSelector("#uploader input.uppy-Dashboard-input")).stream()
                .findFirst()
                .orElse(null));
    }

    /** The line the page adds for a finished upload ({@code done} or {@code failed}). */
    public WebElement finished(String name, String outcome) {
        return finished(name, outcome, wait);
    }

    public WebElement finished(String name, String outcome, WebDriverWait within) {
        return within.until(d -> d.findElements(By.cssSelector("#uploads li." + outcome)).stream()
                .filter(li -> name.equals(li.getAttribute("data-name")))
                .findFirst()
                .orElse(null));
    }

    /** Whether an element with this id is on the page and shown. */
    public boolean shows(String id) {
        return !driver.findElements(By.id(id)).isEmpty()
                && driver.findElement(By.id(id)).isDisplayed();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
