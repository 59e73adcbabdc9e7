package jp.localgov.casework.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plain HTTP client against the running application, as a browser or an integration
 * would call it: HTTP Basic for the APIs, and the one staff login ({@code /login}) whose
 * session the Camunda web applications share, with their XSRF cookie echoed. Redirects
 * are not followed.
 */
public final class HttpClientSupport {

	private final String baseUrl;

	private final CookieManager cookies = new CookieManager();

	private final HttpClient client;

	private final Map<String, String> headers = new LinkedHashMap<>();

	public HttpClientSupport(int port) {
		this.baseUrl = "http://localhost:" + port;
		this.client = HttpClient.newBuilder().cookieHandler(this.cookies).build();
	}

	/**
	 * Sends every request as if a trusted proxy forwarded it from {@code address}
	 * ({@code X-Forwarded-For}).
	 */
	public HttpClientSupport forwardedFor(String address) {
		this.headers.put("X-Forwarded-For", address);
		return this;
	}

	/** Sends every request with this header as well. */
	public HttpClientSupport withHeader(String name, String value) {
		this.headers.put(name, value);
		return this;
	}

	/** The cookies this client holds, as a browser would. */
	public CookieManager cookies() {
		return this.cookies;
	}

	public HttpResponse<String> get(String path, String user, String password) {
		return send(request(path, user, password).GET().build());
	}

	/** A page as a browser asks for it ({@code Accept: text/html}). */
	public HttpResponse<String> getHtml(String path) {
		return send(request(path, null, null).setHeader("Accept", "text/html").GET().build());
	}

	public HttpResponse<String> getWithHeader(String path, String header, String value) {
		return send(request(path, null, null).header(header, value).GET().build());
	}

	public HttpResponse<String> postJson(String path, String json, String user, String password) {
		return send(request(path, user, password).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build());
	}

	public HttpResponse<String> putJson(String path, String json, String user, String password) {
		return send(request(path, user, password).header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(json))
			.build());
	}

	/**
	 * Signs in at the one staff login as a browser does: fetch {@code /login} for the
	 * CSRF token, post the form.
	 * @return the answer to the form (a redirect: to where the person was going, or back
	 * to {@code /login?error} or {@code /login?locked})
	 */
	public HttpResponse<String> staffLogin(String user, String password) {
		return formLogin("/login", user, password);
	}

	/** Signs in at a login form ({@code /login} or {@code /portal/login}). */
	public HttpResponse<String> formLogin(String loginPage, String user, String password) {
		String page = getHtml(loginPage).body();
		String form = "username=" + encode(user) + "&password=" + encode(password) + "&_csrf="
				+ encode(csrfToken(page));
		return postForm(loginPage, form);
	}

	/**
	 * A form post ({@code application/x-www-form-urlencoded}) in this client's session.
	 */
	public HttpResponse<String> postForm(String path, String form) {
		return send(request(path, null, null).setHeader("Accept", "text/html")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build());
	}

	/** The CSRF token of a page's form ({@code <input name="_csrf">}). */
	public static String csrfToken(String html) {
		Matcher token = CSRF_FIELD.matcher(html);
		if (!token.find()) {
			throw new IllegalStateException("no CSRF token in the page");
		}
		return token.group(1);
	}

	private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	/**
	 * Signs in at the one staff login, then opens a Camunda web application in the same
	 * session (which also hands out its XSRF cookie).
	 * @return the application's page: 200 when the person may use it, 403 when not, a
	 * redirect to the login when the login failed
	 */
	public HttpResponse<String> webappLogin(String app, String user, String password) {
		staffLogin(user, password);
		return getHtml("/camunda/app/" + app + "/default/");
	}

	/** A JSON request inside the web application session (XSRF token echoed). */
	public HttpResponse<String> webappPostJson(String path, String json) {
		return webappSend("POST", path, json);
	}

	/**
	 * A request with a JSON body (or none) inside the web application session (XSRF token
	 * echoed).
	 */
	public HttpResponse<String> webappSend(String method, String path, String json) {
		HttpRequest.Builder builder = request(path, null, null).header("X-XSRF-TOKEN", xsrfToken());
		if (json == null) {
			builder.method(method, HttpRequest.BodyPublishers.noBody());
		}
		else {
			builder.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(json));
		}
		return send(builder.build());
	}

	/** Any request with a JSON body (or none), HTTP Basic when a user is given. */
	public HttpResponse<String> send(String method, String path, String json, String user, String password) {
		HttpRequest.Builder builder = request(path, user, password);
		if (json == null) {
			builder.method(method, HttpRequest.BodyPublishers.noBody());
		}
		else {
			builder.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(json));
		}
		return send(builder.build());
	}

	private String xsrfToken() {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> cookie.getName().equals("XSRF-TOKEN"))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElse("");
	}

	private HttpRequest.Builder request(String path, String user, String password) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.header("Accept", "application/json");
		this.headers.forEach(builder::header);
		if (user != null) {
			String credentials = Base64.getEncoder()
				.encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
			builder.header("Authorization", "Basic " + credentials);
		}
		return builder;
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
