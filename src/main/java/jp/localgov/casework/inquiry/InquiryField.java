package jp.localgov.casework.inquiry;

/** The five service fields of the online secretariat (サービス分野). */
public enum InquiryField {

	INTERPRETATION_TRANSLATION("通訳・翻訳", "Interpretation & translation"),
	INTERNATIONAL_EXCHANGE("国際交流", "International exchange"), OVERSEAS_TRAINING("海外研修", "Overseas training"),
	OVERSEAS_INFORMATION("海外情報", "Overseas information"), GENERAL("一般問い合わせ", "General inquiry");

	private final String japanese;

	private final String english;

	InquiryField(String japanese, String english) {
		this.japanese = japanese;
		this.english = english;
	}

	public String label(String language) {
		return "en".equals(language) ? this.english : this.japanese;
	}

}
