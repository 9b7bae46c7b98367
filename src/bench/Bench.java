import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;

/**
 * The performance bench of issue 7 (docs/performance.md): starts the built jar on the embedded database (and on
 * PostgreSQL when asked and available), seeds it, signs in a pool of sessions and drives each scenario from this
 * separate process over loopback: wrk for the plain page loads (S1, S2, S5), Java threads for the multi-step flows
 * (S3 add-phone, S4 sign-in). Run through {@code src/bench/run.sh}, which builds the jar and installs wrk; the
 * options are in {@link Options}. Plain JDK only, so that it runs as a single source file.
 */
class Bench {

	/**
	 * The command line. {@code --users 1000,100000} the data sizes; {@code --jit-warmup 120} seconds of page loads
	 * after each start, before any figure; {@code --startups 3} starts timed, the median counting; {@code --duration 20} and {@code --warmup 5} seconds per scenario; {@code --connections 32} for wrk and the add-phone flows; {@code --databases h2,postgres}
	 * ({@code postgres} needs {@code --postgres-url}, {@code --postgres-user}, {@code --postgres-password} of a
	 * running server on which the databases {@code <url>_postgres_<users>} exist and are empty; run.sh starts such a
	 * server and asks for both by default); {@code --jvm "-Xmx..."} the app's JVM options; {@code --jar},
	 * {@code --out}.
	 */
	record Options(List<Integer> users, int duration, int warmup, int jitWarmup, int startups, int connections,
			List<String> databases, String jvm, Path jar, Path out, String postgresUrl, String postgresUser,
			String postgresPassword, List<String> scenarios) {

		/** Whether {@code --scenarios S1,S3} (every scenario when absent) asks for this one. */
		boolean runs(String scenario) {
			return scenarios.isEmpty() || scenarios.contains(scenario.split(" ")[0]);
		}

		static Options parse(String[] args) {
			Map<String, String> given = new LinkedHashMap<>();
			for (int i = 0; i + 1 < args.length; i += 2) {
				given.put(args[i].replaceFirst("^--", ""), args[i + 1]);
			}
			return new Options(
					Arrays.stream(given.getOrDefault("users", "1000,100000").split(",")).map(Integer::valueOf).toList(),
					Integer.parseInt(given.getOrDefault("duration", "20")),
					Integer.parseInt(given.getOrDefault("warmup", "5")),
					Integer.parseInt(given.getOrDefault("jit-warmup", "120")),
					Integer.parseInt(given.getOrDefault("startups", "3")),
					Integer.parseInt(given.getOrDefault("connections", "32")),
					List.of(given.getOrDefault("databases", "h2").split(",")), given.getOrDefault("jvm", ""),
					Path.of(given.getOrDefault("jar", "target/security-info.jar")),
					Path.of(given.getOrDefault("out", "docs/performance.md")), given.get("postgres-url"),
					given.get("postgres-user"), given.get("postgres-password"),
					given.containsKey("scenarios") ? List.of(given.get("scenarios").split(",")) : List.of());
		}

	}

	/** One scenario at one data size on one database. */
	record Result(String database, int users, String scenario, String unit, double rate, double p50, double p95,
			double p99, long errors, double statements, long heapPeakMb, long rssPeakMb) {
	}

	/** {@code startupMs} is the median of {@code starts}, the times of each start to its first answer. */
	record Run(String database, int users, long startupMs, List<Long> starts, long seedMs) {
	}

	static final String PASSWORD = "Passw0rd!";

	static final int PORT = 18481;

	static final String BASE = "http://127.0.0.1:" + PORT;

	static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	static final Pattern METHOD_ROW = Pattern.compile("id=\"method-(\\d+)\"");

	static final Pattern CODE = Pattern.compile("code is (\\d{6})");

	final Options options;

	final List<Result> results = new ArrayList<>();

	final List<Run> runs = new ArrayList<>();

	/** What the table does not show: errors in warm-ups, for one. */
	final List<String> notes = new ArrayList<>();

	final AtomicInteger nextNumber = new AtomicInteger(20_000_000);

	Bench(Options options) {
		this.options = options;
	}

	public static void main(String[] args) throws Exception {
		Bench bench = new Bench(Options.parse(args));
		bench.runAll();
		bench.report();
	}

	void runAll() throws Exception {
		for (String database : options.databases()) {
			if (database.equals("postgres") && options.postgresUrl() == null) {
				System.out.println("postgres: no --postgres-url given, skipped");
				continue;
			}
			for (int users : options.users()) {
				runOne(database, users);
			}
		}
	}

