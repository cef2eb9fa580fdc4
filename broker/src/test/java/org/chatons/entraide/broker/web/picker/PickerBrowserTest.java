package org.chatons.entraide.broker.web.picker;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.chatons.entraide.broker.BrokerTestBase;
import org.chatons.entraide.broker.chatonsinfos.Site;
import org.chatons.entraide.protocol.HostReport;
import org.chatons.entraide.protocol.HostStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * The picker in a real browser: Debian's Chromium, headless, driven by Selenium, against a broker fed by
 * reports whose hosts are local stand-in pages. Screenshots of each page go to target/screenshots/.
 * Skips, saying why, where Chromium or its driver is not installed.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PickerBrowserTest extends BrokerTestBase {

    /** The members' hosts the picker sends the browser to: each page says which host it is. */
    Site standIns;
    HeadlessChromium chromium;
    WebDriver browser;

    @BeforeAll
    void startBrowser() throws IOException {
        chromium = HeadlessChromium.startOrSkip();
        browser = chromium.driver();
        standIns = new Site();
    }

    @AfterAll
    void stopBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
        if (standIns != null) {
            standIns.close();
        }
    }

    HostReport standIn(String member, String id, String service, int users, int capacity, HostStatus status) {
        String path = "/" + id + "/";
        standIns.put(path, new Site.Page(200, "text/html; charset=utf-8", ("<!DOCTYPE html><html><head><title>stand-in "
                + id + "</title></head><body><h1 id=\"host\">" + id + "</h1></body></html>")
                .getBytes(StandardCharsets.UTF_8), Duration.ZERO));
        String url = standIns.origin().replace("127.0.0.1", "localhost") + path;
        return new HostReport(id, service, "etherpad", url, status, true, users, capacity, null, null);
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

    @Test
    void thePageListsTheServicesInTheBrowsersLanguage() throws IOException {
        open("/");
        chromium.screenshot("home-fr");

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
            chromium.loads(() -> browser.findElement(By.linkText("Ouvrir un pad")).click());
            landedOn.add(browser.findElement(By.id("host")).getText());
            if (k == 0) {
                chromium.screenshot("landed-on-host");
            }
        }

        assertThat(landedOn).isNotEmpty().isSubsetOf("pad-open-a", "pad-open-b");
    }

    @Test
    void theLanguageSwitchTurnsThePageToEnglishAndTheLinksKeepIt() throws IOException {
        open("/");
        chromium.loads(() -> browser.findElement(By.linkText("English")).click());
        chromium.screenshot("home-en");

        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("What do you need?");
        chromium.loads(() -> browser.findElement(By.xpath("//li[h2='Pad']/a[@class='details']")).click());
        chromium.screenshot("service-pad-en");

        assertThat(browser.getCurrentUrl()).endsWith("/services/pad?lang=en");
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("Association Alpha", "full", "down",
                "How we choose");
        chromium.loads(() -> browser.findElement(By.linkText("Français")).click());
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");
    }

    @Test
    void whenNoHostCanTakeAUserThePageSaysSoAndListsTheFullOnes() throws IOException {
        open("/go/visio");
        chromium.screenshot("no-host-fr");

        assertThat(browser.findElement(By.tagName("h1")).getText())
                .isEqualTo("Visioconférence\u202f: aucun membre disponible pour le moment");
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("Association Alpha", "complet")
                .doesNotContain("Exception");
        // The home page offers no dead button for it either.
        open("/");
        assertThat(browser.findElements(By.linkText("Lancer une visio"))).isEmpty();
    }

    @Test
    void theRoomFormShowsTheLinkToShareWithTheCountryChosenOnThePageAndItLeadsToTheRoom() throws IOException {
        String origin = standIns.origin().replace("127.0.0.1", "localhost");
        report("beta", new HostReport("visio-a", "visio", "jitsi", origin + "/visio-a/", HostStatus.UP, true, 3, 100,
                null, null));
        report("epsilon", new HostReport("visio-e", "visio", "jitsi", origin + "/visio-e/", HostStatus.UP, true, 3,
                100, null, null));
        // A name that leads to Canada when the link names no country, so that Belgium's changes where it leads.
        String room = java.util.stream.IntStream.range(0, 100).mapToObj(k -> "Chorale" + k)
                .filter(n -> get("/api/v1/services/visio/rooms/" + n).body().contains("\"host\":\"visio-e\""))
                .findFirst().orElseThrow();
        for (String host : new String[] {"visio-a", "visio-e"}) {
            standIns.put("/" + host + "/" + room, new Site.Page(200, "text/html; charset=utf-8",
                    ("<!DOCTYPE html><html><body><h1 id=\"host\">" + host + " " + room + "</h1></body></html>")
                            .getBytes(StandardCharsets.UTF_8), Duration.ZERO));
        }
        open("/services/visio");
        assertThat(browser.findElement(By.cssSelector("label[for=room]")).getText()).isEqualTo("Nom de la salle");
        // The person chooses Belgium on the page: the link to share carries it, alike for all who follow it.
        new Select(browser.findElement(By.id("near"))).selectByValue("BE");
        chromium.loads(() -> browser.findElement(By.cssSelector("form.near:not(:has(#room)) button")).click());
        chromium.loads(() -> browser.findElement(By.id("room")).sendKeys(room, Keys.ENTER));
        chromium.screenshot("room-form-fr");

        String link = browser.findElement(By.id("room-link")).getAttribute("value");
        assertThat(link).isEqualTo(server.getURL() + "/go/visio/" + room + "?near=BE");
        assertThat(browser.findElement(By.cssSelector(".rooms")).getText()).contains("Coopérative Bêta");
        browser.get(link);
        assertThat(browser.findElement(By.id("host")).getText()).isEqualTo("visio-a " + room);
        browser.get(server.getURL() + "/go/visio/" + room);
        assertThat(browser.findElement(By.id("host")).getText()).isEqualTo("visio-e " + room);
    }

    @Test
    void onAPhoneNothingScrollsSideways() throws IOException {
        var size = browser.manage().window().getSize();
        try {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
            for (String path : new String[] {"/", "/services/pad", "/services/visio?room=Chorale"}) {
                open(path);
                chromium.screenshot("phone" + path.replaceAll("[/?=]", "-"));
                Object overflow = ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                assertThat(((Number) overflow).intValue()).as("horizontal overflow on %s", path).isLessThanOrEqualTo(0);
            }
        } finally {
            browser.manage().window().setSize(size);
        }
    }

    @Test
    void theNearChoiceIsLabelledWorksWithTheKeyboardAndTheLinksCarryIt() throws IOException {
        // Belgium has the room: its host at 10 % against 20 % for all.
        report("alpha", standIn("alpha", "pad-open-a", "pad", 10, 100, HostStatus.UP),
                standIn("alpha", "pad-busy", "pad", 40, 100, HostStatus.UP));
        report("beta", standIn("beta", "pad-open-b", "pad", 10, 100, HostStatus.UP));
        open("/");
        WebElement near = browser.findElement(By.id("near"));

        // The browser says fr-FR: France comes preselected, and the control is named by its label.
        assertThat(new Select(near).getFirstSelectedOption().getText()).isEqualTo("France");
        assertThat(near.getAccessibleName()).isEqualTo("Près de chez moi");
        assertThat(browser.findElement(By.cssSelector("label[for=near]")).getText()).isEqualTo("Près de chez moi");
        assertThat(browser.findElement(By.cssSelector("form.near button")).getAccessibleName()).isEqualTo("Choisir");

        // Keyboard only: Tab to the list, pick Belgium, Tab to the button, Enter.
        tabTo(e -> "near".equals(e.getAttribute("id")));
        browser.switchTo().activeElement().sendKeys("Belgique");
        assertThat(browser.switchTo().activeElement().getCssValue("outline-style")).isEqualTo("solid");
        browser.switchTo().activeElement().sendKeys(Keys.TAB);
        assertThat(browser.switchTo().activeElement().getText()).isEqualTo("Choisir");
        chromium.loads(() -> browser.switchTo().activeElement().sendKeys(Keys.ENTER));
        chromium.screenshot("home-near-be");

        assertThat(browser.getCurrentUrl()).endsWith("/?near=BE&lang=fr");
        assertThat(new Select(browser.findElement(By.id("near"))).getFirstSelectedOption().getText())
                .isEqualTo("Belgique");
        assertThat(browser.findElement(By.linkText("Ouvrir un pad")).getAttribute("href")).endsWith("/go/pad?lang=fr&near=BE");
        assertThat(browser.findElement(By.linkText("English")).getAttribute("href")).endsWith("?lang=en&near=BE");
        Set<String> landedOn = new HashSet<>();
        for (int k = 0; k < 3; k++) {
            chromium.loads(() -> browser.findElement(By.linkText("Ouvrir un pad")).click());
            landedOn.add(browser.findElement(By.id("host")).getText());
            chromium.loads(() -> browser.navigate().back());
        }
        assertThat(landedOn).containsExactly("pad-open-b");

        // The service page says the chosen country is honoured while it has room, and offers anywhere.
        chromium.loads(() -> browser.findElement(By.xpath("//li[h2='Pad']/a[@class='details']")).click());
        chromium.screenshot("service-pad-near-be");
        assertThat(browser.findElement(By.cssSelector(".near-first")).getText())
                .startsWith("Vous êtes envoyé·e chez un membre en Belgique dès que l’un d’eux a de la place");
        chromium.loads(() -> browser.findElement(By.linkText("Chercher partout")).click());
        assertThat(new Select(browser.findElement(By.id("near"))).getFirstSelectedOption().getText())
                .isEqualTo("N’importe où");
    }

    @Test
    void frenchApostrophesAndPluralsReadAsWritten() throws IOException {
        report("alpha", standIn("alpha", "pad-open-a", "pad", 10, 100, HostStatus.UP),
                standIn("alpha", "short-full", "shortener", 95, 100, HostStatus.UP),
                standIn("alpha", "visio-full", "visio", 99, 100, HostStatus.UP));
        report("beta", standIn("beta", "pad-open-b", "pad", 20, 100, HostStatus.UP),
                standIn("beta", "short-open", "shortener", 10, 100, HostStatus.UP));
        report("delta", standIn("delta", "images-d", "images", 10, 100, HostStatus.UP));
        open("/");
        chromium.screenshot("home-fr-plurals");

        assertThat(cardText("Raccourcisseur d'adresses")).contains("1 membre peut vous accueillir maintenant")
                .contains("Voir qui le propose");
        assertThat(cardText("Pad")).contains("2 membres peuvent vous accueillir maintenant");
        assertThat(cardText("Visioconférence")).contains("Aucun membre ne peut vous accueillir en ce moment");
        assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("(s)", "dadresses");

        open("/services/images");
        assertThat(browser.getTitle()).isEqualTo("Partage d'images · Entraide");
        assertThat(browser.findElement(By.cssSelector("td.use a")).getText())
                .isEqualTo("Aller chez L'Atelier \"{0}\" <b>&amp; Cie</b>");

        report("beta", standIn("beta", "pad-open-b", "pad", 20, 100, HostStatus.UP),
                standIn("beta", "short-open", "shortener", 90, 100, HostStatus.UP));
        open("/go/shortener");
        chromium.screenshot("no-host-shortener-fr");
        assertThat(browser.getTitle()).isEqualTo("Raccourcisseur d'adresses\u202f: aucun membre disponible pour le moment · Entraide");
        assertThat(browser.findElement(By.tagName("h1")).getText())
                .isEqualTo("Raccourcisseur d'adresses\u202f: aucun membre disponible pour le moment");
        assertThat(browser.findElement(By.cssSelector(".near-first")).getText())
                .startsWith("Aucun membre ne peut vous accueillir, ni en France ni ailleurs.");
    }

    String cardText(String name) {
        return browser.findElements(By.cssSelector(".card")).stream()
                .filter(card -> card.findElement(By.tagName("h2")).getText().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no card " + name)).getText();
    }

    /** Presses Tab from where the focus is (a page just opened: its start) until it is on the one wanted. */
    void tabTo(java.util.function.Predicate<WebElement> wanted) {
        for (int k = 0; k < 20 && !wanted.test(browser.switchTo().activeElement()); k++) {
            new Actions(browser).sendKeys(Keys.TAB).perform();
        }
        assertThat(wanted.test(browser.switchTo().activeElement())).as("reached with Tab").isTrue();
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
        chromium.loads(() -> browser.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.ENTER));

        assertThat(browser.findElement(By.id("host")).getText()).isIn("pad-open-a", "pad-open-b");
    }
}
