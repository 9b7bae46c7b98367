package io.securityinfo.system;

import java.time.Duration;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * How the static files (styles, images) are cached. A file asked for by its content-hashed name
 * ({@code /css/app-<md5>.css}, the name every page links through {@code @{/css/app.css}}:
 * spring.web.resources.chain.strategy.content) is the same file for as long as that name exists, so browsers and
 * proxies keep it for a year without asking again. Its plain name stays served, revalidated on every use
 * (spring.web.resources.cache.cachecontrol.no-cache), for the rare page rendered outside the link rewriting (the
 * 503 page). Either way the resource handler sets Cache-Control itself, and Spring Security, which writes
 * "no-store" on every answer that has none, leaves it alone. Compression: server.compression.*.
 */
@Configuration(proxyBeanMethods = false)
class StaticFilesConfiguration implements WebMvcConfigurer {

	/** {@code /css/app-<32 hex digits of MD5>.css}, {@code /images/favicon-<…>.svg}. */
	static final String HASHED_STATIC_FILE = "/{directory:css|images|js}/{file:[\\w.-]+-[0-9a-f]{32}\\.\\w+}";

	static final Duration HASHED_STATIC_FILE_LIFETIME = Duration.ofDays(365);

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler(HASHED_STATIC_FILE)
			.addResourceLocations("classpath:/static/")
			.setCacheControl(CacheControl.maxAge(HASHED_STATIC_FILE_LIFETIME).cachePublic().immutable())
			.resourceChain(true)
			.addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
	}

}