	void runOne(String database, int users) throws Exception {
		Path work = Path.of("target", "bench", database + "-" + users).toAbsolutePath();
		deleteRecursively(work);
		Files.createDirectories(work);
		System.out.printf("%n== %s, %,d users ==%n", database, users);
		App seeding = App.start(this, database, work, "seed.log", List.of("--app.bench.seed-users=" + users));
		long seedMs = seeding.awaitLog("bench: seeded", Duration.ofMinutes(5));
		seeding.stop();
		// A start takes a few seconds and one start can be a second off on this machine, so it is timed
		// --startups times (stopping the app in between) and the median counts; the last start serves the load.
		List<Long> starts = new ArrayList<>();
		App app = null;
		for (int n = 0; n < Math.max(1, options.startups()); n++) {
			if (app != null) {
				app.stop();
			}
			app = App.start(this, database, work, "app.log", List.of());
			starts.add(app.awaitFirstAnswer());
		}
		long startupMs = starts.stream().sorted().toList().get(starts.size() / 2);
		runs.add(new Run(database, users, startupMs, List.copyOf(starts), seedMs));
		System.out.printf("seeded in %,d ms; start-up to first answer %,d ms (median of %s)%n", seedMs, startupMs,
				starts);
		try {
			Client admin = Client.signIn("admin@bench.example.com");
			List<String> employees = new ArrayList<>();
			for (int n = 1; n <= Math.min(options.connections(), users); n++) {
				employees.add(Client.signIn("user" + n + "@bench.example.com").sessionCookie());
			}
			List<String> admins = new ArrayList<>();
			for (int n = 0; n < 4; n++) {
				admins.add(Client.signIn("admin@bench.example.com").sessionCookie());
			}
			Scenarios scenarios = new Scenarios(this, app, admin, database, users, work);
			scenarios.warmUpTheJit(employees, admins);
			if (options.runs("S2")) {
				scenarios.wrk("S2 ping", "/bench/ping", employees);
			}
			if (options.runs("S1")) {
				scenarios.wrk("S1 security info", "/security-info", employees);
			}
			if (options.runs("S2") && options.runs("S1")) {
				// Once more after S1, so that the ratio compares S1 with the baseline around it, not with a machine
				// that may have been faster or slower a minute before (this shared machine drifts by tens of %).
				scenarios.wrk(S2_AGAIN, "/bench/ping", employees);
			}
			if (options.runs("S5")) {
				scenarios.wrk("S5 users list", "/admin/users", admins);
				scenarios.wrk("S5 users list, last page", "/admin/users?last=true", admins);
				scenarios.wrk("S5 audit log", "/admin/audit", admins);
			}
			if (options.runs("S4")) {
				scenarios.signIns(users);
			}
			if (options.runs("S3")) {
				scenarios.addPhoneFlows(users);
			}
		}
		finally {
			app.stop();
		}
	}

	// ---- reporting -------------------------------------------------------------------------------------------

	void report() throws IOException {
		String table = table();
		System.out.println();
		System.out.println(table);
		String targets = targets();
		System.out.println(targets);
		Path chart = options.out().resolveSibling("performance.png");
		// --out may name a folder that does not exist yet (a try-out's figures kept out of docs/).
		Files.createDirectories(chart.toAbsolutePath().getParent());
		Chart.draw(results, chart);
		String figures = """
				Measured by `src/bench/run.sh` on %s, %d cores (%s), Java %s; after each start %d s of page loads to
				warm the JIT up, then %d s per scenario after %d s of warm-up, %d connections for S1, S2, S5 and the
				add-phone flows, 8 threads for sign-in. App JVM options: `%s`%s.

				%s

				![Throughput per scenario](performance.png)

				%s
				%s
				""".formatted(LocalDate.now(), Runtime.getRuntime().availableProcessors(), cpuName(),
				System.getProperty("java.version"), options.jitWarmup(), options.duration(), options.warmup(),
				options.connections(),
				options.jvm().isBlank() ? "(none)" : options.jvm(),
				System.getenv("MALLOC_ARENA_MAX") == null ? ""
						: ", environment `MALLOC_ARENA_MAX=" + System.getenv("MALLOC_ARENA_MAX") + "`",
				table, targets,
				notes.stream().map(note -> "- " + note + "\n").collect(Collectors.joining()));
		String start = "<!-- bench:start -->";
		String end = "<!-- bench:end -->";
		String document = Files.exists(options.out()) ? Files.readString(options.out())
				: "# Performance\n\n" + start + "\n" + end + "\n";
		int from = document.indexOf(start);
		int to = document.indexOf(end);
		if (from < 0 || to < from) {
			document = document + "\n" + start + "\n" + end + "\n";
			from = document.indexOf(start);
			to = document.indexOf(end);
		}
		document = document.substring(0, from + start.length()) + "\n" + figures + document.substring(to);
		Files.writeString(options.out(), document);
		System.out.println("wrote " + options.out() + " and " + chart);
	}

	String table() {
		StringBuilder out = new StringBuilder();
		out.append("| Database | Users | Scenario | Throughput | p50 ms | p95 ms | p99 ms | Errors | SQL / request "
				+ "| Heap peak MB | RSS peak MB |\n");
		out.append("|---|--:|---|--:|--:|--:|--:|--:|--:|--:|--:|\n");
		for (Result r : results) {
			out.append("| %s | %,d | %s | %,.0f %s | %.1f | %.1f | %.1f | %d | %.1f | %d | %d |\n".formatted(r.database(),
					r.users(), r.scenario(), r.rate(), r.unit(), r.p50(), r.p95(), r.p99(), r.errors(), r.statements(),
					r.heapPeakMb(), r.rssPeakMb()));
		}
		out.append("\n| Database | Users | Seeding | Start-up to first answer (median; each start) | S1 / S2 |\n"
				+ "|---|--:|--:|--:|--:|\n");
		for (Run run : runs) {
			out.append("| %s | %,d | %,d ms | %,d ms; %s | %s |\n".formatted(run.database(), run.users(), run.seedMs(),
					run.startupMs(), run.starts().stream().map("%,d"::formatted).collect(Collectors.joining(", ")),
					ratio(run.database(), run.users())
						.map(ratio -> "%.0f%%".formatted(ratio * 100))
						.orElse("-")));
		}
		return out.toString();
	}

