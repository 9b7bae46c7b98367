package io.securityinfo.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import io.securityinfo.AppTest;

@AppTest
class RequestIdFilterTests {

	private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

	@Autowired
	MockMvc mvc;

	@Test
	void requestWhenProxySendsAValidIdThenResponseEchoesIt() throws Exception {
		String id = "a".repeat(60) + "-0Z9";

		String echoed = mvc.perform(get("/login").header("X-Request-Id", id))
			.andReturn()
			.getResponse()
			.getHeader("X-Request-Id");

		assertThat(echoed).isEqualTo(id);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "has space", "line\r\nINFO forged", "semi;colon", "ünïcode",
			"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" })
	void requestWhenIdIsInvalidThenResponseCarriesAFreshOne(String invalid) throws Exception {
		String replaced = mvc.perform(get("/login").header("X-Request-Id", invalid))
			.andReturn()
			.getResponse()
			.getHeader("X-Request-Id");

		assertThat(replaced).matches(UUID).isNotEqualTo(invalid);
	}

	@Test
	void requestWhenNoIdIsSentThenEachResponseCarriesItsOwn() throws Exception {
		String first = mvc.perform(get("/login")).andReturn().getResponse().getHeader("X-Request-Id");
		String second = mvc.perform(get("/login")).andReturn().getResponse().getHeader("X-Request-Id");

		assertThat(first).matches(UUID);
		assertThat(second).matches(UUID).isNotEqualTo(first);
	}

	@Test
	void doFilterThenIdIsInTheLoggingContextDuringTheRequestOnly() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
		request.addHeader("X-Request-Id", "proxy-id-1");
		AtomicReference<String> duringRequest = new AtomicReference<>();

		new RequestIdFilter().doFilter(request, new MockHttpServletResponse(),
				new MockFilterChain(new HttpServlet() {
					@Override
					protected void service(HttpServletRequest req, HttpServletResponse res) {
						duringRequest.set(MDC.get("requestId"));
					}
				}));

		assertThat(duringRequest.get()).isEqualTo("proxy-id-1");
		assertThat(MDC.get("requestId")).isNull();
	}

	@Test
	void doFilterWhenRequestIsDispatchedToTheErrorPageThenItKeepsItsId() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
		MockHttpServletResponse response = new MockHttpServletResponse();
		RequestIdFilter filter = new RequestIdFilter();
		filter.doFilter(request, response, new MockFilterChain());
		String id = response.getHeader("X-Request-Id");

		request.setDispatcherType(DispatcherType.ERROR);
		AtomicReference<String> onErrorPage = new AtomicReference<>();
		filter.doFilter(request, response, new MockFilterChain(new HttpServlet() {
			@Override
			protected void service(HttpServletRequest req, HttpServletResponse res) {
				onErrorPage.set(MDC.get("requestId"));
			}
		}));

		assertThat(id).matches(UUID);
		assertThat(onErrorPage.get()).isEqualTo(id);
		assertThat(response.getHeader("X-Request-Id")).isEqualTo(id);
	}

}
