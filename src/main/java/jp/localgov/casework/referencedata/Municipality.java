package jp.localgov.casework.referencedata;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A prefecture or municipality (市区町村) with its 6-digit local government code
 * (全国地方公共団体コード).
 */
@Entity
@Table(name = "municipality")
public class Municipality {

	@Id
	@Column(length = 6)
	private String code;

	@Column(name = "prefecture_code", nullable = false)
	private String prefectureCode;

	@Column(nullable = false)
	private String prefecture;

	@Column(nullable = false)
	private String name;

	@Column(name = "name_kana", nullable = false)
	private String nameKana;

	@Column(name = "name_en", nullable = false)
	private String nameEn;

	protected Municipality() {
	}

	Municipality(String code, String prefectureCode, String prefecture, String name, String nameKana, String nameEn) {
		this.code = code;
		this.prefectureCode = prefectureCode;
		this.prefecture = prefecture;
		this.name = name;
		this.nameKana = nameKana;
		this.nameEn = nameEn;
	}

	public String getCode() {
		return this.code;
	}

	public String getPrefectureCode() {
		return this.prefectureCode;
	}

	public String getPrefecture() {
		return this.prefecture;
	}

	public String getName() {
		return this.name;
	}

	public String getNameKana() {
		return this.nameKana;
	}

	public String getNameEn() {
		return this.nameEn;
	}

	/**
	 * A prefecture itself (its code ends in {@code 0000} + check digit), not a
	 * municipality within it.
	 */
	public boolean isPrefecture() {
		return this.code.substring(2, 5).equals("000");
	}

	/** Name as people write it in an address, e.g. 静岡県浜松市; a prefecture is named once. */
	public String getFullName() {
		return isPrefecture() ? this.name : this.prefecture + this.name;
	}

}
