package jp.localgov.casework.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.localgov.casework.support.CaseworkSpringBootTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The findings of the security review against the portal and the inquiry API, each
 * refused over real HTTP with the right status, and nothing written or sent.
 */
@CaseworkSpringBootTest
class PortalAndApiHardeningTests {

	private static final String INQUIRY = """
			{"applicantName": "%s", "organization": "国際課", "email": "%s", "language": "ja",
			 "field": "GENERAL", "subject": "%s", "body": "%s"}""";

	@LocalServerPort
	int port;

	@Autowired
	IntakeProperties intake;

	@Autowired
	JdbcTemplate jdbc;

	private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

	@Test
	void anonymousSubmissionsOverTheLimitGet429WithRetryAfterOnTheApiAndAJapanesePageOnThePortal() throws Exception {
		String form = page("/portal/inquiries/new").body();
		HttpResponse<String> confirmed = postForm("/portal/inquiries/confirm", csrf(form), validForm("limit"));
		assertThat(confirmed.statusCode()).isEqualTo(302);
		String confirmation = page("/portal/inquiries/confirm").body();
		long before = inquiries();
		this.intake.setRateLimitPerMinute(2);
		try {
			for (int i = 0; i < 2; i++) {
				assertThat(postJson("/api/inquiries", inquiry("limit-" + i + "@city.example.jp")).statusCode())
					.isEqualTo(201);
			}
			HttpResponse<String> refused = postJson("/api/inquiries", inquiry("limit-2@city.example.jp"));
			assertThat(refused.statusCode()).isEqualTo(429);
			assertThat(refused.headers().firstValueAsLong("Retry-After").orElse(0)).isBetween(1L, 60L);
			assertThat(refused.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
			assertThat(refused.body()).contains("送信が多すぎます", "Too many requests");

			HttpResponse<String> portal = postForm("/portal/inquiries", csrf(confirmation),
					Map.of("draft", draft(confirmation)));
			assertThat(portal.statusCode()).isEqualTo(429);
			assertThat(portal.headers().firstValue("Retry-After")).isPresent();
			assertThat(portal.body()).contains("送信の回数が多すぎます", "分ほど時間をおいてから");
			assertThat(inquiries()).isEqualTo(before + 2);
		}
		finally {
			this.intake.setRateLimitPerMinute(0);
		}
	}

	@Test
	void theReceiptCarriesTheTrackingNumberTheFieldAndTheLinkButNothingTheSenderTyped() throws Exception {
		String address = "receipt-" + System.nanoTime() + "@city.example.jp";
		HttpResponse<String> created = postJson("/api/inquiries",
				INQUIRY.formatted("当選おめでとうございます", address, "今すぐ http://evil.example を開いてください", "賞金の受け取りはこちら"));
		assertThat(created.statusCode()).isEqualTo(201);
		Map<String, Object> mail = this.jdbc.queryForMap(
				"select subject, body from outgoing_mail where recipient = ? order by id desc limit 1", address);
		String text = mail.get("subject") + "\n" + mail.get("body");
		assertThat(text).contains("お問い合わせを受け付けました", "一般問い合わせ", "/portal/inquiries/INQ-", "token=")
			.doesNotContain("当選", "evil.example", "賞金");
	}

	@Test
	void pagesSendAContentSecurityPolicyWithoutInlineScriptAndTheOtherProtectiveHeaders() throws Exception {
		for (String path : new String[] { "/portal/inquiries/new", "/", "/api/municipalities?q=浜松" }) {
			HttpResponse<String> response = page(path);
			String policy = response.headers().firstValue("Content-Security-Policy").orElse("");
			assertThat(policy).as(path).contains("script-src 'self';", "frame-ancestors 'none'", "object-src 'none'");
			assertThat(
					policy.substring(policy.indexOf("script-src"), policy.indexOf(';', policy.indexOf("script-src"))))
				.doesNotContain("unsafe-inline", "unsafe-eval");
			assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
			assertThat(response.headers().firstValue("Permissions-Policy"))
				.hasValueSatisfying((value) -> assertThat(value).contains("camera=()", "geolocation=()"));
			assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		}
		String form = page("/portal/inquiries/new").body();
		assertThat(form).containsPattern("<script[^>]+src=").doesNotContainPattern("<script(?![^>]*src=)[^>]*>");
		assertThat(form).doesNotContainPattern("\\son[a-z]+=").doesNotContain("javascript:");
	}

	@Test
	void aFormPostedInShiftJisIsRefusedWith400InsteadOfBeingStoredAsReplacementCharacters() throws Exception {
		String form = page("/portal/inquiries/new").body();
		long drafts = this.jdbc.queryForObject("select count(*) from form_draft", Long.class);
		Map<String, String> fields = validForm("sjis");
		fields.put("_csrf", csrf(form));
		StringBuilder body = new StringBuilder();
		fields.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&")
			.append(name)
			.append('=')
			.append(URLEncoder.encode(value,
					name.equals("applicantName") ? Charset.forName("Shift_JIS") : StandardCharsets.UTF_8)));
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/portal/inquiries/confirm"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.US_ASCII)));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("送信された内容を読み取れませんでした");
		assertThat(this.jdbc.queryForObject("select count(*) from form_draft", Long.class)).isEqualTo(drafts);

		byte[] json = INQUIRY.formatted("佐々木", "sjis@city.example.jp", "件名", "本文")
			.getBytes(Charset.forName("Shift_JIS"));
		HttpResponse<String> api = send(HttpRequest.newBuilder(uri("/api/inquiries"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(json)));
		assertThat(api.statusCode()).isEqualTo(400);
	}

	@Test
	void aTooLargeUploadIs413WithAJapanesePageOnThePortalAndAProblemOnTheApi() throws Exception {
		String form = page("/portal/inquiries/new").body();
		byte[] big = new byte[12 * 1024 * 1024];
		HttpResponse<String> portal = postMultipart("/portal/inquiries/confirm?_csrf=" + csrf(form), validForm("big"),
				"attachments", "big.pdf", big);
		assertThat(portal.statusCode()).isEqualTo(413);
		assertThat(portal.body()).contains("送信されたデータが大きすぎます", "10MB");

		HttpResponse<String> created = postJson("/api/inquiries", inquiry("big@city.example.jp"));
		String number = field(created.body(), "trackingNumber");
		String token = field(created.body(), "accessToken");
		HttpResponse<String> api = send(
				multipart(HttpRequest.newBuilder(uri("/api/inquiries/" + number + "/attachments"))
					.header("X-Access-Token", token), Map.of(), "file", "big.pdf", big));
		assertThat(api.statusCode()).isEqualTo(413);
		assertThat(api.body()).contains("リクエストが大きすぎます", "Request too large");
	}

	@Test
	void anAttachmentWhoseBytesAreNotAnAcceptedTypeIsRefusedWith415() throws Exception {
		HttpResponse<String> created = postJson("/api/inquiries", inquiry("types@city.example.jp"));
		String number = field(created.body(), "trackingNumber");
		String token = field(created.body(), "accessToken");
		for (String[] file : new String[][] { { "setup.exe", "MZ\u0090\u0000" },
				{ "page.html", "<html><script>x</script></html>" },
				{ "logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>" }, { "計画書.docx", "%PDF-1.4\n%%EOF" } }) {
			HttpResponse<String> refused = send(multipart(
					HttpRequest.newBuilder(uri("/api/inquiries/" + number + "/attachments"))
						.header("X-Access-Token", token),
					Map.of(), "file", file[0], file[1].getBytes(StandardCharsets.UTF_8)));
			assertThat(refused.statusCode()).as(file[0]).isEqualTo(415);
			assertThat(refused.body()).contains("添付できません", file[0]);
		}
		assertThat(this.jdbc.queryForObject(
				"select count(*) from inquiry_attachment a join inquiry i on i.id = a.inquiry_id where i.tracking_number = ?",
				Long.class, number))
			.isZero();

		String form = page("/portal/inquiries/new").body();
		HttpResponse<String> portal = postMultipart("/portal/inquiries/confirm?_csrf=" + csrf(form), validForm("types"),
				"attachments", "page.html", "<html><script>x</script></html>".getBytes(StandardCharsets.UTF_8));
		assertThat(portal.statusCode()).isEqualTo(415);
		assertThat(portal.body()).contains("ファイル「page.html」は添付できません。");
	}

	// ---- helpers

	private static Map<String, String> validForm(String who) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("applicantName", "佐々木 葵");
		form.put("organization", "浜松市 国際課");
		form.put("municipalityCode", "221309");
		form.put("email", who + "@hamamatsu.example.jp");
		form.put("field", "GENERAL");
		form.put("subject", "手続きについて");
		form.put("body", "教えてください。");
		form.put("consent", "true");
		return form;
	}