	static final String S2_AGAIN = "S2 ping, again after S1";

	/** S1's rate over S2's, S2 being the mean of its runs before and after S1 when both ran. */
	java.util.Optional<Double> ratio(String database, int users) {
		return find(database, users, "S1 security info").flatMap(s1 -> baseline(database, users).map(s2 -> s1.rate() / s2));
	}

	/** S2's rate: the mean of its run before S1 and its run after. */
	java.util.Optional<Double> baseline(String database, int users) {
		return find(database, users, "S2 ping").map(first -> find(database, users, S2_AGAIN)
			.map(again -> (first.rate() + again.rate()) / 2)
			.orElse(first.rate()));
	}

	java.util.Optional<Result> find(String database, int users, String scenario) {
		return results.stream()
			.filter(r -> r.database().equals(database) && r.users() == users && r.scenario().equals(scenario))
			.findFirst();
	}

	/** Each target of issue 7, checked against this run's figures. */
	String targets() {
		StringBuilder out = new StringBuilder("| Target | Database | Measured | Holds |\n|---|---|---|---|\n");
		for (String database : runs.stream().map(Run::database).distinct().toList()) {
			int small = runs.stream().filter(r -> r.database().equals(database)).mapToInt(Run::users).min().orElse(0);
			int large = runs.stream().filter(r -> r.database().equals(database)).mapToInt(Run::users).max().orElse(0);
			for (Run run : runs.stream().filter(r -> r.database().equals(database)).toList()) {
				String at = " (%,d users)".formatted(run.users());
				ratio(database, run.users()).ifPresent(ratio -> target(out, "S1 >= 70% of S2's throughput" + at,
						database, "%.0f%%".formatted(ratio * 100), ratio >= 0.70));
				find(database, run.users(), "S1 security info").ifPresent(s1 -> {
					target(out, "S1 p99 <= 50 ms at " + options.connections() + " connections" + at, database,
							"%.1f ms".formatted(s1.p99()), s1.p99() <= 50);
					target(out, "Security info page <= 2 SQL statements" + at, database,
							"%.1f".formatted(s1.statements()), s1.statements() <= 2);
					target(out, "RSS <= 400 MB under S1 load" + at, database, s1.rssPeakMb() + " MB",
							s1.rssPeakMb() <= 400);
				});
				for (Result r : results) {
					if (r.database().equals(database) && r.users() == run.users() && r.scenario().startsWith("S5")) {
						target(out, "Admin page <= 3 SQL statements: " + r.scenario() + at, database,
								"%.1f".formatted(r.statements()), r.statements() <= 3);
					}
				}
				find(database, run.users(), "S3 add-phone flow").ifPresent(s3 -> target(out,
						"S3 >= 200 add-phone flows/s, zero errors" + at, database,
						"%.0f flows/s, %d errors".formatted(s3.rate(), s3.errors()), s3.rate() >= 200 && s3.errors() == 0));
				if (database.equals("h2")) {
					target(out, "Start-up to first answer <= 5 s" + at, database,
							"%.1f s".formatted(run.startupMs() / 1000.0), run.startupMs() <= 5000);
				}
			}
			if (small != large) {
				for (String scenario : List.of("S1 security info", "S5 users list", "S5 users list, last page",
						"S5 audit log")) {
					find(database, small, scenario).ifPresent(a -> find(database, large, scenario).ifPresent(b -> {
						// The two sizes run minutes apart in two processes; S2, which reads no one's data, tells
						// how much faster or slower the machine itself was in the second, and the target is
						// judged on the change beyond that.
						double change = b.rate() / a.rate() - 1;
						double machine = baseline(database, large).orElse(1.0) / baseline(database, small).orElse(1.0);
						double beyond = (b.rate() / machine) / a.rate() - 1;
						target(out, scenario + " at %,d users within 10%% of %,d users".formatted(large, small),
								database, "%+.0f%% (S2 %+.0f%%: %+.0f%% beyond the machine's drift)".formatted(
										change * 100, (machine - 1) * 100, beyond * 100), beyond >= -0.10);
					}));
				}
			}
		}
		return out.toString();
	}

	static void target(StringBuilder out, String target, String database, String measured, boolean holds) {
		out.append("| %s | %s | %s | %s |\n".formatted(target, database, measured, holds ? "yes" : "**no**"));
	}

