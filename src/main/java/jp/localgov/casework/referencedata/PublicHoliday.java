package jp.localgov.casework.referencedata;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A Japanese national holiday (国民の祝日 or substitute 休日); offices are closed. */
@Entity
@Table(name = "public_holiday")
public class PublicHoliday {

	@Id
	@Column(name = "holiday_date")
	private LocalDate date;

	@Column(nullable = false)
	private String name;

	protected PublicHoliday() {
	}

	PublicHoliday(LocalDate date, String name) {
		this.date = date;
		this.name = name;
	}

	public LocalDate getDate() {
		return this.date;
	}

	public String getName() {
		return this.name;
	}

}
