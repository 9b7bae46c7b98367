package io.securityinfo.system;

import static io.securityinfo.Pages.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcPrint;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.NameValueExpression;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import io.securityinfo.AppFixture;
import io.securityinfo.AppTest;
import io.securityinfo.account.SignedInUser;
import io.securityinfo.policy.MethodPolicy;
import io.securityinfo.policy.PhonePolicy;
import io.securityinfo.policy.RegistrationPolicy;
import io.securityinfo.policy.TestPolicies;
import io.securityinfo.policy.TwoStepPolicy;

/**
 * Every GET and POST endpoint, found in the request mappings (a new controller method is swept without editing this
 * test), with hostile input: as an anonymous visitor, an employee and an administrator. No answer may be a 5xx, name
 * a Java type or show a stack trace, or hold a payload unescaped; the pages that show what was stored are read last.
 * <p>
 * Its own context (the Twilio gateway on, so that its webhook is swept too, and a database of its own), since the
 * administrator's part changes policies and stores payloads other tests would see.
 */
@AppTest
@TestPropertySource(properties = { "app.sms.provider=twilio", "app.sms.twilio.account-sid=AC0123456789abcdef0123456789abcdef",
		"app.sms.twilio.auth-token=f0e1d2c3b4a5968778695a4b3c2d1e0f", "app.sms.twilio.from-number=+14155550100",
		"app.public-url=https://security-info.example.com",
		// The email gateway stays the console one (captured by TestBeans) under a public address.
		"app.dev.console-gateways-allowed=true" })
