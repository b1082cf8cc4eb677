package dev.larkinbox.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven as a person uses the pages: controls found by their visible label or their
 * role and name, as a screen reader finds them. The driver's path is given, so Selenium Manager downloads nothing.
 * Closing it fails the test when the console reported a Content Security Policy violation on any page it showed.
 *
 * <p>A Chromium outlives the test that used it: closed, it is emptied (a fresh tab; no cookies, storage or console
 * entries left) and handed to the next test of the JVM that asks for the same language and zone. Starting one and
 * quitting it took about 2 s a test on 2 cores, emptying it a few milliseconds.
 */
final class Browser implements AutoCloseable {
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Chromium's console says "... violates the following Content Security Policy directive ...". */
    static final String CSP = "Content Security Policy";
    /** Emptied Chromiums waiting for a test, by the language and zone they were started with. */
    private static final Map<List<String>, Deque<Chromium>> IDLE = new HashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(Browser::quitIdle, "quit-idle-chromiums"));
    }

    private final Chromium chromium;
    private final ChromeDriver driver;
    private final String base;
    /** Every console entry read so far: reading the driver's log empties it. */
    private final List<LogEntry> console = new ArrayList<>();
    private int errorsChecked;
    /** Closed once: a second close must not hand the same Chromium on twice. */
    private boolean closed;

    Browser(String base) {
        this(base, null, null);
    }

    /**
     * A browser whose person reads this language (its {@code Accept-Language}, such as {@code zh-CN}) and whose
     * clock is in this zone (an IANA id, the system's zone Chromium reports to pages); null for the machine's own.
     */
    Browser(String base, String language, String zone) {
        this.base = base;
        List<String> key = Arrays.asList(language, zone);
        Chromium idle;
        synchronized (IDLE) {
            idle = IDLE.getOrDefault(key, new ArrayDeque<>()).poll();
        }
        chromium = idle != null ? idle : Chromium.start(key);
        driver = chromium.driver();
    }

    /** One Chromium and its driver, with the profile directory it was started on. */
    private record Chromium(List<String> key, ChromeDriver driver, Path profile) {
        static Chromium start(List<String> key) {
            String language = key.get(0);
            String zone = key.get(1);
            Path profile;
            try {
                profile = Files.createTempDirectory("inbox-chromium-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            var options = new ChromeOptions();
            options.setBinary(ChromiumAvailable.browser().toFile());
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                    "--window-size=1280,1400", "--user-data-dir=" + profile);
            if (language != null) {
                options.addArguments("--lang=" + language, "--accept-lang=" + language);
                options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
            }
            var logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            var service = new ChromeDriverService.Builder().usingDriverExecutable(ChromiumAvailable.driver().toFile())
                    .usingAnyFreePort().withEnvironment(zone == null ? Map.of() : Map.of("TZ", zone)).build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(WAIT);
            return new Chromium(key, driver, profile);
        }

        /**
         * Leaves nothing of one test for the next: a new tab replaces every open one (its history, session storage
         * and emulated screen go with them); cookies and the site's storage are cleared; the console is read empty.
         */
        void empty(String site) {
            try {
                driver.switchTo().alert().dismiss();
            } catch (NoAlertPresentException e) {
                // none open: the usual case
            }
            Set<String> used = driver.getWindowHandles();
            String origin = origin(driver.getCurrentUrl());
            driver.switchTo().newWindow(WindowType.TAB);
            String fresh = driver.getWindowHandle();
            for (String handle : used) {
                driver.switchTo().window(handle).close();
            }
            driver.switchTo().window(fresh);
            driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
            for (String visited : new LinkedHashSet<>(Arrays.asList(origin(site), origin))) {
                if (!visited.isEmpty()) {
                    driver.executeCdpCommand("Storage.clearDataForOrigin",
                            Map.of("origin", visited, "storageTypes", "all"));
                }
            }
            driver.manage().logs().get(LogType.BROWSER);
        }

        void quit() {
            try {
                driver.quit();
            } finally {
                try (var files = Files.walk(profile)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                } catch (IOException e) {
                    // a temp directory left behind harms nobody
                }
            }
        }

        /** The scheme, host and port of a page's address; empty for one without them, such as about:blank. */
        private static String origin(String url) {
            try {
                URI uri = URI.create(url);
                return uri.getRawAuthority() == null ? "" : uri.getScheme() + "://" + uri.getRawAuthority();
            } catch (IllegalArgumentException e) {
                return "";
            }
        }
    }

    private static void quitIdle() {
        synchronized (IDLE) {
            IDLE.values().forEach(idle -> idle.forEach(Chromium::quit));
            IDLE.clear();
        }
    }

    void open(String path) {
        driver.get(base + path);
    }

    /** The control a {@code <label>} with this text names, as assistive technology finds it. */
    WebElement control(String label) {
        WebElement element = driver.findElement(By.xpath("//label[normalize-space(text())='" + label + "']"));
        return driver.findElement(By.id(element.getAttribute("for")));
    }

    void type(String label, String text) {
        WebElement field = control(label);
        field.clear();
        field.sendKeys(text);
    }

    void choose(String label, String option) {
        new Select(control(label)).selectByVisibleText(option);
    }

    String chosen(String label) {
        return new Select(control(label)).getFirstSelectedOption().getText();
    }

    void press(String button) {
        driver.findElement(By.xpath("//button[normalize-space(.)='" + button + "']")).click();
    }

    /** Keys pressed on the page as it is, wherever the focus is: the keyboard's triage. */
    void keys(CharSequence keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    /** The id of the feedback row the keyboard selected (j, k). */
    String selectedRow() {
        return one(By.cssSelector("tr.selected[aria-current=true]")).getAttribute("data-id");
    }

    /** Waits until a feedback's row shows this text in this cell ({@code cell-status}): redrawn in place. */
    void awaitCell(String feedbackId, String cell, String text) {
        new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class)
                .until(d -> text.equals(d.findElement(By.cssSelector("tr[data-id='" + feedbackId + "'] ." + cell))
                        .getText()));
    }

    void follow(String link) {
        driver.findElement(By.linkText(link)).click();
    }

    /**
     * Signs in with the API token form, under this name (null: none typed), from the page at {@code path}; lands on
     * the inbox.
     */
    void signInWithToken(String path, String name) {
        open(path);
        type("API token", InboxApi.TOKEN);
        if (name != null) {
            type("Your name", name);
        }
        press("Sign in");
        awaitHeading("Inbox");
    }

    /** Waits until the page's main heading reads so: a boosted navigation swaps the page in after the click. */
    void awaitHeading(String heading) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.textToBe(By.tagName("h1"), heading));
    }

    void awaitText(By where, String text) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(where, text));
    }

    void awaitUrlContaining(String part) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.urlContains(part));
    }

    /** Waits until the table shows this many rows: a change of the page that leaves its headings as they were. */
    void awaitRows(String caption, int count) {
        new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class)
                .until(d -> rows(caption).size() == count);
    }

    /**
     * Reloads the page until the table shows this many rows: for what a job does in the background after the events
     * were answered, such as grouping feedback into problems.
     */
    void awaitRowsReloading(String caption, int count, Duration timeout) {
        new WebDriverWait(driver, timeout, Duration.ofSeconds(1)).ignoring(StaleElementReferenceException.class)
                .until(d -> {
                    if (rows(caption).size() == count) {
                        return true;
                    }
                    d.navigate().refresh();
                    return false;
                });
    }

    String url() {
        return driver.getCurrentUrl();
    }

    List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    WebElement one(By by) {
        return driver.findElement(by);
    }

    /** The rows of the first table's body, each as its cells' text. */
    List<List<String>> rows(String caption) {
        return driver.findElements(By.xpath("//table[.//caption[normalize-space(.)='" + caption + "']"
                        + " or preceding-sibling::h2[1][normalize-space(.)='" + caption + "']]/tbody/tr")).stream()
                .map(row -> row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList())
                .toList();
    }

    void screenshot(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every message the page wrote to the console at level SEVERE (errors) since the last call. */
    void assertNoConsoleErrors() {
        List<LogEntry> all = console();
        List<String> errors = all.subList(errorsChecked, all.size()).stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
        errorsChecked = all.size();
        assertEquals(List.of(), errors, "console errors");
    }

    /** Any report of a Content Security Policy violation on the console since the browser opened. */
    void assertNoCspViolations() {
        List<String> violations = console().stream().map(LogEntry::getMessage).filter(m -> m.contains(CSP)).toList();
        assertEquals(List.of(), violations, "Content Security Policy violations on the console");
    }

    private List<LogEntry> console() {
        console.addAll(driver.manage().logs().get(LogType.BROWSER).getAll());
        return console;
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Fails the test that used it on a CSP violation, after the browser is emptied for the next test either way. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            assertNoCspViolations();
        } finally {
            release();
        }
    }

    private void release() {
        try {
            chromium.empty(base);
        } catch (RuntimeException e) {
            // a Chromium that cannot be emptied is not handed on
            chromium.quit();
            return;
        }
        synchronized (IDLE) {
            IDLE.computeIfAbsent(chromium.key(), k -> new ArrayDeque<>()).push(chromium);
        }
    }
}
