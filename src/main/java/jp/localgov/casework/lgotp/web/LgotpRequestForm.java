package jp.localgov.casework.lgotp.web;

import java.text.Normalizer;
import java.util.Arrays;

import jp.localgov.casework.lgotp.HostingPlan;
import jp.localgov.casework.lgotp.LgotpViews.HostRequestView;
import jp.localgov.casework.lgotp.TrainingField;

/**
 * The hosting request form of the portal exactly as the local government filled it in, so
 * that nothing is lost when it comes back with errors.
 */
class LgotpRequestForm {

	private String trainingField;

	private String preferredCountry;

	private String preferredLanguage;

	private String trainingMonths;

	private String programmeOutline;

	private String hostContactName;

	private String hostContactEmail;

	/** The form filled in with a stored request, for editing it. */
	static LgotpRequestForm of(HostRequestView request) {
		LgotpRequestForm form = new LgotpRequestForm();
		form.trainingField = request.field().name();
		form.preferredCountry = request.preferredCountry();
		form.preferredLanguage = request.preferredLanguage();
		form.trainingMonths = String.valueOf(request.months());
		form.programmeOutline = request.programmeOutline();
		form.hostContactName = request.contactName();
		form.hostContactEmail = request.contactEmail();
		return form;
	}

	/**
	 * The plan as the service takes it: an unknown field or a months value that is not a
	 * number count as missing (see {@link #monthsNotANumber()}), full-width digits count
	 * as digits, single-line values are stripped and line breaks are kept as {@code \n}.
	 */
	HostingPlan toPlan() {
		return new HostingPlan(field(), strip(this.preferredCountry), strip(this.preferredLanguage), months(),
				(this.programmeOutline != null) ? this.programmeOutline.replace("\r\n", "\n") : null,
				strip(this.hostContactName), strip(this.hostContactEmail));
	}

	/** Whether something was entered as the months that is not a whole number. */
	boolean monthsNotANumber() {
		return !normalizedMonths().isEmpty() && months() == null;
	}

	private TrainingField field() {
		return Arrays.stream(TrainingField.values())
			.filter((candidate) -> candidate.name().equals(this.trainingField))
			.findFirst()
			.orElse(null);
	}

	private Integer months() {
		String months = normalizedMonths();
		if (!months.matches("\\d{1,3}")) {
			return null;
		}
		return Integer.valueOf(months);
	}

	private String normalizedMonths() {
		return (this.trainingMonths != null) ? Normalizer.normalize(this.trainingMonths, Normalizer.Form.NFKC).strip()
				: "";
	}

	private static String strip(String value) {
		return (value != null) ? value.strip() : null;
	}

	public String getTrainingField() {
		return this.trainingField;
	}

	public void setTrainingField(String trainingField) {
		this.trainingField = trainingField;
	}

	public String getPreferredCountry() {
		return this.preferredCountry;
	}

	public void setPreferredCountry(String preferredCountry) {
		this.preferredCountry = preferredCountry;
	}

	public String getPreferredLanguage() {
		return this.preferredLanguage;
	}

	public void setPreferredLanguage(String preferredLanguage) {
		this.preferredLanguage = preferredLanguage;
	}

	public String getTrainingMonths() {
		return this.trainingMonths;
	}

	public void setTrainingMonths(String trainingMonths) {
		this.trainingMonths = trainingMonths;
	}

	public String getProgrammeOutline() {
		return this.programmeOutline;
	}

	public void setProgrammeOutline(String programmeOutline) {
		this.programmeOutline = programmeOutline;
	}

	public String getHostContactName() {
		return this.hostContactName;
	}

	public void setHostContactName(String hostContactName) {
		this.hostContactName = hostContactName;
	}

	public String getHostContactEmail() {
		return this.hostContactEmail;
	}

	public void setHostContactEmail(String hostContactEmail) {
		this.hostContactEmail = hostContactEmail;
	}

}
