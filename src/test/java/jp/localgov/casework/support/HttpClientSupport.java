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

/**
 * A plain HTTP client against the running application, as a browser or an integration
 * would call it: HTTP Basic for the APIs, and a Camunda web application session with its
 * XSRF cookie echoed.
 */
public final class HttpClientSupport {

	private final String baseUrl;

	private final CookieManager cookies = new CookieManager();

	private final HttpClient client;

	public HttpClientSupport(int port) {
		this.baseUrl = "http://localhost:" + port;
		this.client = HttpClient.newBuilder().cookieHandler(this.cookies).build();
	}

	public HttpResponse<String> get(String path, String user, String password) {
		return send(request(path, user, password).GET().build());
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
	 * Logs in to a Camunda web application the way its login page does: fetch the page
	 * for the XSRF cookie, then post the form with the cookie echoed as
	 * {@code X-XSRF-TOKEN}.
	 * @return the login response (200 when the person may use the application)
	 */
	public HttpResponse<String> webappLogin(String app, String user, String password) {
		get("/camunda/app/" + app + "/default/", null, null);
		String form = "username=" + encode(user) + "&password=" + encode(password);
		return send(
				HttpRequest.newBuilder(URI.create(this.baseUrl + "/camunda/api/admin/auth/user/default/login/" + app))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.header("X-XSRF-TOKEN", xsrfToken())
					.POST(HttpRequest.BodyPublishers.ofString(form))
					.build());
	}

	/** A JSON request inside the web application session (XSRF token echoed). */
	public HttpResponse<String> webappPostJson(String path, String json) {
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.header("Content-Type", "application/json")
			.header("X-XSRF-TOKEN", xsrfToken())
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build());
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
