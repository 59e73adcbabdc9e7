package jp.localgov.casework.inquiry.process;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

import jp.localgov.casework.inquiry.Inquiry;
import jp.localgov.casework.inquiry.InquiryAttachment;
import jp.localgov.casework.inquiry.InquiryService;
import jp.localgov.casework.platform.process.FormText;
import jp.localgov.casework.platform.StaffGroup;
import jp.localgov.casework.referencedata.Municipality;
import jp.localgov.casework.referencedata.OfficeCalendar;
import jp.localgov.casework.referencedata.ReferenceData;
import org.camunda.bpm.engine.delegate.VariableScope;

import org.springframework.stereotype.Component;

/**
 * Copies what staff need to see of an inquiry into process variables for the Tasklist
 * forms (Japanese labels); long texts go in as JSON strings, beyond the 4,000 characters
 * of a plain string variable.
 */
@Component
class InquiryVariables {

	private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final InquiryService inquiries;

	private final ReferenceData referenceData;

	InquiryVariables(InquiryService inquiries, ReferenceData referenceData) {
		this.inquiries = inquiries;
		this.referenceData = referenceData;
	}

	/** Sets the display variables from the current state of the inquiry. */
	void refresh(VariableScope scope, Inquiry inquiry) {
		scope.setVariable(InquiryProcess.TRACKING_NUMBER, inquiry.getTrackingNumber());
		scope.setVariable(InquiryProcess.FIELD, inquiry.getField().name());
		scope.setVariable("fieldLabel", inquiry.getField().label("ja"));
		scope.setVariable("subject", inquiry.getSubject());
		scope.setVariable("applicantName", inquiry.getApplicantName());
		scope.setVariable("organization", inquiry.getOrganization());
		scope.setVariable("municipalityName",
				this.referenceData.municipality(inquiry.getMunicipalityCode())
					.map(Municipality::getFullName)
					.orElse("（指定なし）"));
		scope.setVariable("email", inquiry.getEmail());
		scope.setVariable("submittedAt", AT.format(inquiry.getSubmittedAt().atZone(OfficeCalendar.JAPAN)) + "（日本時間）");
		scope.setVariable("status", inquiry.getStatus().name());
		List<InquiryAttachment> files = this.inquiries.attachmentsOf(inquiry);
		scope.setVariable("attachmentsSummary",
				files.isEmpty() ? "（なし）"
						: files.stream()
							.map((file) -> file.getFilename() + "（" + (file.getSizeBytes() + 1023) / 1024 + " KB）")
							.collect(Collectors.joining("、")));
		scope.setVariable("body", FormText.of(inquiry.getBody()));
		scope.setVariable("conversation", FormText.of(conversation(inquiry)));
		scope.setVariable("returnHistory", FormText.of(returnHistory(inquiry)));
	}

	static String departmentLabel(String groupId) {
		for (StaffGroup group : StaffGroup.values()) {
			if (group.id().equals(groupId)) {
				return group.displayName();
			}
		}
		return groupId;
	}

	private static String conversation(Inquiry inquiry) {
		StringBuilder text = new StringBuilder();
		inquiry.getAnswers()
			.forEach((answer) -> text.append("【")
				.append(answer.getKind().name().equals("FINAL") ? "最終回答" : "中間回答")
				.append(" ")
				.append(AT.format(answer.getAt().atZone(OfficeCalendar.JAPAN)))
				.append(" ")
				.append(answer.getAnsweredBy())
				.append("】\n")
				.append(answer.getText())
				.append("\n\n"));
		inquiry.getInformationRequests().forEach((request) -> {
			text.append("【追加情報の依頼 ")
				.append(AT.format(request.getAskedAt().atZone(OfficeCalendar.JAPAN)))
				.append("】\n")
				.append(request.getQuestion())
				.append("\n\n");
			if (request.getReply() != null) {
				text.append("【申請者からの回答 ")
					.append(AT.format(request.getRepliedAt().atZone(OfficeCalendar.JAPAN)))
					.append("】\n")
					.append(request.getReply())
					.append("\n\n");
			}
		});
		return text.isEmpty() ? "（まだありません）" : text.toString().strip();
	}

	private static String returnHistory(Inquiry inquiry) {
		return inquiry.getReturns()
			.stream()
			.map((back) -> "【" + departmentLabel(back.getDepartment()) + " "
					+ AT.format(back.getAt().atZone(OfficeCalendar.JAPAN)) + "】" + back.getReason())
			.collect(Collectors.joining("\n"));
	}

}
