package jp.localgov.casework.platform.web;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jp.localgov.casework.platform.StoredQueryInspector;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.util.StreamUtils;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Mitigates CVE-2026-109432: rejects with 400, before the engine sees it, every task
 * query or task filter (engine REST API and the web applications' API alike) that carries
 * an expression anywhere — a {@code ...Expression} parameter or a {@code ${...}} /
 * {@code #{...}} value, in the query itself, in its {@code orQueries}, in a stored filter
 * or in a filter's extending query.
 */
@Component
public class TaskQueryExpressionGuard extends OncePerRequestFilter {

	/**
	 * Task and filter resources below an engine REST root, with or without a named
	 * engine.
	 */
	private static final Pattern GUARDED = Pattern.compile(
			"^(?:/engine-rest|/[^/]+/api/engine/engine/[^/]+)(?:/engine/[^/]+)?/(?:task(?:/count)?|filter(?:/.*)?)/?$",
			Pattern.CASE_INSENSITIVE);

	/** Execution of a stored filter: {@code .../filter/{id}/list|count|singleResult}. */
	private static final Pattern FILTER_EXECUTION = Pattern.compile(".*/filter/([^/]+)/(?:list|count|singleResult)/?$",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{");

	private static final int MAX_INSPECTED_BODY = 1024 * 1024;

	private final ObjectMapper objectMapper;

	private final StoredQueryInspector storedQueries;

	public TaskQueryExpressionGuard(ObjectMapper objectMapper, StoredQueryInspector storedQueries) {
		this.objectMapper = objectMapper;
		this.storedQueries = storedQueries;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !GUARDED.matcher(RequestPaths.routedPath(request)).matches();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Matcher filterExecution = FILTER_EXECUTION.matcher(RequestPaths.routedPath(request));
		if (filterExecution.matches() && this.storedQueries.carriesExpression(filterExecution.group(1))) {
			reject(request, response, "filter " + filterExecution.group(1));
			return;
		}
		for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
			if (isExpressionName(parameter.getKey())) {
				reject(request, response, parameter.getKey());
				return;
			}
			for (String value : parameter.getValue()) {
				if (value != null && EXPRESSION.matcher(value).find()) {
					reject(request, response, parameter.getKey());
					return;
				}
			}
		}
		HttpServletRequest inspected = request;
		if (request.getContentLength() != 0 && !"GET".equals(request.getMethod())) {
			byte[] body = StreamUtils.copyToByteArray(request.getInputStream());
			if (body.length > MAX_INSPECTED_BODY) {
				reject(request, response, "(body too large to inspect)");
				return;
			}
			String offending = findExpression(body);
			if (offending != null) {
				reject(request, response, offending);
				return;
			}
			inspected = new ReplayedBodyRequest(request, body);
		}
		chain.doFilter(inspected, response);
	}

	/**
	 * Path of the first expression in a JSON body (or anywhere in a body that is not
	 * JSON), or {@code null}.
	 */
	private String findExpression(byte[] body) {
		if (body.length == 0) {
			return null;
		}
		try {
			return findExpression(this.objectMapper.readTree(body), "");
		}
		catch (IOException notJson) {
			return EXPRESSION.matcher(new String(body, StandardCharsets.UTF_8)).find() ? "(request body)" : null;
		}
	}

	private static String findExpression(JsonNode node, String path) {
		if (node == null) {
			return null;
		}
		if (node.isTextual()) {
			return EXPRESSION.matcher(node.textValue()).find() ? path : null;
		}
		if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				String found = findExpression(node.get(i), path + "[" + i + "]");
				if (found != null) {
					return found;
				}
			}
		}
		if (node.isObject()) {
			Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
			while (fields.hasNext()) {
				Map.Entry<String, JsonNode> field = fields.next();
				String fieldPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
				if (isExpressionName(field.getKey()) && !field.getValue().isNull()) {
					return fieldPath;
				}
				String found = findExpression(field.getValue(), fieldPath);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	private static boolean isExpressionName(String name) {
		return name.endsWith("Expression");
	}

	private void reject(HttpServletRequest request, HttpServletResponse response, String where) throws IOException {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"タスクの検索条件やフィルターに式（${...}）は使用できません。 / Expressions are not allowed in task queries or filters.");
		problem.setTitle("式を含む検索条件 / Expression in task query");
		problem.setProperty("parameter", where);
		problem.setProperty("type", "InvalidRequestException");
		problem.setProperty("message", problem.getDetail());
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		this.objectMapper.writeValue(response.getOutputStream(), problem);
	}

	/**
	 * The original request with its already-read body offered again to the API behind.
	 */
	private static final class ReplayedBodyRequest extends HttpServletRequestWrapper {

		private final byte[] body;

		ReplayedBodyRequest(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public int read() throws IOException {
					return in.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) throws IOException {
					return in.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("Synchronous reading only");
				}

			};
		}

		@Override
		public BufferedReader getReader() {
			return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
		}

		@Override
		public int getContentLength() {
			return this.body.length;
		}

		@Override
		public long getContentLengthLong() {
			return this.body.length;
		}

	}

}
