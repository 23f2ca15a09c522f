package dev.setlist.plugin.webui;

import com.fasterxml.jackson.databind.JsonNode;
import dev.setlist.plugin.DemoServer;
import dev.setlist.plugin.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The web UI in a real browser: Debian's headless Chromium, driven through its own chromedriver (Selenium
 * Manager never runs, nothing is downloaded), against a real Setlist on the demo library on loopback. One
 * browser and one server of its own serve the whole class (the tests publish rules, which would change
 * every other test's playlists on the shared server), in the order a curator would go. Screenshots go to
 * {@code target/screenshots/}.
 *
 * <p>Skipped, with the reason, when Chromium or chromedriver is not installed ({@code .ci/run} installs both).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebUiBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SHOTS = Path.of("target", "screenshots");
    private static final Set<String> ADULT = Set.of("R", "NC-17", "TV-MA", "PG-13", "TV-14");
    private static final String XSS_TITLE = "<img src=x onerror=alert(1)>";
    private static final String XSS_NAME = "<img src=x onerror=alert(2)>";

    /** A curator rule with a syntax error on line 6: a stray closing parenthesis after the pattern. */
    private static final String BROKEN_RULE = """
            package dev.setlist.rules.model

            rule "Curator: no thrillers tonight"
            when
                // a quiet evening
                $item : Item( hasGenre("Thriller") ))
            then
                insert(Exclusion.of($item, "no thrillers tonight"));
            end
            """;
    private static final String FIXED_RULE = BROKEN_RULE.replace("\"Thriller\") ))", "\"Thriller\") )");

    private DemoServer server;
    private ChromeDriver driver;
    private WebDriverWait wait;

    @BeforeAll
    void start() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "browser tests skipped: install Debian's chromium and chromium-driver (" + CHROMIUM + ", "
                        + CHROMEDRIVER + "); .ci/run installs them");
        Files.createDirectories(SHOTS);
        server = DemoServer.dedicated();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-extensions", "--no-first-run", "--window-size=1280,1000", "--lang=en-GB");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    @AfterAll
    void stop() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Order(1)
    void signsInWithTheAdminKeyAndAPersonSeesOnlyTheirViews() {
        String token = server.token(server.userId("Robin"));
        open("");
        signIn(token);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("views")));
        assertThat(link("for-you").isDisplayed()).isTrue();
        assertThat(link("rules").isDisplayed()).as("a person's token does not see the rule editor").isFalse();
        assertThat(link("settings").isDisplayed()).isFalse();
        assertThat(driver.findElement(By.id("person-pick")).isDisplayed()).isFalse();
        waitForCards("playlist");
        assertThat(text(By.id("playlist-title"))).isEqualTo("For Robin");
        assertThat(server.http().get("api/rules", "Authorization", "Bearer " + token).status())
                .as("and the API refuses it anyway").isEqualTo(403);

        driver.findElement(By.id("sign-out")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in")));
        signIn("not-a-key");
        wait.until(ExpectedConditions.textToBe(By.id("sign-in-error"), "That key is not valid."));

        signIn(DemoServer.ADMIN);
        wait.until(ExpectedConditions.visibilityOf(link("rules")));
        assertThat(link("settings").isDisplayed()).isTrue();
        waitForCards("playlist");
    }

    @Test
    @Order(2)
    void theExplorationSliderPreviewsAnotherPlaylist() {
        pick("Alex");
        List<String> before = itemIds("playlist");
        WebElement slider = driver.findElement(By.id("exploration"));
        slider.sendKeys(Keys.END);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("preview-note")));
        wait.until(d -> !itemIds("playlist").equals(before));
        assertThat(text(By.id("exploration-value"))).isEqualTo("50%");
        assertThat(text(By.id("playlist-meta"))).contains("exploration 50%");
        screenshot("for-you");
        driver.findElement(By.id("reset-tuning")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("preview-note")));
    }

    @Test
    @Order(3)
    void kidsModeTakesAnAdultRatedItemAway() {
        pick("Jordan");
        List<WebElement> adult = driver.findElements(By.cssSelector("#playlist .item")).stream()
                .filter(card -> ADULT.contains(card.getAttribute("data-rating"))).toList();
        assertThat(adult).as("the demo playlist has an adult-rated item to lose").isNotEmpty();
        String adultId = adult.get(0).getAttribute("data-item-id");
        driver.findElement(By.cssSelector("#modes [data-mode='kids']")).click();
        wait.until(d -> text(By.id("playlist-meta")).contains("kids mode"));
        assertThat(itemIds("playlist")).doesNotContain(adultId);
        assertThat(driver.findElements(By.cssSelector("#playlist .item")).stream()
                .map(card -> card.getAttribute("data-rating"))).noneMatch(ADULT::contains);
        assertThat(driver.findElement(By.cssSelector("#modes [data-mode='kids']")).getAttribute("aria-checked"))
                .isEqualTo("true");
        driver.findElement(By.cssSelector("#modes [data-mode='auto']")).click();
        wait.until(d -> !text(By.id("playlist-meta")).contains("kids mode"));
    }

    @Test
    @Order(4)
    void aSyntaxErrorShowsAtItsLineAndLeavesThePlaylistAlone() {
        String alex = server.userId("Alex");
        String servingBefore = playlistRules(alex);
        assertThat(thrillers(alex)).as("Alex's playlist has thrillers, which the draft rule would exclude").isNotEmpty();
        go("rules");
        wait.until(d -> !driver.findElements(By.cssSelector("#rule-files .file")).isEmpty());
        newFile("ui-test.drl");
        typeRule(BROKEN_RULE);
        driver.findElement(By.id("validate")).click();
        WebElement problem = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#rule-output .problem[data-file='ui-test.drl']")));
        assertThat(problem.getAttribute("data-line")).as("the error is at the line of the pattern").isEqualTo("6");
        assertThat(driver.findElement(By.cssSelector("#gutter .ln[data-line='6']")).getAttribute("class"))
                .contains("has-error");
        assertThat(driver.findElements(By.cssSelector("#gutter .ln.has-error"))).hasSize(1);
        assertThat(text(By.cssSelector("#rule-output"))).contains("nothing went live");
        screenshot("rules-error");

        assertThat(playlistRules(alex)).as("the book serving is the same").isEqualTo(servingBefore);
        assertThat(thrillers(alex)).as("the draft did not reach the playlist").isNotEmpty();
        pick("Alex");
        assertThat(driver.findElement(By.id("playlist")).getAttribute("data-rules")).isEqualTo(servingBefore);
    }

    @Test
    @Order(5)
    void theFixedRulePublishedChangesThePreview() {
        pick("Alex");
        List<String> thrillers = itemsWithGenre("Thriller");
        assertThat(thrillers).as("Alex's playlist has a thriller for the rule to take away").isNotEmpty();
        go("rules");
        openFile("ui-test.drl");
        assertThat(editorText()).as("the draft was kept").isEqualTo(BROKEN_RULE);
        typeRule(FIXED_RULE);
        driver.findElement(By.id("validate")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("rule-output"), "Valid"));
        assertThat(driver.findElements(By.cssSelector("#gutter .ln.has-error"))).isEmpty();

        driver.findElement(By.id("run-tests")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("rule-output"), "passed"));
        assertThat(driver.findElements(By.cssSelector("#rule-output .scenarios li.pass"))).isNotEmpty();

        driver.findElement(By.id("show-diff")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#rule-output .diff-added")));
        assertThat(text(By.cssSelector("#rule-output h4"))).isEqualTo("ui-test.drl (added)");

        driver.findElement(By.id("publish-message")).sendKeys("no thrillers tonight");
        driver.findElement(By.id("publish")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("rule-output"), "live now"));
        String version = driver.findElement(By.id("rules-meta")).getAttribute("data-version");
        assertThat(version).startsWith("v");
        assertThat(text(By.cssSelector("#rule-history li.serving"))).contains("no thrillers tonight");

        pick("Alex");
        assertThat(driver.findElement(By.id("playlist")).getAttribute("data-rules")).isEqualTo(version);
        assertThat(itemsWithGenre("Thriller")).as("the published rule took the thrillers away").isEmpty();
        assertThat(itemIds("playlist")).doesNotContainAnyElementsOf(thrillers);
        assertThat(text(By.id("playlist-meta"))).contains("rules " + version);
    }

    @Test
    @Order(6)
    void aRuleIsRolledBack() {
        go("rules");
        openFile("ui-test.drl");
        String good = editorText();
        typeRule(good.replace("hasGenre(\"Thriller\")", "hasGenre(\"Thriller\") || hasGenre(\"Drama\")")
                .replace("no thrillers tonight\"", "nothing dark tonight\""));
        driver.findElement(By.id("publish-message")).sendKeys("nothing dark either");
        driver.findElement(By.id("publish")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("rule-output"), "live now"));
        String strict = driver.findElement(By.id("rules-meta")).getAttribute("data-version");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#rule-history li.serving"),
                "nothing dark either"));
        assertThat(editorText()).contains("Drama");

        WebElement previous = driver.findElement(By.cssSelector("#rule-history li:not(.serving) .rollback"));
        String target = previous.findElement(By.xpath("..")).getAttribute("data-version");
        previous.click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("rule-output"), "Rolled back"));
        String now = driver.findElement(By.id("rules-meta")).getAttribute("data-version");
        assertThat(now).isNotEqualTo(strict);
        assertThat(text(By.cssSelector("#rule-history li.serving"))).contains("rollback to v" + target);
        wait.until(d -> editorText().equals(good));
        assertThat(playlistRules(server.userId("Alex"))).isEqualTo(now);
    }

    @Test
    @Order(7)
    void theOnboardingQuizEndsInAPersonalPlaylist() {
        pick("Sam");
        go("onboarding");
        for (int answered = 0; answered < 10; answered++) {
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#quiz-pair .choice")));
            String progress = text(By.id("quiz-progress"));
            assertThat(progress).endsWith("of 10 choices");
            if (answered == 4) {
                screenshot("onboarding");
            }
            driver.findElements(By.cssSelector("#quiz-pair .choice")).get(answered % 2).click();
            int done = answered + 1;
            wait.until(d -> text(By.id("quiz-progress")).startsWith(done + " of 10")
                    || driver.findElement(By.id("quiz-done")).isDisplayed());
        }
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("quiz-done")));
        waitForCards("quiz-playlist");
        assertThat(text(By.id("quiz-progress"))).isEqualTo("10 of 10 choices");
        assertThat(server.get("api/users/" + server.userId("Sam") + "/onboarding/pair").status())
                .as("the server has all ten answers").isIn(200, 204);
    }

    @Test
    @Order(8)
    void insightsAndSettingsShowTheirCharts() {
        pick("Alex");
        go("insights");
        wait.until(d -> driver.findElements(By.cssSelector("#chart-genres canvas")).size() == 1);
        wait.until(d -> driver.findElements(By.cssSelector("#chart-signals canvas")).size() == 1);
        assertThat(Integer.parseInt(driver.findElement(By.id("chart-genres")).getAttribute("data-series"))).isPositive();
        assertThat(driver.findElements(By.cssSelector("#signal-rows tr"))).isNotEmpty();
        screenshot("insights");

        go("settings");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("webhook-url"), "/webhook/jellyfin"));
        assertThat(text(By.id("webhook-header"))).isEqualTo("X-Setlist-Secret");
        assertThat(text(By.id("webhook-secret"))).doesNotContain(DemoServer.SECRET);
        driver.findElement(By.id("reveal-secret")).click();
        assertThat(text(By.id("webhook-secret"))).isEqualTo(DemoServer.SECRET);
        assertThat(text(By.id("webhook-template"))).contains("\"NotificationType\": \"{{NotificationType}}\"");
        assertThat(driver.findElement(By.id("server-facts")).getAttribute("data-state")).isEqualTo("demo");
        screenshot("settings");
    }

    @Test
    @Order(9)
    void aTitleMadeOfMarkupRendersAsText() {
        String person = "00000000000000000000000000c0ffee";
        String body = """
                {"NotificationType": "PlaybackStop", "UtcTimestamp": "%s", "UserId": "%s", "NotificationUsername": %s,
                 "ItemId": "0000000000000000000000000000beef", "ItemType": "Movie", "Name": %s,
                 "RunTimeTicks": 36000000000, "PlaybackPositionTicks": 36000000000, "PlayedToCompletion": true,
                 "IsPaused": false, "IsAutomated": false, "DeviceName": "Den TV", "ClientName": "Jellyfin Web"}
                """.formatted(Instant.now(), person, json(XSS_NAME), json(XSS_TITLE));
        Http.Reply stored = server.http().post("webhook/jellyfin", body, "X-Setlist-Secret", DemoServer.SECRET);
        assertThat(stored.status()).as(stored.body()).isEqualTo(200);

        driver.navigate().refresh();
        wait.until(ExpectedConditions.visibilityOf(link("rules")));
        pick(XSS_NAME);
        go("insights");
        WebElement title = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#signal-rows td.title")));
        assertThat(title.getText()).isEqualTo(XSS_TITLE);

        go("rules");
        newFile("markup.drl");
        typeRule("// " + XSS_TITLE + "\nrule \"" + XSS_NAME + "\"\n");
        driver.findElement(By.id("validate")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#rule-output .problem")));
        assertThat(text(By.id("highlight"))).contains(XSS_TITLE);
        driver.findElement(By.id("delete-file")).click();

        assertThat(driver.findElements(By.cssSelector("img[src='x']"))).as("no markup from the server became an element").isEmpty();
        assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        assertThat(driver.findElements(By.xpath("//option[text()='" + XSS_NAME + "']"))).hasSize(1);
    }

    @Test
    @Order(10)
    void fitsAPhone() {
        driver.manage().window().setSize(new Dimension(390, 844));
        try {
            pick("Alex");
            waitForCards("playlist");
            long overflow = (Long) ((JavascriptExecutor) driver).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(overflow).as("no sideways scrolling on a phone").isLessThanOrEqualTo(0);
            screenshot("for-you-phone");
        } finally {
            driver.manage().window().setSize(new Dimension(1280, 1000));
        }
    }

    // ---- helpers --------------------------------------------------------------------------------------

    private void open(String fragment) {
        driver.get(server.baseUri().toString() + fragment);
    }

    private void signIn(String key) {
        WebElement field = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("key")));
        field.clear();
        field.sendKeys(key);
        driver.findElement(By.id("sign-in-button")).click();
    }

    private WebElement link(String view) {
        return driver.findElement(By.cssSelector("#views [data-view='" + view + "']"));
    }

    private void go(String view) {
        link(view).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("view-" + view)));
    }

    /** Shows For you for the person called {@code name} and waits for their cards. */
    private void pick(String name) {
        String before = String.valueOf(driver.findElement(By.id("playlist")).getAttribute("data-generated-at"));
        go("for-you");
        new Select(driver.findElement(By.id("person"))).selectByVisibleText(name);
        wait.until(ExpectedConditions.textToBe(By.id("playlist-title"), "For " + name));
        wait.until(d -> !text(By.id("playlist-meta")).startsWith("Loading")
                && !before.equals(String.valueOf(driver.findElement(By.id("playlist")).getAttribute("data-generated-at"))));
    }

    private void waitForCards(String list) {
        wait.until(d -> !driver.findElements(By.cssSelector("#" + list + " .item")).isEmpty());
    }

    private List<String> itemIds(String list) {
        return driver.findElements(By.cssSelector("#" + list + " .item")).stream()
                .map(card -> card.getAttribute("data-item-id")).toList();
    }

    private List<String> itemsWithGenre(String genre) {
        return driver.findElements(By.cssSelector("#playlist .item")).stream()
                .filter(card -> card.findElement(By.className("facts")).getText().contains(genre))
                .map(card -> card.getAttribute("data-item-id")).toList();
    }

    private String text(By by) {
        return driver.findElement(by).getText();
    }

    private void newFile(String path) {
        WebElement field = driver.findElement(By.id("new-file"));
        field.clear();
        field.sendKeys(path + Keys.ENTER);
        wait.until(ExpectedConditions.textToBe(By.id("editor-path"), path));
    }

    /** Opens {@code path} from the file list (which is drawn again as the view loads, so a click may retry). */
    private void openFile(String path) {
        By file = By.cssSelector("#rule-files .file[data-path='" + path + "']");
        wait.ignoring(StaleElementReferenceException.class).until(d -> {
            d.findElement(file).click();
            return d.findElement(By.id("editor-path")).getText().equals(path);
        });
    }

    /** Replaces the editor's text by typing it, as a person would (the textarea's own input events fire). */
    private void typeRule(String source) {
        WebElement area = driver.findElement(By.id("source"));
        area.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        area.sendKeys(source);
        wait.until(d -> editorText().equals(source));
    }

    private String editorText() {
        return (String) ((JavascriptExecutor) driver).executeScript("return document.getElementById('source').value;");
    }

    private String playlistRules(String userId) {
        JsonNode playlist = server.get("api/users/" + userId + "/playlist?length=5").json();
        return playlist.get("rules").get("version").asText();
    }

    /** The thrillers in the person's playlist, as the API serves it now. */
    private List<String> thrillers(String userId) {
        List<String> ids = new java.util.ArrayList<>();
        server.get("api/users/" + userId + "/playlist?length=20").json().get("items").forEach(item -> {
            if (item.get("genres").toString().contains("\"Thriller\"")) {
                ids.add(item.get("itemId").asText());
            }
        });
        return ids;
    }

    private void screenshot(String name) {
        try {
            Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
