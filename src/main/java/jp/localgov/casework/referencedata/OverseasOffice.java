package jp.localgov.casework.referencedata;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An overseas office (海外事務所) that supports local governments' work abroad. */
@Entity
@Table(name = "overseas_office")
public class OverseasOffice {

	@Id
	private String code;

	@Column(nullable = false)
	private String owner;

	@Column(name = "name_ja", nullable = false)
	private String nameJa;

	@Column(name = "name_en", nullable = false)
	private String nameEn;

	@Column(nullable = false)
	private String city;

	@Column(nullable = false)
	private String country;

	@Column(nullable = false)
	private String address;

	private String phone;

	private String fax;

	protected OverseasOffice() {
	}

	OverseasOffice(String code, String owner, String nameJa, String nameEn, String city, String country, String address,
			String phone, String fax) {
		this.code = code;
		this.owner = owner;
		this.nameJa = nameJa;
		this.nameEn = nameEn;
		this.city = city;
		this.country = country;
		this.address = address;
		this.phone = phone;
		this.fax = fax;
	}

	public String getCode() {
		return this.code;
	}

	public String getOwner() {
		return this.owner;
	}

	public String getNameJa() {
		return this.nameJa;
	}

	public String getNameEn() {
		return this.nameEn;
	}

	public String getCity() {
		return this.city;
	}

	public String getCountry() {
		return this.country;
	}

	public String getAddress() {
		return this.address;
	}

	public String getPhone() {
		return this.phone;
	}

	public String getFax() {
		return this.fax;
	}

}
