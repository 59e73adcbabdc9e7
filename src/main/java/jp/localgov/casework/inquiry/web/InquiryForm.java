package jp.localgov.casework.inquiry.web;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;

import jp.localgov.casework.inquiry.InquiryField;
import jp.localgov.casework.inquiry.NewInquiry;

import org.springframework.web.multipart.MultipartFile;

/**
 * The inquiry form of the applicant portal exactly as the applicant filled it in, so that
 * nothing is lost when it comes back with errors.
 */
class InquiryForm {

	private String applicantName;

	private String organization;

	private String municipalityCode;

	private String email;

	private String field;

	private String subject;

	private String body;

	private MultipartFile[] attachments;

	/**
	 * The submission as the service takes it: an empty municipality code means none,
	 * full-width digits count as digits and line breaks are kept as {@code \n}.
	 */
	NewInquiry toNewInquiry(String language) {
		return new NewInquiry(this.applicantName, this.organization, municipality(), strip(this.email), language,
				serviceField(), this.subject, (this.body != null) ? this.body.replace("\r\n", "\n") : null);
	}

	/**
	 * The files actually chosen (a file input left empty still sends a nameless part).
	 */
	List<MultipartFile> chosenFiles() {
		if (this.attachments == null) {
			return List.of();
		}
		return Arrays.stream(this.attachments)
			.filter((file) -> file != null && (!file.isEmpty() || hasName(file)))
			.toList();
	}

	private String municipality() {
		if (this.municipalityCode == null) {
			return null;
		}
		String code = Normalizer.normalize(this.municipalityCode, Normalizer.Form.NFKC).strip();
		return code.isEmpty() ? null : code;
	}

	private InquiryField serviceField() {
		return Arrays.stream(InquiryField.values())
			.filter((candidate) -> candidate.name().equals(this.field))
			.findFirst()
			.orElse(null);
	}

	private static boolean hasName(MultipartFile file) {
		return file.getOriginalFilename() != null && !file.getOriginalFilename().isBlank();
	}

	private static String strip(String value) {
		return (value != null) ? value.strip() : null;
	}

	public String getApplicantName() {
		return this.applicantName;
	}

	public void setApplicantName(String applicantName) {
		this.applicantName = applicantName;
	}

	public String getOrganization() {
		return this.organization;
	}

	public void setOrganization(String organization) {
		this.organization = organization;
	}

	public String getMunicipalityCode() {
		return this.municipalityCode;
	}

	public void setMunicipalityCode(String municipalityCode) {
		this.municipalityCode = municipalityCode;
	}

	public String getEmail() {
		return this.email;
	}

	public void setEmail(String email) {
		this.email = email;
	}

	public String getField() {
		return this.field;
	}

	public void setField(String field) {
		this.field = field;
	}

	public String getSubject() {
		return this.subject;
	}

	public void setSubject(String subject) {
		this.subject = subject;
	}

	public String getBody() {
		return this.body;
	}

	public void setBody(String body) {
		this.body = body;
	}

	public MultipartFile[] getAttachments() {
		return this.attachments;
	}

	public void setAttachments(MultipartFile[] attachments) {
		this.attachments = attachments;
	}

}
