package jp.localgov.casework.inquiry;

import java.time.format.DateTimeFormatter;
import java.util.Map;

import jp.localgov.casework.platform.mail.MailOutbox;
import jp.localgov.casework.referencedata.OfficeCalendar;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The mails the applicant receives at each moment of the inquiry, in Japanese or English
 * by the applicant's language (templates {@code mail/inquiry-<lang>.txt}). The receipt
 * goes to an address nobody has confirmed yet, so it carries only the tracking number,
 * the field and the private link — nothing the sender typed.
 */
@Component
class InquiryMails {

	private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final MailOutbox outbox;

	private final TemplateEngine templates;

	private final String publicBaseUrl;

	InquiryMails(MailOutbox outbox, @Value("${casework.public-base-url}") String publicBaseUrl) {
		this.outbox = outbox;
		this.publicBaseUrl = publicBaseUrl;
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("mail/");
		resolver.setSuffix(".txt");
		resolver.setTemplateMode(TemplateMode.TEXT);
		resolver.setCharacterEncoding("UTF-8");
		this.templates = new SpringTemplateEngine();
		this.templates.setTemplateResolver(resolver);
	}

	void submitted(Inquiry inquiry, String token) {
		String link = UriComponentsBuilder.fromUriString(this.publicBaseUrl)
			.path("/portal/inquiries/{number}")
			.queryParam("token", token)
			.queryParam("lang", inquiry.getLanguage())
			.buildAndExpand(inquiry.getTrackingNumber())
			.toUriString();
		send(inquiry, "SUBMITTED", Map.of("link", link));
	}

	void stageReached(Inquiry inquiry) {
		send(inquiry, "STAGE", Map.of());
	}

	void answered(Inquiry inquiry, AnswerKind kind, String text) {
		send(inquiry, kind == AnswerKind.FINAL ? "FINAL" : "INTERIM", Map.of("text", text));
	}

	void informationRequested(Inquiry inquiry, String question) {
		send(inquiry, "INFORMATION_REQUESTED", Map.of("text", question));
	}

	void closedWithoutReply(Inquiry inquiry) {
		send(inquiry, "CLOSED", Map.of());
	}

	private void send(Inquiry inquiry, String kind, Map<String, Object> extra) {
		String language = inquiry.getLanguage();
		Context context = new Context();
		context.setVariable("kind", kind);
		context.setVariable("inquiry", inquiry);
		context.setVariable("field", inquiry.getField().label(language));
		context.setVariable("status", inquiry.getStatus().label(language));
		context.setVariable("submittedAt", AT.format(inquiry.getSubmittedAt().atZone(OfficeCalendar.JAPAN)));
		context.setVariable("portal", this.publicBaseUrl + "/portal/inquiries?lang=" + language);
		extra.forEach(context::setVariable);
		String rendered = this.templates.process("inquiry-" + language, context);
		int firstLineEnd = rendered.indexOf('\n');
		String subject = rendered.substring(0, firstLineEnd).strip();
		String body = rendered.substring(firstLineEnd + 1).strip() + "\n";
		this.outbox.queue(inquiry.getEmail(), subject, body, inquiry.getTrackingNumber());
	}

}
