package io.securityinfo.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.servlet.RequestDispatcher;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import io.securityinfo.AppFixture;
import io.securityinfo.AppTest;
import io.securityinfo.account.SignedInUser;
import io.securityinfo.account.TestAccounts;

/**
 * Every route under /admin, as the application maps it, is for administrators only: a route added later is
 * covered without being listed here.
 */
@AppTest
class AdminRoutesTests extends AppFixture {

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping handlerMapping;

	SignedInUser employee;

	@BeforeEach
	void createEmployee() {
		employee = newEmployee();
	}

	record Route(HttpMethod method, String pattern) {

		/** The path with every variable filled in, such as /admin/groups/1. */
		String path() {
			return pattern.replaceAll("\\{[^}]+}", "1");
		}

		MockHttpServletRequestBuilder build() {
			return request(method, path()).accept(MediaType.TEXT_HTML).with(csrf());
		}

		@Override
		public String toString() {
			return method + " " + pattern;
		}

	}

	@Test
	void adminRoutesThenIncludeEveryAdminPageKnownToday() {
		assertThat(adminRoutes()).extracting(Route::toString)
			.contains("GET /admin", "GET /admin/methods", "POST /admin/methods", "POST /admin/methods/phone",
					"GET /admin/registration", "POST /admin/registration", "GET /admin/groups", "POST /admin/groups",
					"GET /admin/groups/{groupId}", "POST /admin/groups/{groupId}/members",
					"POST /admin/groups/{groupId}/members/{accountId}/remove", "GET /admin/groups/{groupId}/delete",
					"POST /admin/groups/{groupId}/delete");
	}

	@TestFactory
	Stream<DynamicTest> adminRouteWhenSignedInAsEmployeeThenForbiddenWithThePageThatSaysSo() {
		return adminRoutes().stream().map(route -> DynamicTest.dynamicTest(route.toString(), () -> {
			MvcResult refused = mvc
				.perform(route.build().with(authentication(TestAccounts.authentication(employee))))
				.andExpect(status().isForbidden())
				.andReturn();
			mvc.perform(errorPageFor(refused).with(authentication(TestAccounts.authentication(employee))))
				.andExpect(status().isForbidden())
				.andExpect(content().string(allOf(containsString("<h1>You don&#39;t have access to this page</h1>"),
						containsString("Your account isn&#39;t allowed to open this page."))));
		}));
	}

	@TestFactory
	Stream<DynamicTest> adminRouteWhenSignedOutThenToTheSignInPage() {
		return adminRoutes().stream()
			.map(route -> DynamicTest.dynamicTest(route.toString(),
					() -> mvc.perform(route.build()).andExpect(redirectedUrl("/login"))));
	}

	/**
	 * MockMvc has no servlet container to forward an error to its page, so this does what the container would:
	 * dispatch the same request, attributes and all, to /error with the status it was refused with.
	 */
	private static MockHttpServletRequestBuilder errorPageFor(MvcResult refused) {
		MockHttpServletRequest request = refused.getRequest();
		MockHttpServletRequestBuilder error = get("/error").accept(MediaType.TEXT_HTML)
			.requestAttr(RequestDispatcher.ERROR_STATUS_CODE, refused.getResponse().getStatus())
			.requestAttr(RequestDispatcher.ERROR_REQUEST_URI, request.getRequestURI());
		Collections.list(request.getAttributeNames())
			.forEach(name -> error.requestAttr(name, request.getAttribute(name)));
		return error;
	}

	private List<Route> adminRoutes() {
		return handlerMapping.getHandlerMethods()
			.keySet()
			.stream()
			.flatMap(info -> {
				Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
				Stream<HttpMethod> httpMethods = methods.isEmpty() ? Stream.of(HttpMethod.GET)
						: methods.stream().map(RequestMethod::asHttpMethod);
				List<HttpMethod> all = httpMethods.toList();
				return info.getPatternValues()
					.stream()
					.filter(pattern -> pattern.equals("/admin") || pattern.startsWith("/admin/"))
					.flatMap(pattern -> all.stream().map(method -> new Route(method, pattern)));
			})
			.sorted(Comparator.comparing(Route::toString))
			.toList();
	}

}
