package jp.localgov.casework.platform.web;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jp.localgov.casework.platform.BusinessRuleException;
import jp.localgov.casework.platform.InvalidInputException;
import jp.localgov.casework.platform.NotFoundException;
import jp.localgov.casework.platform.UnsupportedAttachmentException;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
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
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Answers every bad request to our APIs with a {@code ProblemDetail} whose title and
 * detail come from the message bundles, Japanese then English, naming the offending
 * field, and never with a stack trace.
 */
@RestControllerAdvice(basePackages = "jp.localgov.casework")
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private final Texts texts;

	ApiExceptionHandler(Texts texts) {
		this.texts = texts;
	}

	@ExceptionHandler(NotFoundException.class)
	ProblemDetail notFound(NotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "api.notFound", this.texts.bilingual(ex));
	}

	@ExceptionHandler(BusinessRuleException.class)
	ProblemDetail conflict(BusinessRuleException ex) {
		return problem(HttpStatus.CONFLICT, "api.conflict", this.texts.bilingual(ex));
	}

	@ExceptionHandler(InvalidInputException.class)
	ProblemDetail invalidInput(InvalidInputException ex) {
		return invalid(List.of(error(ex.getField(), this.texts.bilingual(ex))));
	}

	@ExceptionHandler(LoginRequiredException.class)
	ResponseEntity<ProblemDetail> loginRequired() {
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
			.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"casework\"")
			.body(problem(HttpStatus.UNAUTHORIZED, "api.loginRequired",
					this.texts.bilingual("api.loginRequired.detail")));
	}

	@ExceptionHandler(AccessRefusedException.class)
	ProblemDetail accessRefused(AccessRefusedException ex) {
		return problem(HttpStatus.FORBIDDEN, "api.forbidden", this.texts.bilingual(ex.getCode()));
	}

	@ExceptionHandler(TooManyRequestsException.class)
	ResponseEntity<ProblemDetail> tooManyRequests(TooManyRequestsException ex) {
		ProblemDetail problem = problem(HttpStatus.TOO_MANY_REQUESTS, "api.tooManyRequests",
				this.texts.bilingual("api.tooManyRequests.detail", ex.getRetryAfterSeconds()));
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, String.valueOf(ex.getRetryAfterSeconds()))
			.body(problem);
	}

	@ExceptionHandler(UndecodableInputException.class)
	ProblemDetail undecodable() {
		return problem(HttpStatus.BAD_REQUEST, "api.malformed", this.texts.bilingual("api.undecodable.detail"));
	}

	@ExceptionHandler(UnsupportedAttachmentException.class)
	ProblemDetail unsupportedAttachment(UnsupportedAttachmentException ex) {
		ProblemDetail problem = problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "api.unsupportedType",
				this.texts.bilingual(ex));
		problem.setProperty("errors", List.of(error("file", this.texts.bilingual(ex))));
		return problem;
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ProblemDetail constraintViolation(ConstraintViolationException ex) {
		return invalid(ex.getConstraintViolations()
			.stream()
			.map((violation) -> error(lastNode(violation.getPropertyPath().toString()), message(violation)))
			.toList());
	}

	@Override
	protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
			.body(problem(HttpStatus.PAYLOAD_TOO_LARGE, "api.tooLarge", this.texts.bilingual("api.tooLarge.detail")));
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.badRequest()
			.body(invalid(ex.getBindingResult().getFieldErrors().stream().map(this::fieldError).toList()));
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = ex.getParameterValidationResults()
			.stream()
			.flatMap((result) -> result.getResolvableErrors().stream().map((error) -> {
				ConstraintViolation<?> violation = result.unwrap(error, ConstraintViolation.class);
				return error(String.valueOf(result.getMethodParameter().getParameterName()), (violation != null)
						? message(violation) : this.texts.bilingual(literal(error.getDefaultMessage())));
			}))
			.toList();
		return ResponseEntity.badRequest().body(invalid(errors));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "api.malformed",
				this.texts.bilingual("api.malformed.detail"));
		if (ex.getCause() instanceof UnrecognizedPropertyException unknown) {
			String field = unknown.getPropertyName();
			problem.setDetail(this.texts.bilingual("api.field.unknown.detail", field));
			problem.setProperty("errors", List.of(error(field, this.texts.bilingual("api.field.unknown"))));
		}
		else if (ex.getCause() instanceof InvalidFormatException invalid && !invalid.getPath().isEmpty()) {
			String field = String.valueOf(invalid.getPath().get(invalid.getPath().size() - 1).getFieldName());
			problem.setDetail(this.texts.bilingual("api.field.invalidValue.detail", field));
			problem.setProperty("errors",
					List.of(error(field, this.texts.bilingual("api.field.invalidValue", invalid.getValue()))));
		}
		else if (ex.getCause() instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()) {
			String field = String.valueOf(mismatched.getPath().get(mismatched.getPath().size() - 1).getFieldName());
			problem.setDetail(this.texts.bilingual("api.field.wrongType.detail", field));
			problem.setProperty("errors", List.of(error(field, this.texts.bilingual("api.field.wrongType"))));
		}
		return ResponseEntity.badRequest().body(problem);
	}

	private Map<String, String> fieldError(FieldError error) {
		if (error.contains(ConstraintViolation.class)) {
			return error(error.getField(), message(error.unwrap(ConstraintViolation.class)));
		}
		return error(error.getField(), this.texts.bilingual(literal(error.getDefaultMessage())));
	}

	/**
	 * A bean validation message in both languages: its template names a code of the
	 * bundles ({@code {inquiry.NotBlank.subject}}), or it is a literal text.
	 */
	private String message(ConstraintViolation<?> violation) {
		String template = violation.getMessageTemplate();
		if (template.startsWith("{") && template.endsWith("}") && !template.startsWith("{jakarta.")
				&& !template.startsWith("{org.")) {
			return this.texts.bilingual(template.substring(1, template.length() - 1));
		}
		return violation.getMessage();
	}

	private ProblemDetail invalid(List<Map<String, String>> errors) {
		String fields = String.join(", ", errors.stream().map((error) -> error.get("field")).distinct().toList());
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "api.invalid",
				this.texts.bilingual("api.invalid.detail", fields));
		problem.setProperty("errors", errors);
		return problem;
	}

	private ProblemDetail problem(HttpStatus status, String titleCode, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(this.texts.bilingual(titleCode));
		return problem;
	}

	private static Map<String, String> error(String field, String message) {
		return Map.of("field", String.valueOf(field), "message", String.valueOf(message));
	}

	private static MessageSourceResolvable literal(String text) {
		return new DefaultMessageSourceResolvable(null, text);
	}

	private static String lastNode(String propertyPath) {
		int dot = propertyPath.lastIndexOf('.');
		return (dot < 0) ? propertyPath : propertyPath.substring(dot + 1);
	}

}
