package id.outletkiosk.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium driven by its chromedriver, both by their paths, so Selenium Manager never looks for
 * (or downloads) a browser or a driver; a fresh profile in a temporary folder, gone on close. A phone is a
 * mobile-emulated viewport: headless Chromium's window does not shrink below 500 px.
 */
public final class HeadlessChromium implements AutoCloseable {
    public static final Path BROWSER = Path.of("/usr/bin/chromium");
    public static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    public static final String HOW_TO_INSTALL = "needs Debian's headless Chromium at " + BROWSER + " and its driver at "
            + DRIVER + ": sudo apt-get install -y chromium chromium-driver";

    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final Path profile;

    private HeadlessChromium(ChromeDriverService service, ChromeDriver driver, Path profile) {
        this.service = service;
        this.driver = driver;
        this.profile = profile;
    }

    /** Whether both programs are there to run. */
    public static boolean installed() {
        return Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
    }

    /** A desktop window of {@code width} x {@code height}, asking for pages in {@code acceptLanguage}. */
    public static HeadlessChromium desktop(int width, int height, String acceptLanguage) throws IOException {
        ChromeOptions options = options(acceptLanguage);
        options.addArguments("--window-size=" + width + "," + height);
        return start(options);
    }

    /** A phone's viewport of {@code width} x {@code height} CSS pixels (at one device pixel each). */
    public static HeadlessChromium phone(int width, int height, String acceptLanguage) throws IOException {
        ChromeOptions options = options(acceptLanguage);
        options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
                Map.of("width", width, "height", height, "pixelRatio", 1.0)));
        return start(options);
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Runs {@code script} in the page and gives its result (JSON values become Java lists, maps, numbers). */
    public Object script(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    /**
     * What sticks out on the right of the viewport: the page's scroll width beyond its window first, then every
     * element whose right edge is past it, as tag.class; empty when nothing overflows.
     */
    @SuppressWarnings("unchecked")
    public List<String> overflowingRight() {
        return (List<String>) script("const width = window.innerWidth; const found = [];"
                + "if (document.documentElement.scrollWidth > width) {"
                + "  found.push('page: scrollWidth ' + document.documentElement.scrollWidth + ' > ' + width); }"
                + "for (const element of document.querySelectorAll('body *')) {"
                + "  const right = element.getBoundingClientRect().right;"
                + "  if (right > width + 0.5) { found.push(element.tagName.toLowerCase() + '.' + element.className"
                + "    + ' right edge ' + Math.round(right) + ' > ' + width); } }"
                + "return found;");
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            TempFolders.deleteWhenQuiet(profile);
        }
    }

    private static ChromeOptions options(String acceptLanguage) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--hide-scrollbars", "--accept-lang=" + acceptLanguage, "--lang=" + acceptLanguage.split(",")[0]);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", acceptLanguage));
        return options;
    }

    private static HeadlessChromium start(ChromeOptions options) throws IOException {
        Path profile = Files.createTempDirectory("chromium-profile");
        options.addArguments("--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER.toString()))
                .usingAnyFreePort().build();
        try {
            return new HeadlessChromium(service, new ChromeDriver(service, options), profile);
        } catch (RuntimeException e) {
            service.stop();
            TempFolders.deleteWhenQuiet(profile);
            throw e;
        }
    }
}
