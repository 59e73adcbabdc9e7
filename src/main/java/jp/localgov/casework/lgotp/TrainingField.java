package jp.localgov.casework.lgotp;

/** Fields of training a host offers (研修分野). */
public enum TrainingField {

	GENERAL_ADMINISTRATION("一般行政"), INTERNATIONAL_EXCHANGE("国際交流"), ENVIRONMENT("環境"), HEALTH_MEDICAL("保健・医療"),
	COMMERCE_ECONOMY("商工・経済"), TOURISM("観光"), AGRICULTURE("農業"), CIVIL_ENGINEERING("土木"), ARCHITECTURE("建築"),
	WATER_SEWERAGE("上下水道"), EDUCATION("教育"), URBAN_PLANNING("都市計画"), FIRE_SERVICES("消防"), PUBLIC_SAFETY("防災・安全");

	private final String label;

	TrainingField(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