	private static String inquiry(String email) {
		return INQUIRY.formatted("佐々木 葵", email, "手続きについて", "教えてください。");
	}

	private HttpResponse<String> page(String path) {
		return send(HttpRequest.newBuilder(uri(path)).GET());
	}

	private HttpResponse<String> postJson(String path, String json) {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
	}

	private HttpResponse<String> postForm(String path, String csrf, Map<String, String> fields) {
		StringBuilder body = new StringBuilder("_csrf=").append(URLEncoder.encode(csrf, StandardCharsets.UTF_8));
		fields.forEach((name, value) -> body.append('&')
			.append(name)
			.append('=')
			.append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body.toString())));
	}

	private HttpResponse<String> postMultipart(String path, Map<String, String> fields, String fileField,
			String filename, byte[] content) {
		return send(multipart(HttpRequest.newBuilder(uri(path)), fields, fileField, filename, content));
	}

	private static HttpRequest.Builder multipart(HttpRequest.Builder request, Map<String, String> fields,
			String fileField, String filename, byte[] content) {
		String boundary = "----casework" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		fields.forEach((name, value) -> body.writeBytes(
				("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
					.getBytes(StandardCharsets.UTF_8)));
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
				+ filename + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return request.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path.replace("浜松", "%E6%B5%9C%E6%9D%BE"));
	}

	private long inquiries() {
		return this.jdbc.queryForObject("select count(*) from inquiry", Long.class);
	}

	private static String csrf(String page) {
		return match(page, "name=\"_csrf\" value=\"([^\"]+)\"");
	}

	private static String draft(String page) {
		return match(page, "name=\"draft\" value=\"([^\"]+)\"");
	}

	private static String field(String json, String name) {
		return match(json, "\"" + name + "\"\\s*:\\s*\"([^\"]+)\"");
	}

	private static String match(String text, String regex) {
		Matcher matcher = Pattern.compile(regex).matcher(text);
		assertThat(matcher.find()).as(regex).isTrue();
		return matcher.group(1);
	}

}