	static String cpuName() {
		try {
			return Files.readAllLines(Path.of("/proc/cpuinfo"))
				.stream()
				.filter(line -> line.startsWith("model name"))
				.map(line -> line.substring(line.indexOf(':') + 1).strip())
				.findFirst()
				.orElse("unknown CPU");
		}
		catch (IOException ex) {
			return "unknown CPU";
		}
	}

	static void deleteRecursively(Path path) throws IOException {
		if (Files.exists(path)) {
			try (var walk = Files.walk(path)) {
				for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
					Files.delete(p);
				}
			}
		}
	}

	// ---- the app under test ----------------------------------------------------------------------------------

	/** The jar running in a process of its own, with its output in a log file. */
	static final class App {

		final Process process;

		final Path log;

		final long startedNanos;

		private App(Process process, Path log, long startedNanos) {
			this.process = process;
			this.log = log;
			this.startedNanos = startedNanos;
		}

		static App start(Bench bench, String database, Path work, String logName, List<String> extra)
				throws IOException {
			List<String> command = new ArrayList<>(List.of("java"));
			if (!bench.options.jvm().isBlank()) {
				command.addAll(List.of(bench.options.jvm().strip().split("\\s+")));
			}
			command.addAll(List.of("-jar", bench.options.jar().toAbsolutePath().toString(), "--server.port=" + PORT,
					"--server.address=127.0.0.1", "--app.bench.enabled=true", "--app.demo.enabled=false",
					"--app.verification.code-secret-file=" + work.resolve("code-secret"),
					// One person adds and removes a phone many times a second here; the daily limits are for people.
					"--app.policy.phone.max-sends-per-user-per-day=1000000000",
					"--app.policy.phone.max-sends-per-number-per-hour=1000000000",
					"--app.verification.max-consecutive-failures=1000000000", "--logging.level.root=WARN",
					"--logging.level.io.securityinfo.bench=INFO", "--app.housekeeping.cron=-"));
			if (database.equals("postgres")) {
				command.add("--spring.profiles.active=postgres");
				// The bench reads its codes from the console gateway's outbox, on loopback.
				command.add("--app.dev.console-gateways-allowed=true");
				command.add("--spring.datasource.url=" + bench.options.postgresUrl() + "_" + work.getFileName()
					.toString()
					.replace('-', '_'));
				command.add("--spring.datasource.username=" + bench.options.postgresUser());
				command.add("--spring.datasource.password=" + bench.options.postgresPassword());
				command.add("--app.verification.code-secret=" + "bench-".repeat(8));
				command.add("--app.totp.encryption-key-file=" + work.resolve("totp-key"));
			}
			else {
				command.add("--spring.datasource.url=jdbc:h2:file:" + work.resolve("security-info") + ";DB_CLOSE_ON_EXIT=FALSE");
			}
			command.addAll(extra);
			Path log = work.resolve(logName);
			long started = System.nanoTime();
			Process process = new ProcessBuilder(command).directory(work.toFile())
				.redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			return new App(process, log, started);
		}

		/**
		 * Polls {@code /login} until it answers 200; answers the time since the process was started. Until the port
		 * accepts a connection it only tries to connect (a plain socket, every 10 ms): the bench shares the two cores
		 * with the starting app, and an HTTP client failing a hundred times a second in a JVM that has not compiled
		 * it yet took CPU time from the start it was timing (the median of five starts fell from 5.4 to 4.5 s
		 * without it).
		 */
		long awaitFirstAnswer() throws Exception {
			HttpClient client = HttpClient.newHttpClient();
			long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
			while (System.nanoTime() < deadline && !accepts()) {
				if (!process.isAlive()) {
					throw new IllegalStateException("The app stopped; see " + log);
				}
				Thread.sleep(10);
			}
			while (System.nanoTime() < deadline) {
				if (!process.isAlive()) {
					throw new IllegalStateException("The app stopped; see " + log);
				}
				try {
					HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(BASE + "/login")).build(),
							HttpResponse.BodyHandlers.discarding());
					if (response.statusCode() == 200) {
						return Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();
					}
				}
				catch (IOException notYet) {
					// Not listening yet.
				}
				Thread.sleep(10);
			}
			throw new IllegalStateException("No answer on /login within 3 minutes; see " + log);
		}

		private static boolean accepts() {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("127.0.0.1", PORT), 1000);
				return true;
			}
			catch (IOException notYet) {
				return false;
			}
		}

		/** Waits for a log line; answers the milliseconds it reports (the seeder's "in N ms"). */
		long awaitLog(String marker, Duration timeout) throws Exception {
			long deadline = System.nanoTime() + timeout.toNanos();
			Pattern millis = Pattern.compile("in (\\d+) ms");
			while (System.nanoTime() < deadline) {
				for (String line : Files.readAllLines(log)) {
					if (line.contains(marker)) {
						Matcher matcher = millis.matcher(line);
						return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
					}
				}
				if (!process.isAlive()) {
					throw new IllegalStateException("The app stopped before '" + marker + "'; see " + log);
				}
				Thread.sleep(200);
			}
			throw new IllegalStateException("No '" + marker + "' in " + log);
		}

		long rssKb() {
			try {
				for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
					if (line.startsWith("VmRSS:")) {
						return Long.parseLong(line.replaceAll("\\D", ""));
					}
				}
			}
			catch (IOException | RuntimeException gone) {
				// The process ended.
			}
			return 0;
		}

		void stop() throws InterruptedException {
			process.destroy();
			if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor();
			}
		}

	}

	/** A browser of one person: cookies kept, redirects not followed, the CSRF token of the last form read. */
	static final class Client {

		final CookieManager cookies = new CookieManager();

		final HttpClient http = HttpClient.newBuilder()
			.cookieHandler(cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(10))
			.build();

		String csrf;

		static Client signIn(String email) throws Exception {
			Client client = new Client();
			if (!client.trySignIn(email)) {
				throw new IllegalStateException("Could not sign in " + email);
			}
			return client;
		}

		/** GET /login then POST it; true when the app sends the person on to their pages. */
		boolean trySignIn(String email) throws Exception {
			get("/login");
			HttpResponse<String> response = post("/login", Map.of("email", email, "password", PASSWORD));
			return response.statusCode() == 302 && !response.headers().firstValue("Location").orElse("").contains("error");
		}

		String sessionCookie() {
			return cookies.getCookieStore()
				.getCookies()
				.stream()
				.filter(cookie -> cookie.getName().equals("SESSION"))
				.map(HttpCookie::toString)
				.findFirst()
				.orElseThrow();
		}

		HttpResponse<String> get(String path) throws Exception {
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(BASE + path))
				.timeout(Duration.ofSeconds(30))
				.build(), HttpResponse.BodyHandlers.ofString());
			Matcher matcher = CSRF.matcher(response.body());
			if (matcher.find()) {
				csrf = matcher.group(1);
			}
			return response;
		}

		HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
			Map<String, String> fields = new LinkedHashMap<>(form);
			fields.put("_csrf", csrf);
			String body = fields.entrySet()
				.stream()
				.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
						+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
				.collect(Collectors.joining("&"));
			return http.send(HttpRequest.newBuilder(URI.create(BASE + path))
				.timeout(Duration.ofSeconds(30))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		}

		String text(String path) throws Exception {
			HttpResponse<String> response = get(path);
			if (response.statusCode() != 200) {
				throw new IllegalStateException(path + " answered " + response.statusCode());
			}
			return response.body().strip();
		}

	}

	// ---- scenarios -------------------------------------------------------------------------------------------

	static final class Scenarios {

		final Bench bench;

		final App app;

		final Client admin;

		final String database;

		final int users;

		final Path work;

		Scenarios(Bench bench, App app, Client admin, String database, int users, Path work) {
			this.bench = bench;
			this.app = app;
			this.admin = admin;
			this.database = database;
			this.users = users;
			this.work = work;
		}

		/**
		 * Before any figure is taken: the pages of S1, S2 and S5 in turn, 10 s each, for {@code --jit-warmup}
		 * seconds. On two cores shared with the load generator, the JIT takes
		 * one to two minutes of load to compile the request path (S2 tripled and S1 quadrupled from the first
		 * 10 s to the fifth round of a trial run, then held); figures taken before that measure the compiler, not
		 * the app that serves all day.
		 */
		void warmUpTheJit(List<String> employees, List<String> admins) throws Exception {
			long until = System.nanoTime() + Duration.ofSeconds(bench.options.jitWarmup()).toNanos();
			List<Map.Entry<String, List<String>>> pages = List.of(Map.entry("/bench/ping", employees),
					Map.entry("/security-info", employees), Map.entry("/admin/users", admins),
					Map.entry("/admin/audit", admins));
			System.out.printf("warming the JIT up for %d s%n", bench.options.jitWarmup());
			for (int n = 0; System.nanoTime() < until; n++) {
				Map.Entry<String, List<String>> page = pages.get(n % pages.size());
				Path script = work.resolve("sessions.lua");
				Files.writeString(script, lua(page.getValue()));
				runWrk(page.getKey(), script, 10);
			}
		}

		/** A page load by wrk: warm-up, then the timed run; then its statements counted on 20 sequential loads. */
		void wrk(String scenario, String path, List<String> sessions) throws Exception {
			Path script = work.resolve("sessions.lua");
			Files.writeString(script, lua(sessions));
			runWrk(path, script, bench.options.warmup());
			admin.text("/admin/bench/heap-peak?reset");
			RssSampler rss = RssSampler.start(app);
			Map<String, Double> figures = runWrk(path, script, bench.options.duration());
			long rssPeak = rss.stop();
			long heapPeak = Long.parseLong(admin.text("/admin/bench/heap-peak"));
			double statements = statements(() -> {
				HttpClient client = HttpClient.newHttpClient();
				HttpRequest request = HttpRequest.newBuilder(URI.create(BASE + path))
					.header("Cookie", sessions.get(0))
					.build();
				HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
				if (response.statusCode() != 200) {
					throw new IllegalStateException(path + " answered " + response.statusCode());
				}
			}, 20);
			add(scenario, "req/s", figures.get("rate"), figures.get("p50"), figures.get("p95"), figures.get("p99"),
					figures.get("errors").longValue(), statements, heapPeak, rssPeak);
		}

		Map<String, Double> runWrk(String path, Path script, int seconds) throws Exception {
			Process wrk = new ProcessBuilder("wrk", "-t2", "-c" + bench.options.connections(), "-d" + seconds + "s",
					"--timeout", "10s", "-s", script.toString(), BASE + path)
				.redirectErrorStream(true)
				.start();
			String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			wrk.waitFor();
			Matcher matcher = Pattern.compile("RESULT (\\S+) (\\S+) (\\S+) (\\S+) (\\S+) (\\S+)").matcher(output);
			if (!matcher.find()) {
				throw new IllegalStateException("wrk said: " + output);
			}
			Map<String, Double> figures = new LinkedHashMap<>();
			figures.put("rate", Double.parseDouble(matcher.group(1)));
			figures.put("p50", Double.parseDouble(matcher.group(2)) / 1000);
			figures.put("p95", Double.parseDouble(matcher.group(3)) / 1000);
			figures.put("p99", Double.parseDouble(matcher.group(4)) / 1000);
			figures.put("errors", Double.parseDouble(matcher.group(5)) + Double.parseDouble(matcher.group(6)));
			return figures;
		}

		/**
		 * The wrk script: each request carries one of the signed-in sessions in turn; any answer but 200 (a
		 * redirect to sign in, say) counts as an error; done() prints the figures, p95 included, on one line.
		 */
		static String lua(List<String> sessions) {
			return """
					local sessions = { %s }
					local next = 0
					bad = 0
					local threads = {}
					function setup(thread) table.insert(threads, thread) end
					function init(args) next = math.random(#sessions) end
					function request()
						next = next %% #sessions + 1
						return wrk.format("GET", nil, { ["Cookie"] = sessions[next] })
					end
					function response(status, headers, body)
						if status ~= 200 then bad = bad + 1 end
					end
					function done(summary, latency, requests)
						local wrong = 0
						for _, thread in ipairs(threads) do wrong = wrong + thread:get("bad") end
						local e = summary.errors
						io.write(string.format("RESULT %%.2f %%d %%d %%d %%d %%d\\n",
							summary.requests / (summary.duration / 1e6), latency:percentile(50), latency:percentile(95),
							latency:percentile(99), e.connect + e.read + e.write + e.timeout, wrong))
					end
					""".formatted(sessions.stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(", ")));
		}

		/** S4: sign-in from a fresh browser (GET /login, POST /login), 8 threads; BCrypt is the cost. */
		void signIns(int users) throws Exception {
			Flow flow = (client, thread, n) -> {
				int person = 1 + (int) (n * 7919L % users);
				if (!client.trySignIn("user" + person + "@bench.example.com")) {
					throw new IllegalStateException("sign-in refused");
				}
			};
			runFlows("S4 sign-in", "sign-ins/s", 8, () -> new Client(), flow);
		}

		/**
		 * S3: the whole add-phone flow per virtual user, each signed in as a person without a phone: the phone
		 * page, the number (a code is sent), the code read from the console outbox and typed in, Security info to
		 * find the new method, and its deletion.
		 */
		void addPhoneFlows(int users) throws Exception {
			List<Integer> withoutPhone = new ArrayList<>();
			for (int n = users; n > 0 && withoutPhone.size() < bench.options.connections(); n--) {
				if (n % 5 >= 3) {
					withoutPhone.add(n);
				}
			}
			AtomicInteger handedOut = new AtomicInteger();
			Flow flow = (client, thread, n) -> {
				check(client.get("/security-info/phone"), 200);
				String national = "6" + bench.nextNumber.incrementAndGet();
				HttpResponse<String> sent = client.post("/security-info/phone",
						Map.of("region", "NL", "number", national, "mode", "TEXT"));
				check(sent, 302);
				String challenge = sent.headers().firstValue("Location").orElseThrow();
				Matcher code = CODE.matcher(client.text("/bench/outbox?to=%2B31" + national));
				if (!code.find()) {
					throw new IllegalStateException("no code");
				}
				HttpResponse<String> verified = client.post(URI.create(challenge).getPath(), Map.of("code", code.group(1)));
				check(verified, 302);
				if (!verified.headers().firstValue("Location").orElse("").endsWith("/done")) {
					throw new IllegalStateException("code refused");
				}
				Matcher method = METHOD_ROW.matcher(client.text("/security-info"));
				if (!method.find()) {
					throw new IllegalStateException("no method");
				}
				check(client.post("/security-info/methods/" + method.group(1) + "/delete", Map.of()), 302);
			};
			runFlows("S3 add-phone flow", "flows/s", bench.options.connections(), () -> {
				try {
					return Client.signIn("user" + withoutPhone.get(handedOut.getAndIncrement() % withoutPhone.size())
							+ "@bench.example.com");
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			}, flow);
		}

		static void check(HttpResponse<String> response, int status) {
			if (response.statusCode() != status) {
				throw new IllegalStateException(response.uri() + " answered " + response.statusCode());
			}
		}

		interface Flow {

			void run(Client client, int thread, long n) throws Exception;

		}

		/** Fixed threads, each with its own client, running the flow back to back for the warm-up then the run. */
		void runFlows(String scenario, String unit, int threads, java.util.function.Supplier<Client> clients, Flow flow)
				throws Exception {
			List<Client> pool = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				pool.add(clients.get());
			}
			AtomicLong counter = new AtomicLong();
			long warmupErrors = timedFlows(pool, flow, counter, bench.options.warmup()).stream()
				.mapToLong(latencies -> latencies[0])
				.sum();
			if (warmupErrors > 0) {
				bench.notes.add("%s, %s, %,d users: %d errors during the warm-up (not counted in the table)"
					.formatted(scenario, database, users, warmupErrors));
			}
			admin.text("/admin/bench/heap-peak?reset");
			RssSampler rss = RssSampler.start(app);
			long started = System.nanoTime();
			List<long[]> perThread = timedFlows(pool, flow, counter, bench.options.duration());
			double seconds = (System.nanoTime() - started) / 1e9;
			long rssPeak = rss.stop();
			long heapPeak = Long.parseLong(admin.text("/admin/bench/heap-peak"));
			long errors = perThread.stream().mapToLong(latencies -> latencies[0]).sum();
			long[] latencies = perThread.stream()
				.flatMapToLong(l -> Arrays.stream(l, 1, l.length))
				.sorted()
				.toArray();
			double statements = statements(() -> flow.run(pool.get(0), 0, counter.incrementAndGet()), 5);
			if (scenario.startsWith("S3")) {
				long duplicates = Long.parseLong(admin.text("/admin/bench/duplicate-methods"));
				errors += duplicates;
				System.out.println("duplicate methods after S3: " + duplicates);
			}
			add(scenario, unit, latencies.length / seconds, percentile(latencies, 50), percentile(latencies, 95),
					percentile(latencies, 99), errors, statements, heapPeak, rssPeak);
		}

		/** Answers per thread: [errors, latency of each successful flow in microseconds...]. */
		List<long[]> timedFlows(List<Client> pool, Flow flow, AtomicLong counter, int seconds) throws Exception {
			ExecutorService threads = Executors.newFixedThreadPool(pool.size());
			long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
			List<Future<long[]>> futures = new ArrayList<>();
			for (int t = 0; t < pool.size(); t++) {
				int thread = t;
				futures.add(threads.submit(() -> {
					List<Long> latencies = new ArrayList<>();
					long errors = 0;
					while (System.nanoTime() < deadline) {
						long start = System.nanoTime();
						try {
							flow.run(pool.get(thread), thread, counter.incrementAndGet());
							latencies.add((System.nanoTime() - start) / 1000);
						}
						catch (Exception | AssertionError ex) {
							if (errors++ == 0) {
								System.out.println("first error in thread " + thread + ": " + ex.getMessage());
							}
							recover(pool.get(thread));
						}
					}
					long[] out = new long[latencies.size() + 1];
					out[0] = errors;
					for (int i = 0; i < latencies.size(); i++) {
						out[i + 1] = latencies.get(i);
					}
					return out;
				}));
			}
			List<long[]> results = new ArrayList<>();
			for (Future<long[]> future : futures) {
				results.add(future.get());
			}
			threads.shutdown();
			return results;
		}

		/**
		 * After a failed add-phone flow the person may keep the phone (a request that timed out here may still
		 * have gone through): remove it, so that one failure does not fail every later flow of the same person.
		 */
		static void recover(Client client) {
			try {
				Matcher method = METHOD_ROW.matcher(client.get("/security-info").body());
				while (method.find()) {
					client.post("/security-info/methods/" + method.group(1) + "/delete", Map.of());
				}
			}
			catch (Exception ignored) {
				// The next flow reports whatever is still wrong.
			}
		}

		static double percentile(long[] sortedMicros, int percent) {
			if (sortedMicros.length == 0) {
				return 0;
			}
			int index = (int) Math.ceil(percent / 100.0 * sortedMicros.length) - 1;
			return sortedMicros[Math.max(0, Math.min(index, sortedMicros.length - 1))] / 1000.0;
		}

		interface Step {

			void run() throws Exception;

		}

		/** Hibernate's prepared statements per repetition of the step, with nothing else running. */
		double statements(Step step, int repetitions) throws Exception {
			// Requests wrk had in flight when it stopped are still being answered for a moment: let them finish.
			Thread.sleep(2000);
			admin.text("/admin/bench/statements?start");
			for (int i = 0; i < repetitions; i++) {
				step.run();
			}
			return Long.parseLong(admin.text("/admin/bench/statements?stop")) / (double) repetitions;
		}

		void add(String scenario, String unit, double rate, double p50, double p95, double p99, long errors,
				double statements, long heapPeakBytes, long rssPeakKb) {
			Result result = new Result(database, users, scenario, unit, rate, p50, p95, p99, errors, statements,
					heapPeakBytes / (1024 * 1024), rssPeakKb / 1024);
			bench.results.add(result);
			System.out.printf(Locale.ROOT, "%-26s %8.0f %-11s p50 %6.1f  p95 %6.1f  p99 %6.1f ms  errors %d  "
					+ "SQL %.1f  heap %d MB  RSS %d MB%n", scenario, rate, unit, p50, p95, p99, errors, statements,
					result.heapPeakMb(), result.rssPeakMb());
		}

	}

	/** The app's resident set size, sampled every 100 ms while a scenario runs; its peak in KB. */
	static final class RssSampler {

		final Thread thread;

		final AtomicLong peak = new AtomicLong();

		volatile boolean running = true;

		private RssSampler(App app) {
			thread = new Thread(() -> {
				while (running) {
					peak.accumulateAndGet(app.rssKb(), Math::max);
					try {
						Thread.sleep(100);
					}
					catch (InterruptedException ex) {
						return;
					}
				}
			});
		}

		static RssSampler start(App app) {
			RssSampler sampler = new RssSampler(app);
			sampler.thread.setDaemon(true);
			sampler.thread.start();
			return sampler;
		}

		long stop() throws InterruptedException {
			running = false;
			thread.join();
			return peak.get();
		}

	}

	// ---- the chart -------------------------------------------------------------------------------------------

	/** Throughput per scenario, one bar per database and data size, drawn headless with Java2D. */
	static final class Chart {

		static final Color[] COLORS = { new Color(0x0078D4), new Color(0x50A0E0), new Color(0xD47800),
				new Color(0xE0A050) };

		static void draw(List<Result> results, Path file) throws IOException {
			System.setProperty("java.awt.headless", "true");
			List<String> scenarios = results.stream().map(Result::scenario).distinct().toList();
			List<String> series = results.stream()
				.map(r -> "%s, %,d users".formatted(r.database(), r.users()))
				.distinct()
				.toList();
			int width = 1100;
			int height = 560;
			int left = 80;
			int right = 20;
			int top = 60;
			int bottom = 150;
			BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
			Graphics2D g = image.createGraphics();
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, width, height);
			g.setColor(Color.BLACK);
			g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
			g.drawString("Throughput per scenario (log scale; requests, flows or sign-ins per second)", left, 30);
			double max = results.stream().mapToDouble(Result::rate).max().orElse(1);
			double logMax = Math.ceil(Math.log10(Math.max(max, 10)));
			int plotHeight = height - top - bottom;
			java.util.function.DoubleFunction<Integer> y = value -> top + plotHeight
					- (int) (plotHeight * Math.max(0, Math.log10(Math.max(value, 1))) / logMax);
			g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
			for (int power = 0; power <= logMax; power++) {
				int lineY = y.apply(Math.pow(10, power));
				g.setColor(new Color(0xDDDDDD));
				g.drawLine(left, lineY, width - right, lineY);
				g.setColor(Color.DARK_GRAY);
				g.drawString("%,d".formatted((long) Math.pow(10, power)), 10, lineY + 4);
			}
			int groupWidth = (width - left - right) / Math.max(1, scenarios.size());
			int barWidth = Math.max(4, (groupWidth - 20) / Math.max(1, series.size()));
			for (int s = 0; s < scenarios.size(); s++) {
				int groupX = left + s * groupWidth + 10;
				for (int k = 0; k < series.size(); k++) {
					String name = series.get(k);
					String scenario = scenarios.get(s);
					results.stream()
						.filter(r -> r.scenario().equals(scenario)
								&& "%s, %,d users".formatted(r.database(), r.users()).equals(name))
						.findFirst()
						.ifPresent(r -> {
							int x = groupX + series.indexOf(name) * barWidth;
							int barTop = y.apply(r.rate());
							g.setColor(COLORS[series.indexOf(name) % COLORS.length]);
							g.fillRect(x, barTop, barWidth - 2, top + plotHeight - barTop);
							g.setColor(Color.BLACK);
							g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
							g.drawString("%,.0f".formatted(r.rate()), x, barTop - 3);
						});
				}
				g.setColor(Color.BLACK);
				g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
				drawWrapped(g, scenarios.get(s), groupX, top + plotHeight + 18, groupWidth - 12);
			}
			g.setStroke(new BasicStroke(1));
			g.drawLine(left, top + plotHeight, width - right, top + plotHeight);
			for (int k = 0; k < series.size(); k++) {
				int x = left + k * 220;
				g.setColor(COLORS[k % COLORS.length]);
				g.fillRect(x, height - 40, 14, 14);
				g.setColor(Color.BLACK);
				g.drawString(series.get(k), x + 20, height - 28);
			}
			g.dispose();
			ImageIO.write(image, "png", file.toFile());
		}

		static void drawWrapped(Graphics2D g, String text, int x, int y, int width) {
			StringBuilder line = new StringBuilder();
			int lineY = y;
			for (String word : text.split(" ")) {
				if (line.length() > 0 && g.getFontMetrics().stringWidth(line + " " + word) > width) {
					g.drawString(line.toString(), x, lineY);
					lineY += 15;
					line.setLength(0);
				}
				line.append(line.length() > 0 ? " " : "").append(word);
			}
			g.drawString(line.toString(), x, lineY);
		}

	}

}
