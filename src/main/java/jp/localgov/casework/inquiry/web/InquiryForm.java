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

	private boolean consent;

	private boolean discardFiles;

	/** The form as it was sent to the confirmation, for going back to change it. */
	static InquiryForm of(NewInquiry draft) {
		InquiryForm form = new InquiryForm();
		form.applicantName = draft.applicantName();
		form.organization = draft.organization();
		form.municipalityCode = draft.municipalityCode();
		form.email = draft.email();
		form.field = (draft.field() != null) ? draft.field().name() : null;
		form.subject = draft.subject();
		form.body = draft.body();
		form.consent = true;
		return form;
	}

	/**
	 * The submission as the service takes it: an empty municipality code means none,
	 * full-width letters, digits and signs of the code and the e-mail address count as
	 * their ASCII forms (＠ is @), names and subject lose surrounding blanks and line
	 * breaks are kept as {@code \n}.
	 */
	NewInquiry toNewInquiry(String language) {
		return new NewInquiry(strip(this.applicantName), strip(this.organization), municipality(),
				halfWidth(this.email), language, serviceField(), strip(this.subject),
				(this.body != null) ? this.body.replace("\r\n", "\n") : null);
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
		String code = halfWidth(this.municipalityCode);
		return (code == null || code.isEmpty()) ? null : code;
	}

	/**
	 * NFKC: full-width letters, digits and signs as ASCII, without surrounding blanks.
	 */
	private static String halfWidth(String value) {
		return (value != null) ? Normalizer.normalize(value, Normalizer.Form.NFKC).strip() : null;
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

	public boolean isConsent() {
		return this.consent;
	}

	public void setConsent(boolean consent) {
		this.consent = consent;
	}

	public boolean isDiscardFiles() {
		return this.discardFiles;
	}

	public void setDiscardFiles(boolean discardFiles) {
		this.discardFiles = discardFiles;
	}

	public MultipartFile[] getAttachments() {
		return this.attachments;
	}

	public void setAttachments(MultipartFile[] attachments) {
		this.attachments = attachments;
	}

}