@AutoConfigureMockMvc(print = MockMvcPrint.NONE)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class BadInputSweepTests extends AppFixture {

	private static final String SCRIPT = "<script>alert(1)</script>";

	private static final String IMG = "\"><img src=x onerror=alert(1)>";

	/** What each field gets in turn; the million characters go to one field of each endpoint only. */
	private static final Map<String, String> CORPUS = corpus();

	private static final String MILLION = "x".repeat(1_000_000);

	/** Path variable values besides the plausible ones. */
	private static final List<String> HOSTILE_PATH_VALUES = List.of("-1", "99999999999999999999", "%00", "%3Cscript%3E",
			"..%2F..%2Fetc", "NOPE", "a".repeat(2000), "%FF%FE");

	/** What a body, a page or a header must never show. */
	private static final List<String> LEAKS = List.of("java.", "io.securityinfo.", "Exception", "org.springframework",
			"\tat ", SCRIPT, "<img src=x onerror");

	/** Names swept on every endpoint besides its own form's: what an attacker tries first. */
	private static final List<String> GENERIC_NAMES = List.of("id", "code", "continue");

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	MethodPolicy methodPolicy;

	@Autowired
	PhonePolicy phonePolicy;

	@Autowired
	RegistrationPolicy registrationPolicy;

	@Autowired
	TwoStepPolicy twoStepPolicy;

	private final List<String> failures = new ArrayList<>();

	private final Set<String> inputsUsed = new TreeSet<>();

	private final Map<String, Integer> requestsByVisitor = new TreeMap<>();

	private int requests;

	private static SignedInUser restoreAs;

	private static PhonePolicy restorePhone;

	private static MethodPolicy restoreMethods;

	private static RegistrationPolicy restoreRegistration;

	@Test
	void everyEndpointWhenGivenHostileInputThenNo5xxNoJavaNameAndNothingUnescaped() throws Exception {
		long started = System.nanoTime();
		SignedInUser employee = newEmployee();
		SignedInUser admin = newAdmin();
		SignedInUser target = newEmployee();
		rememberPolicies(admin);
		List<Endpoint> endpoints = endpoints(target);
		Map<String, RequestPostProcessor> visitors = new LinkedHashMap<>();
		visitors.put("anonymous", request -> request);
		visitors.put("employee", signedIn(employee));
		visitors.put("admin", signedIn(admin));

		for (Map.Entry<String, RequestPostProcessor> visitor : visitors.entrySet()) {
			for (Endpoint endpoint : endpoints) {
				sweep(endpoint, visitor.getKey(), visitor.getValue());
			}
		}
		// What the sweep stored (a group named <script>…, people, questions) on every page that lists it.
		for (Endpoint endpoint : endpoints) {
			if (endpoint.method() == HttpMethod.GET) {
				for (Map.Entry<String, RequestPostProcessor> visitor : visitors.entrySet()) {
					check(endpoint, visitor.getKey(), "stored", get(endpoint.plausiblePath()).with(visitor.getValue()));
				}
			}
		}
		String groups = mvc.perform(get("/admin/groups").with(signedIn(admin)))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);

		long seconds = (System.nanoTime() - started) / 1_000_000_000;
		System.out.printf("Bad-input sweep: %d endpoints (%d GET, %d POST), %d requests %s, %d distinct inputs, "
				+ "%d corpus values, %d s, %d failures%n", endpoints.size(),
				endpoints.stream().filter(endpoint -> endpoint.method() == HttpMethod.GET).count(),
				endpoints.stream().filter(endpoint -> endpoint.method() == HttpMethod.POST).count(), requests,
				requestsByVisitor, inputsUsed.size(), CORPUS.size() + 1, seconds, failures.size());
		assertThat(failures).as("requests answered with a 5xx, a Java name or an unescaped payload").isEmpty();
		assertThat(endpoints).as("endpoints found in the request mappings").hasSizeGreaterThan(60);
		assertThat(groups).as("a payload stored by the sweep is shown escaped")
			.contains("&lt;script&gt;alert(1)&lt;/script&gt;");
	}

	@AfterAll
	static void restorePolicies() {
		if (restoreAs != null) {
			TestPolicies.restoreDefaults(restoreAs.id(), restoreMethods, restorePhone, restoreRegistration);
		}
	}

	private void rememberPolicies(SignedInUser admin) {
		restoreAs = admin;
		restoreMethods = methodPolicy;
		restorePhone = phonePolicy;
		restoreRegistration = registrationPolicy;
	}

	private void sweep(Endpoint endpoint, String visitor, RequestPostProcessor as) throws Exception {
		Map<String, String> baseline = endpoint.baseline();
		MockHttpServletResponse first = check(endpoint, visitor, "plausible",
				withParams(endpoint.requestTo(endpoint.plausiblePath()), baseline).with(as));
		if (first != null && isTurnedAway(first)) {
			// The security filters answer before any binding: hostile paths and bodies only, not every field.
			for (String path : endpoint.hostilePaths()) {
				check(endpoint, visitor, "path " + path, withParams(endpoint.requestTo(path), baseline).with(as));
			}
			if (endpoint.method() == HttpMethod.POST) {
				sweepBodies(endpoint, visitor, as, baseline);
			}
			return;
		}
		// Hostile path variables, with plausible fields.
		for (String path : endpoint.hostilePaths()) {
			check(endpoint, visitor, "path " + path, withParams(endpoint.requestTo(path), baseline).with(as));
		}
		// Each field in turn, the others plausible.
		List<String> names = new ArrayList<>(endpoint.fieldNames());
		names.addAll(GENERIC_NAMES);
		for (String name : names) {
			for (Map.Entry<String, String> value : CORPUS.entrySet()) {
				Map<String, String> params = new LinkedHashMap<>(baseline);
				params.put(name, value.getValue());
				inputsUsed.add(value.getKey() + " in " + name);
				check(endpoint, visitor, value.getKey() + " in " + name,
						withParams(endpoint.requestTo(endpoint.plausiblePath()), params).with(as));
			}
		}
		if (!names.isEmpty()) {
			Map<String, String> params = new LinkedHashMap<>(baseline);
			params.put(names.get(0), MILLION);
			check(endpoint, visitor, "1M in " + names.get(0),
					withParams(endpoint.requestTo(endpoint.plausiblePath()), params).with(as));
		}
		// List rows no page has.
		for (String name : endpoint.outOfRangeNames()) {
			Map<String, String> params = new LinkedHashMap<>(baseline);
			params.put(name, "1");
			check(endpoint, visitor, "row " + name,
					withParams(endpoint.requestTo(endpoint.plausiblePath()), params).with(as));
		}
		// Every parameter twice.
		MockHttpServletRequestBuilder twice = withParams(endpoint.requestTo(endpoint.plausiblePath()), baseline);
		baseline.keySet().forEach(name -> twice.param(name, SCRIPT));
		check(endpoint, visitor, "duplicated", twice.with(as));
		if (endpoint.method() == HttpMethod.POST) {
			sweepBodies(endpoint, visitor, as, baseline);
		}
	}

	/** Bodies of the wrong type, and a form body that is not UTF-8. */
	private void sweepBodies(Endpoint endpoint, String visitor, RequestPostProcessor as, Map<String, String> baseline)
			throws Exception {
		String path = endpoint.plausiblePath();
		check(endpoint, visitor, "json", withRequired(post(path), endpoint).contentType(MediaType.APPLICATION_JSON)
			.content("{\"code\":\"" + SCRIPT + "\",\"id\":-1,\"a\":[1e999]}")
			.with(as));
		check(endpoint, visitor, "xml", withRequired(post(path), endpoint).contentType(MediaType.APPLICATION_XML)
			.content("<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a>&x;</a>")
			.with(as));
		MockMultipartHttpServletRequestBuilder multipart = multipart(URI.create(path))
			.file(new MockMultipartFile("file", "x.html", "text/html", SCRIPT.getBytes(StandardCharsets.UTF_8)));
		baseline.forEach(multipart::param);
		endpoint.requiredParams().forEach(multipart::param);
		check(endpoint, visitor, "multipart", multipart.with(as));
		StringBuilder body = new StringBuilder();
		baseline.keySet().forEach(name -> body.append(name).append("=%FF%FE%C3%28&"));
		byte[] raw = concat(body.toString().getBytes(StandardCharsets.US_ASCII),
				new byte[] { 'z', '=', (byte) 0xC3, 0x28, (byte) 0xFF, 0, (byte) 0xED, (byte) 0xA0, (byte) 0x80 });
		check(endpoint, visitor, "invalid UTF-8", withRequired(post(path), endpoint)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.content(raw)
			.with(as));
	}

	/** Sign-in asked for, or not allowed: the request went no further than the security filters. */
	private static boolean isTurnedAway(MockHttpServletResponse response) {
		String location = response.getRedirectedUrl();
		return response.getStatus() == 403 || (location != null && location.startsWith("/login"));
	}

	private MockHttpServletResponse check(Endpoint endpoint, String visitor, String input,
			AbstractMockHttpServletRequestBuilder<?> request) {
		requests++;
		requestsByVisitor.merge(visitor, 1, Integer::sum);
		String what = visitor + " " + endpoint + " with " + abbreviate(input);
		MockHttpServletResponse response;
		try {
			response = mvc.perform(request.with(csrf())).andReturn().getResponse();
		}
		catch (Exception ex) {
			failures.add(what + ": unhandled " + rootCause(ex));
			return null;
		}
		if (response.getStatus() >= 500) {
			failures.add(what + ": status " + response.getStatus());
		}
		String body = new String(response.getContentAsByteArray(), StandardCharsets.UTF_8);
		for (String leak : LEAKS) {
			if (body.contains(leak)) {
				failures.add(what + ": the body shows " + abbreviate(leak));
			}
		}
		String location = response.getRedirectedUrl();
		if (location != null && (location.contains("<") || location.contains("\""))) {
			failures.add(what + ": redirected to " + abbreviate(location));
		}
		return response;
	}

	private static MockHttpServletRequestBuilder withParams(MockHttpServletRequestBuilder request,
			Map<String, String> params) {
		params.forEach(request::param);
		return request;
	}

	private static MockHttpServletRequestBuilder withRequired(MockHttpServletRequestBuilder request,
			Endpoint endpoint) {
		endpoint.requiredParams().forEach(request::param);
		return request;
	}

	/** Each handler method once per path and HTTP method, as the request mappings declare it. */
	private List<Endpoint> endpoints(SignedInUser target) {
		List<Endpoint> endpoints = new ArrayList<>();
		mappings.getHandlerMethods().forEach((info, handler) -> {
			Set<HttpMethod> methods = new LinkedHashSet<>();
			info.getMethodsCondition().getMethods().forEach(method -> methods.add(HttpMethod.valueOf(method.name())));
			if (methods.isEmpty()) {
				methods.add(HttpMethod.GET);
				methods.add(HttpMethod.POST);
			}
			methods.removeIf(method -> method != HttpMethod.GET && method != HttpMethod.POST);
			for (String pattern : info.getPatternValues()) {
				for (HttpMethod method : methods) {
					endpoints.add(new Endpoint(method, pattern, handler, info, target.id()));
				}
			}
		});
		endpoints.sort((a, b) -> (a.pattern() + a.method()).compareTo(b.pattern() + b.method()));
		return endpoints;
	}

	private static Map<String, String> corpus() {
		Map<String, String> corpus = new LinkedHashMap<>();
		corpus.put("empty", "");
		corpus.put("10k", "a".repeat(10_000));
		corpus.put("NUL", "a\u0000b");
		corpus.put("control", "\u0001\u0007\u001b[2J\r\n\t\u007f\u0085\u2028");
		corpus.put("script", SCRIPT);
		corpus.put("img", IMG);
		corpus.put("huge number", "99999999999999999999999999999");
		corpus.put("negative", "-2147483649");
		corpus.put("unknown enum", "NOPE");
		corpus.put("lone surrogate", "\uD800x\uFFFF\u202E");
		return corpus;
	}

	private static String abbreviate(String text) {
		String printable = text.replaceAll("\\p{Cntrl}", "?");
		return printable.length() > 80 ? printable.substring(0, 80) + "…(" + text.length() + ")" : printable;
	}

	private static String rootCause(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return abbreviate(cause.getClass().getName() + ": " + cause.getMessage());
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] both = new byte[a.length + b.length];
		System.arraycopy(a, 0, both, 0, a.length);
		System.arraycopy(b, 0, both, a.length, b.length);
		return both;
	}

	/** One handler method at one path by one HTTP method, and what it binds. */
	record Endpoint(HttpMethod method, String pattern, HandlerMethod handler, RequestMappingInfo info,
			long targetAccountId) {

		private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(?::((?:[^{}]|\\{[^}]*\\})*))?\\}");

		@Override
		public String toString() {
			return method + " " + pattern;
		}

		MockHttpServletRequestBuilder requestTo(String path) {
			return withRequired(request(method, URI.create(path)), this);
		}

		/** The parameters the mapping demands ({@code params = "code"}) so that the request reaches it. */
		Map<String, String> requiredParams() {
			Map<String, String> required = new LinkedHashMap<>();
			for (NameValueExpression<String> expression : info.getParamsCondition().getExpressions()) {
				if (!expression.isNegated()) {
					required.put(expression.getName(), expression.getValue() == null ? "1" : expression.getValue());
				}
			}
			return required;
		}

		String plausiblePath() {
			return expand(name -> plausible(name));
		}

		List<String> hostilePaths() {
			List<String> paths = new ArrayList<>();
			Matcher matcher = VARIABLE.matcher(pattern);
			while (matcher.find()) {
				String hostileVariable = matcher.group(1);
				for (String value : HOSTILE_PATH_VALUES) {
					paths.add(expand(name -> name.equals(hostileVariable) ? value : plausible(name)));
				}
			}
			return paths;
		}

		private String expand(Function<String, String> values) {
			Matcher matcher = VARIABLE.matcher(pattern);
			StringBuilder path = new StringBuilder();
			while (matcher.find()) {
				String name = matcher.group(1);
				String regex = matcher.group(2);
				String value = values.apply(name);
				if (regex != null && value.equals(plausible(name)) && !value.matches(regex)) {
					value = SLUGS.stream().filter(slug -> slug.matches(regex)).findFirst().orElse(value);
				}
				matcher.appendReplacement(path, Matcher.quoteReplacement(value));
			}
			matcher.appendTail(path);
			return path.toString().replace("**", "x");
		}

		private static final List<String> SLUGS = List.of("phone", "alternate-phone", "office-phone", "email", "app",
				"questions");

		private String plausible(String variable) {
			return switch (variable) {
				case "id", "accountId" -> Long.toString(targetAccountId);
				case "slug" -> "phone";
				case "challengeId", "enrolmentId" -> "0b6f4ad2-5b8c-4d3f-9a57-0c1f2e3d4c5b";
				case "token" -> "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
				default -> "1";
			};
		}

		/** The names of what the handler binds: its form objects' fields (one level into list rows) and its params. */
		List<String> fieldNames() {
			return new ArrayList<>(baseline().keySet().stream().filter(name -> !requiredParams().containsKey(name))
				.toList());
		}

		/** Plausible values for every name the handler binds, so that hostile values reach past the first check. */
		Map<String, String> baseline() {
			Map<String, String> baseline = new LinkedHashMap<>(requiredParams());
			for (MethodParameter parameter : handler.getMethodParameters()) {
				parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
				RequestParam requestParam = parameter.getParameterAnnotation(RequestParam.class);
				if (requestParam != null) {
					String name = !requestParam.name().isEmpty() ? requestParam.name() : parameter.getParameterName();
					if (name != null) {
						baseline.putIfAbsent(name, plausibleValue(name, parameter.getNestedParameterType()));
					}
				}
				else if (isForm(parameter)) {
					fields(parameter.getParameterType(), "", baseline, 0);
				}
			}
			return baseline;
		}

		/** Names of list rows past the binder's limit and before the first. */
		List<String> outOfRangeNames() {
			List<String> names = new ArrayList<>();
			for (String name : baseline().keySet()) {
				int index = name.indexOf("[0]");
				if (index >= 0) {
					names.add(name.substring(0, index) + "[256]" + name.substring(index + 3));
					names.add(name.substring(0, index) + "[-1]" + name.substring(index + 3));
				}
			}
			return names;
		}

		private static boolean isForm(MethodParameter parameter) {
			if (parameter.hasParameterAnnotation(ModelAttribute.class)) {
				return true;
			}
			Class<?> type = parameter.getParameterType();
			return !parameter.hasParameterAnnotation(PathVariable.class) && !BeanUtils.isSimpleProperty(type)
					&& type.getName().startsWith("io.securityinfo.") && !type.isRecord() && !type.isInterface()
					&& !parameter.hasParameterAnnotation(io.securityinfo.account.CurrentUser.class);
		}

		private static void fields(Class<?> type, String prefix, Map<String, String> into, int depth) {
			for (Class<?> current = type; current != null && current != Object.class; current = current
				.getSuperclass()) {
				for (Field field : current.getDeclaredFields()) {
					if (Modifier.isStatic(field.getModifiers())) {
						continue;
					}
					String name = prefix + field.getName();
					Class<?> fieldType = field.getType();
					if (List.class.isAssignableFrom(fieldType) || Set.class.isAssignableFrom(fieldType)) {
						Class<?> element = elementType(field.getGenericType());
						if (element == null || BeanUtils.isSimpleProperty(element)) {
							into.putIfAbsent(name + "[0]", plausibleValue(field.getName(), element));
						}
						else if (depth < 2) {
							fields(element, name + "[0].", into, depth + 1);
						}
					}
					else if (BeanUtils.isSimpleProperty(fieldType)) {
						into.putIfAbsent(name, plausibleValue(field.getName(), fieldType));
					}
					else if (depth < 2) {
						fields(fieldType, name + ".", into, depth + 1);
					}
				}
			}
		}

		private static Class<?> elementType(Type generic) {
			if (generic instanceof ParameterizedType parameterized
					&& parameterized.getActualTypeArguments()[0] instanceof Class<?> element) {
				return element;
			}
			return null;
		}

		private static String plausibleValue(String name, Class<?> type) {
			if (type != null && type.isEnum()) {
				return ((Enum<?>) type.getEnumConstants()[0]).name();
			}
			if (type == boolean.class || type == Boolean.class) {
				return "true";
			}
			if (type != null && (Number.class.isAssignableFrom(type) || type.isPrimitive())) {
				return "5";
			}
			String lower = name.toLowerCase();
			if (lower.contains("email")) {
				return "someone@example.com";
			}
			if (lower.contains("region")) {
				return "NL";
			}
			if (lower.contains("number") || lower.contains("destination")) {
				return "0612349999";
			}
			if (lower.contains("code")) {
				return "123456";
			}
			if (lower.contains("password")) {
				return "Correct-Horse-Battery-9";
			}
			if (lower.contains("date") || lower.equals("from") || lower.equals("to")) {
				return "2026-01-01";
			}
			return "plausible";
		}

	}

}
