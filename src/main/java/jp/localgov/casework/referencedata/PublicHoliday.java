package jp.localgov.casework.referencedata;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A Japanese national holiday (国民の祝日 or substitute 休日); offices are closed. Shipped with
 * the application or added by an administrator; a removed date stays as a removal, so the
 * shipped list does not bring it back.
 */
@Entity
@Table(name = "public_holiday")
public class PublicHoliday {

	@Id
	@Column(name = "holiday_date")
	private LocalDate date;

	@Column(nullable = false)
	private String name;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Origin origin;

	@Column(nullable = false)
	private boolean removed;

	private String changedBy;

	private Instant changedAt;

	protected PublicHoliday() {
	}

	PublicHoliday(LocalDate date, String name) {
		this(date, name, Origin.BUNDLED, null, null);
	}

	PublicHoliday(LocalDate date, String name, Origin origin, String changedBy, Instant changedAt) {
		this.date = date;
		this.name = name;
		this.origin = origin;
		this.changedBy = changedBy;
		this.changedAt = changedAt;
	}

	/** Makes the date a holiday again under this name, as an administrator's entry. */
	void restore(String name, String by, Instant at) {
		this.name = name;
		this.removed = false;
		this.origin = Origin.ADMIN;
		this.changedBy = by;
		this.changedAt = at;
	}

	/** Removes the date from the calendar, keeping the removal. */
	void remove(String by, Instant at) {
		this.removed = true;
		this.changedBy = by;
		this.changedAt = at;
	}

	public LocalDate getDate() {
		return this.date;
	}

	public String getName() {
		return this.name;
	}

	public Origin getOrigin() {
		return this.origin;
	}

	public boolean isRemoved() {
		return this.removed;
	}

	public String getChangedBy() {
		return this.changedBy;
	}

	public Instant getChangedAt() {
		return this.changedAt;
	}

	/** Where a holiday came from. */
	public enum Origin {

		/** {@code reference-data/holidays.csv} shipped with the application. */
		BUNDLED,

		/** Entered by an administrator on the holiday page. */
		ADMIN

	}

}
