package io.securityinfo;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.deque.html.axecore.args.AxeRunOnlyOptions;
import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * A real Chromium for a {@link BrowserTest} class: Debian's {@code chromium} driven through its
 * {@code chromedriver} by Selenium, started once before the class's first test and quit after its last. Register it
 * as a static field:
 *
 * <pre>
 * &#64;RegisterExtension
 * static final Browser browser = new Browser();
 * </pre>
 *
 * Without the two packages the class's tests are reported as skipped, naming them. Pages are opened on
 * {@code http://localhost:PORT} (never 127.0.0.1: WebAuthn accepts no IP address as the relying party), at
 * {@value #DESKTOP_WIDTH} CSS pixels wide unless a test sets another {@link #width(int) width}. A failed test leaves
 * a screenshot of the page it failed on in {@code target/browser-failures/}.
 */
public final class Browser implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback, TestWatcher {

	public static final int DESKTOP_WIDTH = 1280;

	public static final int HEIGHT = 800;

	/** What {@code apt-get install} needs for these tests to run rather than be skipped. */
	public static final String PACKAGES = "chromium chromium-driver";

	/** axe-core's rule tags for WCAG 2.0, 2.1 and 2.2 at levels A and AA, and Deque's best practices. */
	public static final List<String> AXE_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa",
			"best-practice");

	private static final Path FAILURES = Path.of("target", "browser-failures");

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final int MAX_TABS = 40;

	private ChromeDriver driver;

	private ExtensionContext classContext;

	private String base;

	@Override
	public void beforeAll(ExtensionContext context) {
		classContext = context;
		Optional<Path> chromium = executable("chromium");
		Optional<Path> chromedriver = executable("chromedriver");
		if (chromium.isEmpty() || chromedriver.isEmpty()) {
			return;
		}
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(chromedriver.get().toFile())
			.usingAnyFreePort()
			.build();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(chromium.get().toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-dev-shm-usage", "--force-device-scale-factor=1", "--lang=en-US",
				"--window-size=" + DESKTOP_WIDTH + "," + HEIGHT);
		// The browser's languages: English, so that only a page's own language switch makes it Dutch.
		options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
		driver = new ChromeDriver(service, options);
		width(DESKTOP_WIDTH);
	}

	/**
	 * Each test of a class without a browser is skipped, saying why: an assumption in beforeAll would skip the
	 * class, which Surefire counts as no test run at all.
	 */
	@Override
	public void beforeEach(ExtensionContext context) {
		Assumptions.assumeTrue(driver != null,
				"Browser tests need Debian's Chromium and its driver on the PATH: apt-get install " + PACKAGES);
	}

	@Override
	public void afterAll(ExtensionContext context) {
		if (driver != null) {
			driver.quit();
			driver = null;
		}
	}

	@Override
	public void testFailed(ExtensionContext context, Throwable cause) {
		if (driver != null) {
			String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName()
					+ context.getDisplayName().replaceAll("[^A-Za-z0-9-]+", "_");
			screenshot(FAILURES.resolve(name + ".png"));
		}
	}

	/** The driver, for what this class does not wrap (keys, virtual authenticators: ChromeDriver has both). */
	public ChromeDriver driver() {
		return driver;
	}

	/** {@code http://localhost:PORT}, the port of the test's application context. */
	public String base() {
		if (base == null) {
			String port = SpringExtension.getApplicationContext(classContext)
				.getEnvironment()
				.getRequiredProperty("local.server.port");
			base = "http://localhost:" + port;
		}
		return base;
	}

	/** Opens a path of the app ({@code /security-info}, {@code /login?lang=nl}) and waits for it to load. */
	public void open(String path) {
		driver.get(base() + path);
	}

	/** The path of the page the browser shows, without the query. */
	public String path() {
		return URI.create(driver.getCurrentUrl()).getPath();
	}

	public WebElement find(String cssSelector) {
		return driver.findElement(By.cssSelector(cssSelector));
	}

	public List<WebElement> findAll(String cssSelector) {
		return driver.findElements(By.cssSelector(cssSelector));
	}

	/** Clicks what submits a form (or follows a link) and waits until the next page has replaced this one. */
	public void submit(String cssSelector) {
		WebElement page = find("html");
		find(cssSelector).click();
		waitUntilReplaced(page);
	}

	/**
	 * Waits until the page this element belonged to has gone. Chromium answers a question about an element of a page
	 * being replaced either as stale or, in the middle of the swap, with "Node with given id does not belong to the
	 * document": both mean the old page is gone.
	 */
	private void waitUntilReplaced(WebElement page) {
		new WebDriverWait(driver, WAIT).until(ignored -> {
			try {
				page.isEnabled();
				return false;
			}
			catch (StaleElementReferenceException ex) {
				return true;
			}
			catch (WebDriverException ex) {
				if (ex.getMessage() != null && ex.getMessage().contains("does not belong to the document")) {
					return true;
				}
				throw ex;
			}
		});
	}

	/** Types into whatever has the focus, as a keyboard would: text, or keys such as {@link Keys#ENTER}. */
	public void type(CharSequence... keys) {
		new Actions(driver).sendKeys(keys).perform();
	}

	/** Types keys that leave the page (Enter on a link or in a form) and waits until the next page has loaded. */
	public void typeToNextPage(CharSequence... keys) {
		WebElement page = find("html");
		type(keys);
		waitUntilReplaced(page);
	}

	/**
	 * Presses Tab until the focus is on an element that matches this selector, as a person would to reach it, and
	 * fails after {@value #MAX_TABS} presses, naming what the focus passed on the way.
	 */
	public void tabTo(String cssSelector) {
		List<String> passed = new ArrayList<>();
		for (int press = 0; press < MAX_TABS; press++) {
			type(Keys.TAB);
			if ((Boolean) script("return document.activeElement.matches(arguments[0])", cssSelector)) {
				return;
			}
			passed.add(focused());
		}
		throw new AssertionError("Tab never reached " + cssSelector + " on " + path() + "; the focus went " + passed);
	}

	/** The element with the focus, as the start of its HTML. */
	public String focused() {
		String html = (String) script("return document.activeElement.outerHTML");
		return html.length() > 100 ? html.substring(0, 100) + "…" : html;
	}

	/**
	 * Makes the page's viewport this many CSS pixels wide (and {@value #HEIGHT} high), as a window of that size
	 * would, and lays the page out again. Chromium's device metrics override sets it exactly and at once, where a
	 * window's size would include its frame and follow later.
	 */
	public void width(int cssPixels) {
		driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", cssPixels, "height", HEIGHT, "deviceScaleFactor", 1, "mobile", false));
	}

	public Object script(String javascript, Object... arguments) {
		return ((JavascriptExecutor) driver).executeScript(javascript, arguments);
	}

	/**
	 * Signs this person in through the sign-in page (fields {@code #email} and {@code #password}) and waits until
	 * the browser has left it. One person at a time: the sign-in throttle counts attempts while they are in flight.
	 */
	public void signIn(String email, String password) {
		open("/login");
		find("#email").clear();
		find("#email").sendKeys(email);
		find("#password").sendKeys(password);
		submit("button[type=submit]");
	}

	/** Signs out with the top bar's button, as a person would, and waits for the sign-in page. */
	public void signOut() {
		find("form[action$='/logout'] button[type=submit]").click();
		new WebDriverWait(driver, WAIT).until(d -> path().equals("/login"));
	}

	/**
	 * The page's axe-core violations of WCAG 2.2 AA and the best practices, one line each: the rule, its impact and
	 * the elements it found. Empty when the page passes.
	 */
	public List<String> accessibilityViolations() {
		AxeRunOnlyOptions tags = new AxeRunOnlyOptions();
		tags.setType("tag");
		tags.setValues(AXE_TAGS);
		AxeRunOptions options = new AxeRunOptions();
		options.setRunOnly(tags);
		// Only the violations in full: the passes' nodes, which the test never reads, cost most of a run's time.
		options.setResultTypes(List.of("violations"));
		Results results = new AxeBuilder().withOptions(options).setLegacyMode(true).analyze(driver);
		if (results.isErrored()) {
			throw new IllegalStateException("axe-core failed on " + driver.getCurrentUrl() + ": "
					+ results.getErrorMessage());
		}
		return results.getViolations().stream().map(Browser::describe).toList();
	}

	private static String describe(Rule violation) {
		return violation.getId() + " (" + violation.getImpact() + ", " + violation.getHelp() + "): "
				+ violation.getNodes().stream().map(node -> String.valueOf(node.getTarget())).toList();
	}

	/**
	 * How far the page is wider than the room the window gives it, in CSS pixels: 0 when nothing scrolls sideways.
	 * The room is the viewport less a vertical scroll bar ({@code clientWidth}; {@code innerWidth} counts the bar).
	 */
	public long horizontalOverflow() {
		return ((Number) script("return document.documentElement.scrollWidth - document.documentElement.clientWidth"))
			.longValue();
	}

	/**
	 * The innermost elements that reach past the right edge of the room the window gives the page (where to look
	 * when {@link #horizontalOverflow()} is not 0): up to three, as tag, id and classes with their right edge.
	 */
	@SuppressWarnings("unchecked")
	public List<String> overflowingElements() {
		return (List<String>) script("""
				const room = document.documentElement.clientWidth;
				const beyond = element => element.getBoundingClientRect().right > room + 0.5;
				const wide = [...document.body.querySelectorAll('*')].filter(beyond);
				return wide.filter(element => ![...element.children].some(beyond)).slice(0, 3).map(element =>
				  element.tagName.toLowerCase() + (element.id ? '#' + element.id : '')
				  + [...element.classList].map(name => '.' + name).join('')
				  + ' (right edge ' + Math.round(element.getBoundingClientRect().right) + ')');
				""");
	}

	/** The {@code lang} attribute of the page's {@code <html>}. */
	public String language() {
		return find("html").getAttribute("lang");
	}

	/** Saves what the window shows as a PNG; answers the file. */
	public Path screenshot(Path file) {
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			File shot = driver.getScreenshotAs(OutputType.FILE);
			Files.copy(shot.toPath(), file, StandardCopyOption.REPLACE_EXISTING);
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Saves the whole page at this width as a PNG, as tall as the page is (not only what a window would show), and
	 * puts the viewport back to where it was; answers the file.
	 */
	public Path screenshot(Path file, int cssPixels) {
		long width = ((Number) script("return window.innerWidth")).longValue();
		long height = ((Number) script("return window.innerHeight")).longValue();
		width(cssPixels);
		long pageHeight = ((Number) script("return document.documentElement.scrollHeight")).longValue();
		driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", cssPixels, "height", pageHeight, "deviceScaleFactor", 1, "mobile", false));
		try {
			return screenshot(file);
		}
		finally {
			driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
					Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
		}
	}

	private static Optional<Path> executable(String name) {
		String path = System.getenv().getOrDefault("PATH", "");
		return Stream.of(path.split(File.pathSeparator))
			.filter(directory -> !directory.isBlank())
			.map(directory -> Path.of(directory, name))
			.filter(Files::isExecutable)
			.findFirst();
	}

}
