package jp.localgov.casework.platform.web;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolationException;
import jp.localgov.casework.platform.BusinessRuleException;
import jp.localgov.casework.platform.InvalidInputException;
import jp.localgov.casework.platform.NotFoundException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Answers every bad request to our APIs with a {@code ProblemDetail} that names the
 * offending field in Japanese and English, and never with a stack trace.
 */
@RestControllerAdvice(basePackages = "jp.localgov.casework")
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	@ExceptionHandler(NotFoundException.class)
	ProblemDetail notFound(NotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "見つかりません / Not found", ex.getMessage());
	}

	@ExceptionHandler(BusinessRuleException.class)
	ProblemDetail conflict(BusinessRuleException ex) {
		return problem(HttpStatus.CONFLICT, "現在の状態では受け付けられません / Not possible now", ex.getMessage());
	}

	@ExceptionHandler(InvalidInputException.class)
	ProblemDetail invalidInput(InvalidInputException ex) {
		return invalid(List.of(Map.of("field", ex.getField(), "message", String.valueOf(ex.getMessage()))));
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ProblemDetail constraintViolation(ConstraintViolationException ex) {
		List<Map<String, String>> errors = ex.getConstraintViolations()
			.stream()
			.map((violation) -> Map.of("field", lastNode(violation.getPropertyPath().toString()), "message",
					violation.getMessage()))
			.toList();
		return invalid(errors);
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(ApiExceptionHandler::fieldError)
			.toList();
		return ResponseEntity.badRequest().body(invalid(errors));
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = ex.getParameterValidationResults()
			.stream()
			.flatMap((result) -> result.getResolvableErrors()
				.stream()
				.map((error) -> Map.of("field", String.valueOf(result.getMethodParameter().getParameterName()),
						"message", String.valueOf(error.getDefaultMessage()))))
			.toList();
		return ResponseEntity.badRequest().body(invalid(errors));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String detail = "リクエストの JSON を読み取れません。 / The request body is not valid JSON.";
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "不正なリクエスト / Malformed request", detail);
		if (ex.getCause() instanceof UnrecognizedPropertyException unknown) {
			problem
				.setDetail("不明な項目です: " + unknown.getPropertyName() + " / Unknown field: " + unknown.getPropertyName());
			problem.setProperty("errors",
					List.of(Map.of("field", unknown.getPropertyName(), "message", "不明な項目です / unknown field")));
		}
		else if (ex.getCause() instanceof InvalidFormatException invalid && !invalid.getPath().isEmpty()) {
			String field = invalid.getPath().get(invalid.getPath().size() - 1).getFieldName();
			problem.setDetail("値の形式が正しくありません: " + field + " / Invalid value for " + field);
			problem.setProperty("errors", List.of(Map.of("field", String.valueOf(field), "message",
					"値の形式が正しくありません / invalid value: " + invalid.getValue())));
		}
		else if (ex.getCause() instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()) {
			String field = mismatched.getPath().get(mismatched.getPath().size() - 1).getFieldName();
			problem.setDetail("値の型が正しくありません: " + field + " / Wrong type for " + field);
			problem.setProperty("errors",
					List.of(Map.of("field", String.valueOf(field), "message", "値の型が正しくありません / wrong type")));
		}
		return ResponseEntity.badRequest().body(problem);
	}

	private static Map<String, String> fieldError(FieldError error) {
		return Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage()));
	}

	private static ProblemDetail invalid(List<Map<String, String>> errors) {
		String fields = String.join(", ", errors.stream().map((error) -> error.get("field")).distinct().toList());
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "入力内容に誤りがあります / Invalid input",
				"次の項目を確認してください: " + fields + " / Please check: " + fields);
		problem.setProperty("errors", errors);
		return problem;
	}

	private static ProblemDetail problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return problem;
	}

	private static String lastNode(String propertyPath) {
		int dot = propertyPath.lastIndexOf('.');
		return (dot < 0) ? propertyPath : propertyPath.substring(dot + 1);
	}

}
