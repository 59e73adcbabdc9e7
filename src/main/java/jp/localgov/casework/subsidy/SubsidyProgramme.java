package jp.localgov.casework.subsidy;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A subsidy programme in one fiscal year: its budget and what is reserved and paid from
 * it, its rate, ceiling, eligible applicants and application window — the rules process
 * owners change.
 */
@Entity
@Table(name = "subsidy_programme")
public class SubsidyProgramme {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false)
	private String code;

	@Column(name = "fiscal_year", nullable = false)
	private int fiscalYear;

	@Column(nullable = false)
	private String name;

	@Column(nullable = false)
	private String department;

	/**
	 * Changed only through {@code BudgetLedger}, so no stale copy can overwrite a
	 * reservation.
	 */
	@Column(updatable = false)
	private long budget;

	@Column(updatable = false)
	private long reserved;

	@Column(updatable = false)
	private long paid;

	@Column(nullable = false)
	private String rate;

	private long ceiling;

	@Column(name = "eligible_types", nullable = false)
	private String eligibleTypes;

	@Column(name = "opens_on", nullable = false)
	private LocalDate opensOn;

	@Column(name = "closes_on", nullable = false)
	private LocalDate closesOn;

	private boolean demo;

	@Version
	private long version;

	protected SubsidyProgramme() {
	}

	SubsidyProgramme(String code, int fiscalYear, String name, String department, ProgrammeRules rules, boolean demo) {
		this.code = code;
		this.fiscalYear = fiscalYear;
		this.name = name;
		this.department = department;
		this.demo = demo;
		this.budget = rules.budget();
		change(name, department, rules, demo);
	}

	/**
	 * New rules for the year; the budget itself changes through {@code BudgetLedger},
	 * which never lets it drop below what is already reserved.
	 */
	void change(String name, String department, ProgrammeRules rules, boolean demo) {
		this.name = name;
		this.department = department;
		this.demo = demo;
		this.rate = rules.rate().toString();
		this.ceiling = rules.ceiling();
		this.eligibleTypes = rules.eligibleTypes().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
		this.opensOn = rules.opensOn();
		this.closesOn = rules.closesOn();
	}

	public boolean isOpenOn(LocalDate day) {
		return !day.isBefore(this.opensOn) && !day.isAfter(this.closesOn);
	}

	public boolean accepts(ApplicantType type) {
		return eligibleTypes().contains(type);
	}

	public long remaining() {
		return this.budget - this.reserved;
	}

	public Long getId() {
		return this.id;
	}

	public String getCode() {
		return this.code;
	}

	public int getFiscalYear() {
		return this.fiscalYear;
	}

	public String getName() {
		return this.name;
	}

	public String getDepartment() {
		return this.department;
	}

	public long getBudget() {
		return this.budget;
	}

	public long getReserved() {
		return this.reserved;
	}

	public long getPaid() {
		return this.paid;
	}

	public SubsidyRate rate() {
		return SubsidyRate.parse(this.rate);
	}

	public long getCeiling() {
		return this.ceiling;
	}

	public Set<ApplicantType> eligibleTypes() {
		Set<ApplicantType> types = EnumSet.noneOf(ApplicantType.class);
		Arrays.stream(this.eligibleTypes.split(","))
			.filter((type) -> !type.isBlank())
			.map(ApplicantType::valueOf)
			.forEach(types::add);
		return types;
	}

	public LocalDate getOpensOn() {
		return this.opensOn;
	}

	public LocalDate getClosesOn() {
		return this.closesOn;
	}

	public boolean isDemo() {
		return this.demo;
	}

	/** The rules of a programme year that process owners set. */
	public record ProgrammeRules(long budget, SubsidyRate rate, long ceiling, Set<ApplicantType> eligibleTypes,
			LocalDate opensOn, LocalDate closesOn) {

		public ProgrammeRules {
			if (budget < 0 || ceiling <= 0) {
				throw new IllegalArgumentException("予算額は0円以上、上限額は1円以上です");
			}
			if (eligibleTypes.isEmpty()) {
				throw new IllegalArgumentException("申請できる団体を1つ以上選んでください");
			}
			if (closesOn.isBefore(opensOn)) {
				throw new IllegalArgumentException("募集の終了日は開始日より後にしてください");
			}
		}

	}

}
