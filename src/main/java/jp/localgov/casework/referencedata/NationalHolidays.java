package jp.localgov.casework.referencedata;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import jp.localgov.casework.platform.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The national-holiday calendar (国民の祝日) the office days are counted with: the list
 * shipped in {@code reference-data/holidays.csv}, merged at every start into the
 * database, where administrators add each coming year (published by the Cabinet Office
 * each February) without a release. It knows how far it reaches, and says so before it
 * runs out: a date after its last year is counted without holidays and logged.
 */
@Service
public class NationalHolidays {

	/** How long another node's changes may take to be seen here. */
	static final Duration RELOAD_AFTER = Duration.ofMinutes(5);

	private static final Logger log = LoggerFactory.getLogger(NationalHolidays.class);

	private static final int MAX_NAME_LENGTH = 40;

	private final PublicHolidayRepository repository;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final Duration warnWithin;

	private final Map<Integer, Instant> warnedBeyond = new ConcurrentHashMap<>();

	private volatile Snapshot snapshot;

	NationalHolidays(PublicHolidayRepository repository, TransactionTemplate transaction, Clock clock,
			@Value("${casework.holidays.warn-within:300d}") Duration warnWithin) {
		this.repository = repository;
		this.transaction = transaction;
		this.clock = clock;
		this.warnWithin = warnWithin;
	}

	/**
	 * Adds the shipped holidays the database does not know yet (neither as a holiday nor
	 * as an administrator's removal).
	 * @return how many were added
	 */
	int mergeBundled() {
		List<PublicHoliday> bundled = readBundled();
		Integer added = this.transaction.execute((status) -> {
			List<PublicHoliday> missing = bundled.stream()
				.filter((holiday) -> !this.repository.existsById(holiday.getDate()))
				.toList();
			this.repository.saveAll(missing);
			return missing.size();
		});
		reload();
		return (added == null) ? 0 : added;
	}

	/** Whether offices are closed for a national holiday on this date. */
	public boolean isHoliday(LocalDate date) {
		Snapshot current = current();
		if (current.lastYear() == null || date.getYear() > current.lastYear()) {
			warnBeyond(date.getYear(), current.lastYear());
		}
		return current.holidays().containsKey(date);
	}

	/** Holidays of one year, in date order. */
	public List<PublicHoliday> ofYear(int year) {
		return this.repository.findByRemovedFalseOrderByDate()
			.stream()
			.filter((holiday) -> holiday.getDate().getYear() == year)
			.toList();
	}

	/** The years the calendar holds holidays for. */
	public SortedSet<Integer> years() {
		SortedSet<Integer> years = new TreeSet<>();
		current().holidays().keySet().forEach((date) -> years.add(date.getYear()));
		return years;
	}

	/** How far the calendar reaches and whether operators should add the next year. */
	public CalendarStatus status() {
		Snapshot current = current();
		LocalDate today = LocalDate.now(this.clock.withZone(OfficeCalendar.JAPAN));
		if (current.lastYear() == null) {
			return new CalendarStatus(null, null, 0, true);
		}
		LocalDate endsOn = LocalDate.of(current.lastYear(), 12, 31);
		long daysLeft = ChronoUnit.DAYS.between(today, endsOn);
		return new CalendarStatus(current.lastYear(), endsOn, daysLeft, daysLeft < this.warnWithin.toDays());
	}

	/** Adds (or renames) a holiday as an administrator's entry. */
	public void add(LocalDate date, String name, String by) {
		String checkedName = checkName(name);
		this.transaction.executeWithoutResult((status) -> save(date, checkedName, by));
		reload();
		log.info("National holiday {} {} added by {}", date, checkedName, by);
	}

	/** Removes a holiday; the shipped list will not bring it back. */
	public void remove(LocalDate date, String by) {
		this.transaction.executeWithoutResult((status) -> this.repository.findById(date)
			.filter((holiday) -> !holiday.isRemoved())
			.orElseThrow(
					() -> new InvalidInputException("date", date + " は祝日として登録されていません / " + date + " is not a holiday"))
			.remove(by, Instant.now(this.clock)));
		reload();
		log.info("National holiday {} removed by {}", date, by);
	}

	/**
	 * Adds the holidays of a pasted CSV ({@code date,name} per line, an optional header
	 * line), all or none.
	 * @return how many lines were taken
	 */
	public int importCsv(String csv, String by) {
		List<PublicHoliday> rows = parse(csv);
		if (rows.isEmpty()) {
			throw new InvalidInputException("csv",
					"祝日の行がありません（形式：2028-01-01,元日） / No holiday lines (format: 2028-01-01,元日)");
		}
		this.transaction
			.executeWithoutResult((status) -> rows.forEach((row) -> save(row.getDate(), row.getName(), by)));
		reload();
		log.info("{} national holidays imported by {}", rows.size(), by);
		return rows.size();
	}

