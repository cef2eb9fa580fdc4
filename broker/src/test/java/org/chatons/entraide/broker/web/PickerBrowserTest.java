package org.chatons.entraide.broker.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.chatons.entraide.broker.BrokerTestBase;
import org.chatons.entraide.protocol.HostReport;
import org.chatons.entraide.protocol.HostStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The picker in a real browser: Debian's Chromium, headless, driven by Selenium, against a broker fed by
 * reports whose hosts are local stand-in pages. Screenshots of each page go to target/screenshots/.
 * Skips, saying why, where Chromium or its driver is not installed.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PickerBrowserTest extends BrokerTestBase {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    StandInHosts standIns;
    WebDriver browser;
    Path profile;

    @BeforeAll
    void startBrowser() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "no Chromium here: install Debian's chromium and chromium-driver to run the browser tests");
        standIns = new StandInHosts();
        profile = Files.createTempDirectory("entraide-chromium");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run", "--window-size=1100,1400", "--lang=fr-FR",
                        "--user-data-dir=" + profile)
                .setExperimentalOption("prefs", Map.of("intl.accept_languages", "fr-FR,fr"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (standIns != null) {
            standIns.close();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    HostReport standIn(String member, String id, String service, int users, int capacity, HostStatus status) {
        return new HostReport(id, service, "etherpad", standIns.url(id), status, true, users, capacity, null, null);
    }

    @BeforeEach
    void federation() {
        report("alpha", standIn("alpha", "pad-open-a", "pad", 10, 100, HostStatus.UP),
                standIn("alpha", "pad-full", "pad", 95, 100, HostStatus.UP),
                standIn("alpha", "visio-full", "visio", 99, 100, HostStatus.UP));
        report("beta", standIn("beta", "pad-open-b", "pad", 20, 100, HostStatus.UP),
                standIn("beta", "pad-down", "pad", 0, 100, HostStatus.DOWN));
    }

    void open(String path) {
        browser.get(server.getURL() + path);
    }

    void screenshot(String name) throws IOException {
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void thePageListsTheServicesInTheBrowsersLanguage() throws IOException {
        open("/");
        screenshot("home-fr");

        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");
        assertThat(browser.findElements(By.cssSelector(".card h2"))).extracting(e -> e.getText())
                .containsExactly("Pad", "Visioconférence");
        assertThat(browser.findElement(By.linkText("Ouvrir un pad")).isDisplayed()).isTrue();
    }

    @Test
    void openingAPadLandsOnAnEligibleHostNeverAFullOrDownOne() throws IOException {
        Set<String> landedOn = new HashSet<>();
        for (int k = 0; k < 8; k++) {
            open("/");
            browser.findElement(By.linkText("Ouvrir un pad")).click();
            landedOn.add(browser.findElement(By.id("host")).getText());
            if (k == 0) {
                screenshot("landed-on-host");
            }
        }

        assertThat(landedOn).isNotEmpty().isSubsetOf("pad-open-a", "pad-open-b");
    }

    @Test
    void theLanguageSwitchTurnsThePageToEnglishAndTheLinksKeepIt() throws IOException {
        open("/");
        browser.findElement(By.linkText("English")).click();
        screenshot("home-en");

        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("What do you need?");
        browser.findElement(By.linkText("See who offers Pad")).click();
        screenshot("service-pad-en");

        assertThat(browser.getCurrentUrl()).endsWith("/services/pad?lang=en");
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("Association Alpha", "full", "down",
                "How we choose");
        browser.findElement(By.linkText("Français")).click();
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");
    }

    @Test
    void whenNoHostCanTakeAUserThePageSaysSoAndListsTheFullOnes() throws IOException {
        open("/go/visio");
        screenshot("no-host-fr");

        assertThat(browser.findElement(By.tagName("h1")).getText())
                .isEqualTo("Visioconférence : aucun membre disponible pour le moment");
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("Association Alpha", "complet")
                .doesNotContain("Exception");
        // The home page offers no dead button for it either.
        open("/");
        assertThat(browser.findElements(By.linkText("Lancer une visio"))).isEmpty();
    }

    @Test
    void onAPhoneNothingScrollsSideways() throws IOException {
        var size = browser.manage().window().getSize();
        try {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
            for (String path : new String[] {"/", "/services/pad"}) {
                open(path);
                screenshot("phone" + path.replace('/', '-'));
                Object overflow = ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                assertThat(((Number) overflow).intValue()).as("horizontal overflow on %s", path).isLessThanOrEqualTo(0);
            }
        } finally {
            browser.manage().window().setSize(size);
        }
    }

    @Test
    void theWholePickerWorksWithTheKeyboardAlone() {
        open("/");
        // Tab from the top of the page: the pad button is reachable and Enter follows it.
        var body = browser.findElement(By.tagName("body"));
        for (int k = 0; k < 10; k++) {
            body = browser.switchTo().activeElement();
            body.sendKeys(org.openqa.selenium.Keys.TAB);
            if ("Ouvrir un pad".equals(browser.switchTo().activeElement().getText())) {
                break;
            }
        }
        assertThat(browser.switchTo().activeElement().getText()).isEqualTo("Ouvrir un pad");
        browser.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.ENTER);

        assertThat(browser.findElement(By.id("host")).getText()).isIn("pad-open-a", "pad-open-b");
    }
}
