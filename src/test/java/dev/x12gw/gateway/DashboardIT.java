package dev.x12gw.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.x12gw.domain.classification.DenialFamily;
import dev.x12gw.domain.classification.ServiceLine;
import dev.x12gw.domain.controlroom.PatternCategory;
import dev.x12gw.domain.controlroom.PatternCell;
import dev.x12gw.domain.controlroom.PatternPolicy;
import dev.x12gw.domain.controlroom.PayerPattern;
import dev.x12gw.domain.controlroom.PayerPatternDetector;
import dev.x12gw.records.OutboundRecord;
import dev.x12gw.records.QueueNames;
import dev.x12gw.records.RecordFactory;
import java.io.File;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard at {@code /} in a real browser: Debian's headless Chromium, driven through its
 * chromedriver, over a gateway that took in scenario files from its SFTP drop. The page loads
 * without console errors, its KPI tiles show what {@code /api/v1/kpis} answers, its charts render,
 * the worklist filters narrow the rows to what {@code /api/v1/worklist} answers for the same
 * filter, each row links its evidence packets, and an API error is shown, not swallowed. A
 * screenshot is left in {@code target/dashboard.png}.
 *
 * <p>Needs {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} (Debian's {@code chromium}
 * and {@code chromium-driver}, installed by {@code .ci/run}); other paths can be given with {@code
 * -Ddashboard.chromium=} and {@code -Ddashboard.chromedriver=}. Selenium Manager is never asked to
 * download a browser or driver.
 */
class DashboardIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CHROMIUM =
      System.getProperty("dashboard.chromium", "/usr/bin/chromium");
  private static final String CHROMEDRIVER =
      System.getProperty("dashboard.chromedriver", "/usr/bin/chromedriver");
  private static final List<String> SCENARIOS =
      List.of(
          "denied-co197-auth-never-sent-ortho",
          "denied-then-overturned-after-resubmission",
          "denied-co22-other-payer-primary",
          "line-denial-co97-bundled",
          "plb-wo-overpayment-recovery",
          "nsa-air-ambulance-denied");
  private static final String PERIOD = "from=2026-01-01&to=2026-12-31&asOf=2026-12-10";

  @TempDir Path var;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void theDashboardShowsTheControlRoomFigures() throws Exception {
    checkBrowser();
    try (GatewayHarness gw =
        GatewayHarness.start(
            var,
            Map.of(
                "scrubber.dir",
                dev.x12gw.TestFiles.scrubberRulesWithExamples(var.resolve("rules")).toString()))) {
      takeIn(gw);
      // a backtest over past 837s and their 835s, its report where the gateway reads it
      backtestReport(var.resolve("rules"), var.resolve("scrubber/backtest.json"));
      // an outgoing 837 through the scrubber: 14 of its claims held
      gw.upload(
          "inbound/837-outgoing",
          "defect-per-rule.837",
          dev.x12gw.TestFiles.testdata("scrubber").resolve("defect-per-rule.837"));
      gw.processed("inbound/837-outgoing", "defect-per-rule.837");
      String base = "http://127.0.0.1:" + gw.gateway.controlRoomPort();
      WebDriver driver = browser();
      try {
        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        driver.get(base + "/?" + PERIOD);
        pageLoaded(driver, wait, "0");
        assertThat(body(driver).getAttribute("data-state")).isEqualTo("ready");
        // nothing about a patient in the title or the address
        assertThat(driver.getTitle()).isEqualTo("Denial control room");
        assertThat(driver.getCurrentUrl()).isEqualTo(base + "/?" + PERIOD);
        assertThat(driver.findElement(By.id("errors")).isDisplayed()).isFalse();

        kpiTilesShowTheApiFigures(driver, base);
        chartsRender(driver, wait);
        fullPageScreenshot(driver);
        assertThat(severe(driver)).as("browser console errors").isEmpty();

        aPayerPatternIsListed(driver, wait);
        heldClaimsAreListed(driver);
        preventionIsShown(driver);
        worklistIsRankedAndFiltered(driver, wait, base);
        assertThat(severe(driver)).as("browser console errors").isEmpty();

        anEmptyPeriodSaysSo(driver, wait);
        anApiErrorIsShown(driver, wait, base, gw);
      } finally {
        driver.quit();
      }
    }
  }

  /** Each tile shows the API's value for the period, formatted, with its formula as tooltip. */
  private void kpiTilesShowTheApiFigures(WebDriver driver, String base) throws Exception {
    JsonNode report = api(base, "kpis?" + PERIOD);
    JsonNode total = report.path("total").path("kpis");
    int tiles = 0;
    for (var it = total.fields(); it.hasNext(); ) {
      var e = it.next();
      if (e.getKey().startsWith("open-")) {
        continue; // the aging chart's
      }
      WebElement tile = driver.findElement(By.cssSelector("[data-test='kpi-" + e.getKey() + "']"));
      JsonNode metric = report.path("metrics").path(e.getKey());
      assertThat(tile.findElement(By.cssSelector("[data-test='kpi-value']")).getText())
          .as(e.getKey())
          .isEqualTo(format(metric.path("unit").asText(), e.getValue().path("value")));
      assertThat(tile.getAttribute("title")).isEqualTo(metric.path("formula").asText());
      tiles++;
    }
    assertThat(tiles).isGreaterThanOrEqualTo(15);
    // by hand: 7 claims first adjudicated (ControlRoomIT's 6 and the air ambulance claim), 5 of
    // them denied in full or in part; 2 paid clean
    WebElement initial =
        driver.findElement(By.cssSelector("[data-test='kpi-initial-denial-rate']"));
    assertThat(initial.findElement(By.cssSelector("[data-test='kpi-value']")).getText())
        .isEqualTo("71.4%");
    assertThat(initial.findElement(By.cssSelector("[data-test='kpi-sub']")).getText())
        .isEqualTo("5 of 7 claims · $27,275.00");
    assertThat(tileValue(driver, "clean-claim-rate")).isEqualTo("28.6%");
    assertThat(tileValue(driver, "denials")).isEqualTo("5");
  }

  private void chartsRender(WebDriver driver, WebDriverWait wait) {
    for (String chart : List.of("chart-trend", "chart-heatmap", "chart-recovery", "chart-aging")) {
      wait.until(
          d -> {
            List<WebElement> canvas = d.findElements(By.cssSelector("#" + chart + " canvas"));
            return !canvas.isEmpty()
                && canvas.get(0).isDisplayed()
                && canvas.get(0).getSize().getWidth() > 100;
          });
    }
    // the last complete month by the as-of day; no patterns among a handful of claims
    assertThat(driver.findElement(By.cssSelector("[data-test='patterns-empty']")).getText())
        .isEqualTo("No payer patterns in 2026-11.");
  }

  /**
   * A payer pattern, as {@code /api/v1/patterns} answers it, is listed with its figures. The
   * fixtures are far below the volumes a pattern needs (30 claims a side), so the browser's fetch
   * answers this one request with the record the gateway would publish for PayerPatternRecordTest's
   * pattern (87726, AUTHORIZATION on ORTHOPEDICS claims, 9 of 50 in 2026-11 against 12 of 300).
   */
  /** The claims the scrubber held, with the denial each prevents. */
  private void heldClaimsAreListed(WebDriver driver) {
    List<WebElement> rows = driver.findElements(By.cssSelector("[data-test=held-claim]"));
    assertThat(rows).hasSize(14);
    assertThat(driver.findElement(By.cssSelector("[data-test=held-empty]")).isDisplayed())
        .isFalse();
    String summary = driver.findElement(By.cssSelector("[data-test=held-summary]")).getText();
    assertThat(summary).contains("14 claims").contains("CARC 197").contains("CARC 16");
    WebElement auth =
        rows.stream().filter(r -> r.getText().contains("PCN-AUTH")).findFirst().orElseThrow();
    assertThat(auth.getText())
        .contains("EX-AUTH-MRI")
        .contains("CARC 197 / N54")
        .contains("REF*G1");
  }

  /** Runs {@code x12gw scrub --backtest --report} over the backtest history. */
  private static void backtestReport(Path rules, Path report) throws Exception {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    int status =
        dev.x12gw.cli.X12gw.run(
            new String[] {
              "scrub",
              "--backtest",
              "--rules",
              rules.toString(),
              "--report",
              report.toString(),
              dev.x12gw.TestFiles.testdata("scrubber").resolve("backtest").toString()
            },
            new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8),
            new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
    assertThat(status).as(out.toString(java.nio.charset.StandardCharsets.UTF_8)).isZero();
  }

  /**
   * The prevention figure beside the KPIs: the backtest's report (the example authorization rule of
   * the rule set would have held the one later denial of the history, 900 dollars) and what was
   * learned from the store's denials.
   */
  private void preventionIsShown(WebDriver driver) {
    assertThat(driver.findElement(By.cssSelector("[data-test=prevention-empty]")).isDisplayed())
        .isFalse();
    assertThat(preventionValue(driver, "prevention-held")).isEqualTo("1 of 2");
    assertThat(preventionValue(driver, "prevention-dollars")).isEqualTo("$900.00");
    assertThat(preventionValue(driver, "prevention-false-holds")).isEqualTo("1");
    assertThat(preventionValue(driver, "prevention-missed")).isEqualTo("1");
    assertThat(driver.findElement(By.cssSelector("[data-test=prevention-source]")).getText())
        .contains("backtest of 5 claims (3 files)");
    assertThat(preventionValue(driver, "prevention-suggested")).matches("\\d+");
  }

  private static String preventionValue(WebDriver driver, String test) {
    return driver
        .findElement(By.cssSelector("[data-test=" + test + "] [data-test=prevention-value]"))
        .getText();
  }

  private void aPayerPatternIsListed(WebDriver driver, WebDriverWait wait) throws Exception {
    List<PatternCell> cells = new ArrayList<>();
    YearMonth period = YearMonth.of(2026, 11);
    for (int m = 0; m <= 6; m++) {
      YearMonth month = period.minusMonths(m);
      int findings = m == 0 ? 9 : 2;
      cells.add(
          new PatternCell(
              "87726",
              DenialFamily.AUTHORIZATION,
              ServiceLine.ORTHOPEDICS,
              PatternCategory.DENIAL,
              month,
              findings,
              new BigDecimal(findings * 1000),
              50,
              new BigDecimal("250000.00"),
              List.of()));
    }
    List<PayerPattern> found = PayerPatternDetector.detect(cells, period, PatternPolicy.defaults());
    assertThat(found).hasSize(1);
    OutboundRecord record = new RecordFactory(QueueNames.defaults()).payerPattern(found.get(0));
    String answer = "{\"period\":\"2026-11\",\"patterns\":[" + record.json() + "]}";
    ((JavascriptExecutor) driver)
        .executeScript(
            "const answer = arguments[0]; const fetched = window.fetch; window.realFetch = fetched;"
                + " window.fetch = (url, init) => String(url).startsWith('/api/v1/patterns')"
                + " ? Promise.resolve(new Response(answer, {status: 200,"
                + " headers: {'Content-Type': 'application/json'}})) : fetched(url, init);",
            answer);
    String loads = body(driver).getAttribute("data-loads");
    driver.findElement(By.id("refresh")).click();
    pageLoaded(driver, wait, loads);
    List<WebElement> patterns = driver.findElements(By.cssSelector("[data-test='pattern']"));
    assertThat(patterns).hasSize(1);
    assertThat(patterns.get(0).getAttribute("data-record-id")).isEqualTo(record.recordId());
    assertThat(patterns.get(0).getText())
        .contains("ACME HEALTH PLAN (87726) · Authorization · Orthopedics")
        .contains(
            "18.0% (9 of 50 claims) against its own 2026-05 to 2026-10 baseline of 4.0% (12 of 300)")
        .contains("+14.0 points")
        .contains("$9,000.00");
    assertThat(driver.findElement(By.cssSelector("[data-test='patterns-empty']")).isDisplayed())
        .isFalse();
    Files.write(
        Path.of("target/dashboard-patterns.png"),
        driver
            .findElement(By.cssSelector("[data-test='patterns']"))
            .getScreenshotAs(OutputType.BYTES));
    ((JavascriptExecutor) driver).executeScript("window.fetch = window.realFetch;");
    loads = body(driver).getAttribute("data-loads");
    driver.findElement(By.id("refresh")).click();
    pageLoaded(driver, wait, loads);
    assertThat(driver.findElements(By.cssSelector("[data-test='pattern']"))).isEmpty();
  }

  /** Rows in the API's priority order; a payer or pathway filter narrows them to its rows. */
  private void worklistIsRankedAndFiltered(WebDriver driver, WebDriverWait wait, String base)
      throws Exception {
    assertThat(rowIds(driver)).isEqualTo(ids(api(base, "worklist?asOf=2026-12-10")));
    // by hand (ControlRoomIT): PCN3901's appeal deadline 2027-04-20 is 131 days after the 10th
    WebElement pcn3901 = row(driver, "PCN3901");
    assertThat(pcn3901.findElements(By.cssSelector("td[data-days-left]")).get(0).getText())
        .isEqualTo("131 d");

    String loads = worklistLoads(driver);
    new Select(driver.findElement(By.id("filter-payer"))).selectByValue("87726");
    worklistLoaded(wait, loads);
    assertThat(claims(driver)).containsExactly("PCN3901", "PCN2101", "PCN3002");
    assertThat(rowIds(driver)).isEqualTo(ids(api(base, "worklist?asOf=2026-12-10&payer=87726")));

    loads = worklistLoads(driver);
    new Select(driver.findElement(By.id("filter-payer"))).selectByValue("");
    worklistLoaded(wait, loads);
    loads = worklistLoads(driver);
    new Select(driver.findElement(By.id("filter-pathway"))).selectByValue("ESCALATE_DISPUTE");
    worklistLoaded(wait, loads);
    assertThat(claims(driver)).containsExactly("PCN5401");
    JsonNode nsa = api(base, "worklist?asOf=2026-12-10&pathway=ESCALATE_DISPUTE").path("items");
    assertThat(rowIds(driver)).isEqualTo(ids(nsa));
    List<WebElement> clocks =
        row(driver, "PCN5401").findElements(By.cssSelector("td[data-days-left]"));
    assertThat(clocks.get(0).getText())
        .isEqualTo(nsa.get(0).path("appealDeadlineDaysLeft").asText() + " d");
    assertThat(clocks.get(1).getText())
        .isEqualTo(nsa.get(0).path("negotiationDeadlineDaysLeft").asText() + " d");
    assertThat(clocks.get(2).getText())
        .isEqualTo(nsa.get(0).path("idrDeadlineDaysLeft").asText() + " d");

    // the evidence packets of the row
    String id = nsa.get(0).path("recordId").asText();
    WebElement pdf = row(driver, "PCN5401").findElement(By.cssSelector("[data-test='packet-pdf']"));
    WebElement zip = row(driver, "PCN5401").findElement(By.cssSelector("[data-test='packet-zip']"));
    assertThat(pdf.getAttribute("href"))
        .isEqualTo(base + "/api/v1/findings/" + id + "/packet.pdf?asOf=2026-12-10");
    assertThat(zip.getAttribute("href"))
        .isEqualTo(base + "/api/v1/findings/" + id + "/packet.zip?asOf=2026-12-10");
    // a click downloads them (Content-Disposition attachment) into the browser's download folder
    for (WebElement link : List.of(pdf, zip)) {
      String kind = link.getAttribute("data-test").substring("packet-".length());
      Path file = DOWNLOADS.resolve("evidence-" + id + "." + kind);
      link.click();
      wait.until(d -> Files.isRegularFile(file) && !Files.exists(Path.of(file + ".crdownload")));
      byte[] bytes = Files.readAllBytes(file);
      if ("pdf".equals(kind)) {
        assertThat(new String(bytes, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        try (var doc = org.apache.pdfbox.Loader.loadPDF(bytes)) {
          assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc))
              .contains("PCN5401", "Federal IDR initiation", "Days left from 2026-12-10");
        }
      } else {
        assertThat(bytes[0]).isEqualTo((byte) 'P');
        assertThat(bytes[1]).isEqualTo((byte) 'K');
      }
    }

    // only the air ambulance claim has a clock (NSA open negotiation, 12 days) within 14 days
    loads = worklistLoads(driver);
    new Select(driver.findElement(By.id("filter-pathway"))).selectByValue("");
    worklistLoaded(wait, loads);
    loads = worklistLoads(driver);
    new Select(driver.findElement(By.id("filter-deadline"))).selectByValue("14");
    worklistLoaded(wait, loads);
    assertThat(claims(driver)).containsExactly("PCN5401");
    assertThat(rowIds(driver))
        .isEqualTo(ids(api(base, "worklist?asOf=2026-12-10&deadlineWithinDays=14")));

    loads = worklistLoads(driver);
    driver.findElement(By.id("filter-clear")).click();
    worklistLoaded(wait, loads);
    assertThat(rowIds(driver)).hasSize(5);
  }

  /** Changing the period refetches everything; a period without data says so in each panel. */
  private void anEmptyPeriodSaysSo(WebDriver driver, WebDriverWait wait) throws Exception {
    String loads = body(driver).getAttribute("data-loads");
    ((JavascriptExecutor) driver)
        .executeScript(
            "for (const [id, v] of [['from', '2020-01-01'], ['to', '2020-01-31']]) {"
                + " const e = document.getElementById(id); e.value = v;"
                + " e.dispatchEvent(new Event('change', {bubbles: true})); }");
    pageLoaded(driver, wait, loads);
    assertThat(driver.getCurrentUrl()).contains("from=2020-01-01").contains("to=2020-01-31");
    assertThat(driver.findElement(By.cssSelector("[data-test='kpis-empty']")).isDisplayed())
        .isTrue();
    for (String chart : List.of("chart-trend", "chart-heatmap", "chart-recovery")) {
      WebElement empty = driver.findElement(By.cssSelector("[data-test='" + chart + "-empty']"));
      assertThat(empty.isDisplayed()).as(chart).isTrue();
      assertThat(empty.getText()).isEqualTo("No findings in this period.");
    }
    assertThat(tileValue(driver, "initial-denial-rate")).isEqualTo("–");
    assertThat(severe(driver)).as("browser console errors").isEmpty();
    screenshot(driver, "target/dashboard-empty.png");
  }

  /** An API failure is shown in the page, not swallowed. */
  private void anApiErrorIsShown(
      WebDriver driver, WebDriverWait wait, String base, GatewayHarness gw) throws Exception {
    gw.camel().getRouteController().stopRoute("get-heatmap");
    driver.get(base + "/?" + PERIOD);
    pageLoaded(driver, wait, "0");
    assertThat(body(driver).getAttribute("data-state")).isEqualTo("error");
    WebElement errors = driver.findElement(By.id("errors"));
    assertThat(errors.isDisplayed()).isTrue();
    assertThat(errors.getText()).containsPattern("/heatmap: [45]\\d\\d ");
    assertThat(driver.findElement(By.cssSelector("[data-test='chart-heatmap-empty']")).getText())
        .startsWith("Not available: /heatmap: ");
    // the other panels still show their figures
    assertThat(tileValue(driver, "initial-denial-rate")).isEqualTo("71.4%");
    screenshot(driver, "target/dashboard-error.png");
  }

  private static void pageLoaded(WebDriver driver, WebDriverWait wait, String loadsBefore) {
    wait.until(
        d -> {
          String loads = body(d).getAttribute("data-loads");
          return !loadsBefore.equals(loads)
              && !"loading".equals(body(d).getAttribute("data-state"));
        });
  }

  private static String worklistLoads(WebDriver driver) {
    return driver.findElement(By.id("worklist")).getAttribute("data-loads");
  }

  private static void worklistLoaded(WebDriverWait wait, String loadsBefore) {
    wait.until(
        d -> {
          WebElement w = d.findElement(By.id("worklist"));
          return !loadsBefore.equals(w.getAttribute("data-loads"))
              && "ready".equals(w.getAttribute("data-state"));
        });
  }

  private static String tileValue(WebDriver driver, String metric) {
    return driver
        .findElement(By.cssSelector("[data-test='kpi-" + metric + "'] [data-test='kpi-value']"))
        .getText();
  }

  private static List<String> rowIds(WebDriver driver) {
    List<String> ids = new ArrayList<>();
    for (WebElement r : driver.findElements(By.cssSelector("[data-test='worklist-row']"))) {
      ids.add(r.getAttribute("data-record-id"));
    }
    return ids;
  }

  private static List<String> claims(WebDriver driver) {
    List<String> claims = new ArrayList<>();
    for (WebElement r : driver.findElements(By.cssSelector("[data-test='worklist-row']"))) {
      claims.add(r.findElement(By.cssSelector("[data-test='claim'] div")).getText().split(" ")[0]);
    }
    return claims;
  }

  private static WebElement row(WebDriver driver, String claimRef) {
    for (WebElement r : driver.findElements(By.cssSelector("[data-test='worklist-row']"))) {
      if (r.findElement(By.cssSelector("[data-test='claim'] div")).getText().startsWith(claimRef)) {
        return r;
      }
    }
    throw new AssertionError("no worklist row for " + claimRef);
  }

  private static List<String> ids(JsonNode worklistOrItems) {
    JsonNode items = worklistOrItems.has("items") ? worklistOrItems.path("items") : worklistOrItems;
    List<String> ids = new ArrayList<>();
    items.forEach(i -> ids.add(i.path("recordId").asText()));
    return ids;
  }

  /** The whole page, in target/dashboard.png. */
  private static void fullPageScreenshot(WebDriver driver) throws Exception {
    Object height =
        ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollHeight");
    Dimension before = driver.manage().window().getSize();
    driver.manage().window().setSize(new Dimension(1440, ((Number) height).intValue() + 160));
    screenshot(driver, "target/dashboard.png");
    driver.manage().window().setSize(before);
  }

  /** What the browser window shows, in {@code file}. */
  private static void screenshot(WebDriver driver, String file) throws Exception {
    ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0)");
    Files.createDirectories(Path.of("target"));
    Files.copy(
        ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(),
        Path.of(file),
        StandardCopyOption.REPLACE_EXISTING);
  }

  /** A KPI value as the page formats it. */
  static String format(String unit, JsonNode value) {
    if (value == null || value.isNull()) {
      return "–";
    }
    return switch (unit) {
      case "RATE" -> value.decimalValue().movePointRight(2).setScale(1, RoundingMode.HALF_UP) + "%";
      case "DOLLARS" -> NumberFormat.getCurrencyInstance(Locale.US).format(value.decimalValue());
      case "DAYS" ->
          NumberFormat.getIntegerInstance(Locale.US).format(value.asLong())
              + (value.asLong() == 1 ? " day" : " days");
      default -> NumberFormat.getIntegerInstance(Locale.US).format(value.asLong());
    };
  }

  private void takeIn(GatewayHarness gw) throws Exception {
    gw.takeInScenarios(SCENARIOS, WAIT);
  }

  private static void checkBrowser() {
    List<String> missing = new ArrayList<>();
    if (!new File(CHROMIUM).canExecute()) {
      missing.add(CHROMIUM);
    }
    if (!new File(CHROMEDRIVER).canExecute()) {
      missing.add(CHROMEDRIVER);
    }
    if (!missing.isEmpty()) {
      String why =
          "DashboardIT drives Debian's headless Chromium, but "
              + String.join(" and ", missing)
              + " cannot be run: install it with `apt-get install chromium chromium-driver`"
              + " (.ci/run does), or give -Ddashboard.chromium= and -Ddashboard.chromedriver=";
      // a machine with only a JDK still runs ./mvnw verify; CI (.ci/run) installs the browser and
      // sets X12GW_REQUIRE_BROWSER, so there a missing browser fails
      if (System.getenv("X12GW_REQUIRE_BROWSER") == null) {
        org.junit.jupiter.api.Assumptions.abort(why);
      }
      throw new AssertionError(why);
    }
  }

  /** Where the browser saves what it downloads (the evidence packets). */
  private static final Path DOWNLOADS = Path.of("target", "dashboard-downloads").toAbsolutePath();

  private static WebDriver browser() throws java.io.IOException {
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
    Files.createDirectories(DOWNLOADS);
    try (var old = Files.list(DOWNLOADS)) {
      for (Path f : old.toList()) {
        Files.delete(f);
      }
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.setExperimentalOption(
        "prefs",
        Map.of(
            "download.default_directory", DOWNLOADS.toString(),
            "download.prompt_for_download", false,
            "plugins.always_open_pdf_externally", true));
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--window-size=1440,900",
        "--lang=en-US");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER))
            .usingAnyFreePort()
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().window().setSize(new Dimension(1440, 900));
    return driver;
  }

  private static WebElement body(WebDriver d) {
    return d.findElement(By.tagName("body"));
  }

  /** The browser console's errors since the last call. */
  private static List<String> severe(WebDriver driver) {
    List<String> out = new ArrayList<>();
    for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
      if (e.getLevel().intValue() >= Level.SEVERE.intValue()) {
        out.add(e.getMessage());
      }
    }
    return out;
  }

  private JsonNode api(String base, String pathAndQuery) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/api/v1/" + pathAndQuery))
                .timeout(Duration.ofSeconds(20))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(pathAndQuery).isEqualTo(200);
    return JSON.readTree(r.body());
  }
}