	private void save(LocalDate date, String name, String by) {
		Instant now = Instant.now(this.clock);
		PublicHoliday holiday = this.repository.findById(date).orElse(null);
		if (holiday == null) {
			this.repository.save(new PublicHoliday(date, name, PublicHoliday.Origin.ADMIN, by, now));
		}
		else {
			holiday.restore(name, by, now);
		}
	}

	private static List<PublicHoliday> parse(String csv) {
		List<Map<String, String>> rows;
		String text = (csv == null) ? "" : csv.strip();
		boolean headerGiven = text.toLowerCase(Locale.ROOT).startsWith("date");
		if (!headerGiven) {
			text = "date,name\n" + text;
		}
		try {
			rows = CsvReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (IOException ex) {
			throw new InvalidInputException("csv", "CSV を読み取れません：" + ex.getMessage() + " / Cannot read the CSV");
		}
		List<PublicHoliday> holidays = new ArrayList<>();
		int line = headerGiven ? 1 : 0;
		for (Map<String, String> row : rows) {
			line++;
			try {
				LocalDate date = LocalDate.parse(row.get("date").strip());
				holidays.add(new PublicHoliday(date, checkName(row.get("name"))));
			}
			catch (DateTimeParseException | NullPointerException ex) {
				throw new InvalidInputException("csv",
						line + " 行目の日付が正しくありません（例：2028-01-01） / Line " + line + ": the date must look like 2028-01-01");
			}
		}
		return holidays;
	}

	private static String checkName(String name) {
		String stripped = (name == null) ? "" : name.strip();
		if (stripped.isEmpty() || stripped.length() > MAX_NAME_LENGTH) {
			throw new InvalidInputException("name", "祝日の名称を" + MAX_NAME_LENGTH
					+ "文字以内で入力してください / Enter the holiday's name (at most " + MAX_NAME_LENGTH + " characters)");
		}
		return stripped;
	}

	private void warnBeyond(int year, Integer lastYear) {
		Instant now = Instant.now();
		Instant last = this.warnedBeyond.get(year);
		if (last == null || last.isBefore(now.minus(Duration.ofHours(1)))) {
			this.warnedBeyond.put(year, now);
			log.warn(
					"Office days of {} are counted without national holidays: the holiday calendar ends with {}; "
							+ "add the holidays on /staff/admin/holidays",
					year, (lastYear == null) ? "no year" : lastYear);
		}
	}

	private Snapshot current() {
		Snapshot current = this.snapshot;
		if (current == null || current.loadedAt().isBefore(Instant.now().minus(RELOAD_AFTER))) {
			current = reload();
		}
		return current;
	}

	private Snapshot reload() {
		NavigableMap<LocalDate, String> holidays = new TreeMap<>();
		this.repository.findByRemovedFalseOrderByDate()
			.forEach((holiday) -> holidays.put(holiday.getDate(), holiday.getName()));
		Snapshot loaded = new Snapshot(Collections.unmodifiableNavigableMap(holidays),
				holidays.isEmpty() ? null : holidays.lastKey().getYear(), Instant.now());
		this.snapshot = loaded;
		return loaded;
	}

	private static List<PublicHoliday> readBundled() {
		try (InputStream in = new ClassPathResource("reference-data/holidays.csv").getInputStream()) {
			return CsvReader.read(in)
				.stream()
				.map((row) -> new PublicHoliday(LocalDate.parse(row.get("date")), row.get("name")))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read reference data holidays.csv", ex);
		}
	}

	private record Snapshot(NavigableMap<LocalDate, String> holidays, Integer lastYear, Instant loadedAt) {

	}

	/**
	 * How far the calendar reaches.
	 *
	 * @param lastYear the last year with holidays, or {@code null} when there are none
	 * @param endsOn 31 December of that year
	 * @param daysLeft days from today (Japan) to that day
	 * @param warning whether the next year should be added now
	 */
	public record CalendarStatus(Integer lastYear, LocalDate endsOn, long daysLeft, boolean warning) {

		/** What the holiday page and the operators are told, Japanese then English. */
		public String message() {
			if (this.lastYear == null) {
				return "国民の祝日が登録されていません。祝日を登録してください。 / No national holidays are known; add them.";
			}
			if (this.daysLeft < 0) {
				return "国民の祝日は" + this.lastYear + "年までしか登録されていません。それ以降の期限は祝日を数えずに計算されています。翌年以降の祝日を登録してください。 / "
						+ "National holidays end with " + this.lastYear
						+ "; later deadlines are counted without holidays. Add the next years.";
			}
			if (this.warning) {
				return "国民の祝日は" + this.lastYear + "年12月31日まで登録されています（残り" + this.daysLeft
						+ "日）。内閣府が公表した翌年の祝日を登録してください。 / " + "National holidays end on " + this.endsOn + " ("
						+ this.daysLeft + " days left). Add the next year as published by the Cabinet Office.";
			}
			return "国民の祝日は" + this.lastYear + "年12月31日まで登録されています。 / National holidays are known until " + this.endsOn
					+ ".";
		}

	}

}
