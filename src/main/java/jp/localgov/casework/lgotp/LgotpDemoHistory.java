package jp.localgov.casework.lgotp;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

import jakarta.persistence.EntityManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A synthetic, reproducible history of the programme since FY1996 for the demo: 1,106
 * trainees flagged {@code demo} (19 of them withdrawn) from 42 countries and regions at
 * 190 real hosts, inserted once when no trainee of a year before FY2025 exists.
 */
@Component
@ConditionalOnProperty(name = "casework.demo.enabled", havingValue = "true")
class LgotpDemoHistory implements InitializingBean {

	static final int FIRST_YEAR = 1996;

	static final int LAST_YEAR = 2025;

	private static final long SEED = 19960401L;

	private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

	/** Countries and regions, in Japanese. */
	private static final List<Country> COUNTRIES = List.of(new Country("中国", 14), new Country("韓国", 12),
			new Country("ベトナム", 7), new Country("タイ", 6), new Country("インドネシア", 5), new Country("フィリピン", 5),
			new Country("ブラジル", 6), new Country("マレーシア", 4), new Country("モンゴル", 3), new Country("インド", 3),
			new Country("ミャンマー", 3), new Country("カンボジア", 2), new Country("ラオス", 2), new Country("スリランカ", 2),
			new Country("ネパール", 2), new Country("バングラデシュ", 2), new Country("ペルー", 3), new Country("アルゼンチン", 2),
			new Country("メキシコ", 2), new Country("チリ", 1), new Country("パラグアイ", 1), new Country("ボリビア", 1),
			new Country("コロンビア", 1), new Country("米国", 3), new Country("カナダ", 1), new Country("オーストラリア", 2),
			new Country("ニュージーランド", 1), new Country("英国", 1), new Country("フランス", 1), new Country("ドイツ", 1),
			new Country("イタリア", 1), new Country("ロシア", 1), new Country("ウズベキスタン", 1), new Country("カザフスタン", 1),
			new Country("トルコ", 1), new Country("エジプト", 1), new Country("ケニア", 1), new Country("南アフリカ", 1),
			new Country("フィジー", 1), new Country("パラオ", 1), new Country("台湾", 2), new Country("シンガポール", 1));

	/** Hosts: the 47 prefectures and 143 cities and wards (local government codes). */
	private static final String[] HOSTS = { "010006", "020001", "030007", "040002", "050008", "060003", "070009",
			"080004", "090000", "100005", "110001", "120006", "130001", "140007", "150002", "160008", "170003",
			"180009", "190004", "200000", "210005", "220001", "230006", "240001", "250007", "260002", "270008",
			"280003", "290009", "300004", "310000", "320005", "330001", "340006", "350001", "360007", "370002",
			"380008", "390003", "400009", "410004", "420000", "430005", "440001", "450006", "460001", "470007",
			"011002", "012041", "012025", "022012", "022039", "032018", "041009", "052019", "062014", "072010",
			"072036", "072044", "082015", "082201", "092011", "102016", "102024", "111007", "112011", "112038",
			"121002", "122041", "122173", "132012", "132039", "132047", "132098", "131041", "131016", "131032",
			"141003", "141305", "141500", "142018", "142051", "151009", "152021", "162019", "162027", "172014",
			"182010", "192015", "202011", "202029", "212016", "212032", "221007", "221309", "222101", "231002",
			"232114", "232025", "232017", "242012", "242021", "252018", "261009", "262021", "271004", "271403",
			"272035", "272051", "272108", "281000", "282014", "282049", "292010", "302015", "312011", "322016",
			"322032", "331007", "332020", "341002", "342025", "342076", "342122", "352012", "352039", "352021",
			"362018", "372013", "382019", "382027", "392014", "401005", "401307", "402036", "412015", "422011",
			"422029", "431001", "442011", "442020", "452017", "462012", "472018", "472115", "012076", "012068",
			"012033", "022021", "062049", "072028", "082023", "092029", "102032", "112089", "112224", "122076",
			"122033", "132021", "142069", "152226", "172022", "182028", "202053", "212024", "222038", "232033",
			"242039", "252026", "262048", "272078", "282022", "282031", "292052", "312029", "332038", "342050",
			"352047", "362026", "372021", "382035", "402052", "412023", "422045", "432024", "442046", "452025",
			"462187", "472077", "472085" };

	private static final String[] POSITIONS = { "行政職員", "国際交流担当", "企画担当", "観光振興担当", "環境保全担当", "技術職員", "教育担当", "保健担当" };

	private static final String[] LANGUAGES = { "日本語・英語", "英語", "日本語", "英語・スペイン語", "英語・中国語", "ポルトガル語・英語" };

	private static final String[] WITHDRAWAL_REASONS = { "家族の事情による途中帰国", "本国の人事異動による辞退", "病気療養のための途中帰国" };

	private static final Logger logger = LoggerFactory.getLogger(LgotpDemoHistory.class);

	private final TraineeRepository trainees;

	private final ProgrammeYearRepository years;

	private final JdbcTemplate jdbc;

	private final EntityManager entityManager;

	private final TransactionTemplate transaction;

	LgotpDemoHistory(TraineeRepository trainees, ProgrammeYearRepository years, JdbcTemplate jdbc,
			EntityManager entityManager, PlatformTransactionManager transactionManager) {
		this.trainees = trainees;
		this.years = years;
		this.jdbc = jdbc;
		this.entityManager = entityManager;
		this.transaction = new TransactionTemplate(transactionManager);
	}

	@Override
	public void afterPropertiesSet() {
		Long existing = this.jdbc.queryForObject("select count(*) from lgotp_trainee where fiscal_year < ?", Long.class,
				LAST_YEAR);
		if (existing != null && existing > 0) {
			return;
		}
		long started = System.nanoTime();
		Integer inserted = this.transaction.execute((status) -> insertHistory());
		logger.info("LGOTP demo history: {} trainees of FY{}-FY{} in {} ms", inserted, FIRST_YEAR, LAST_YEAR,
				(System.nanoTime() - started) / 1_000_000);
	}

	/**
	 * Inserts every year of the history, one batch per year; returns the number of
	 * trainees.
	 */
	private int insertHistory() {
		Random random = new Random(SEED);
		int weightSum = COUNTRIES.stream().mapToInt(Country::weight).sum();
		Set<Integer> existingYears = new HashSet<>();
		this.years.findAllById(IntStream.rangeClosed(FIRST_YEAR, LAST_YEAR).boxed().toList())
			.forEach((year) -> existingYears.add(year.getFiscalYear()));
		List<ProgrammeYear> newYears = new ArrayList<>();
		Map<Integer, Integer> lastSequences = new HashMap<>();
		this.jdbc.query("select fiscal_year, max(sequence_no) from lgotp_trainee where fiscal_year between ? and ? "
				+ "group by fiscal_year", (row) -> {
					lastSequences.put(row.getInt(1), row.getInt(2));
				}, FIRST_YEAR, LAST_YEAR);
		int count = 0;
		for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
			if (!existingYears.contains(year)) {
				ProgrammeYear programmeYear = new ProgrammeYear(year);
				programmeYear.schedule(schedule(year));
				programmeYear.moveTo(YearStage.COMPLETED);
				newYears.add(programmeYear);
			}
			int size = 30 + random.nextInt(16);
			int sequence = lastSequences.getOrDefault(year, 0);
			List<Trainee> batch = new ArrayList<>(size);
			for (int i = 0; i < size; i++) {
				batch.add(trainee(year, ++sequence, random, weightSum));
			}
			this.trainees.saveAll(batch);
			this.trainees.flush();
			this.entityManager.clear();
			count += size;
		}
		this.years.saveAll(newYears);
		return count;
	}

	private static Trainee trainee(int year, int sequence, Random random, int weightSum) {
		String country = country(random, weightSum);
		Candidate candidate = new Candidate("研修員 FY%d-%03d（デモ）".formatted(year, sequence), country,
				country + "の地方政府（デモ）", POSITIONS[random.nextInt(POSITIONS.length)],
				LANGUAGES[random.nextInt(LANGUAGES.length)], random.nextInt(10) == 0);
		LocalDate registered = LocalDate.of(year - 1, 12, 1).plusDays(random.nextInt(60));
		Trainee trainee = new Trainee(year, sequence, candidate, at(registered), true);
		int months = 6 + random.nextInt(7);
		trainee.pastPosting(HOSTS[random.nextInt(HOSTS.length)], months);
		LocalDate selected = LocalDate.of(year, 2, 20);
		if (random.nextInt(40) == 0) {
			trainee.moveTo(TraineeStage.SELECTED, null, at(selected));
			trainee.withdraw(WITHDRAWAL_REASONS[random.nextInt(WITHDRAWAL_REASONS.length)],
					at(selected.plusDays(30 + random.nextInt(200))));
		}
		else {
			trainee.moveTo(TraineeStage.ALUMNI, null, at(schedule(year).postingOn().plusMonths(months).plusDays(14)));
		}
		return trainee;
	}

	private static String country(Random random, int weightSum) {
		int pick = random.nextInt(weightSum);
		for (Country country : COUNTRIES) {
			pick -= country.weight();
			if (pick < 0) {
				return country.name();
			}
		}
		throw new IllegalStateException("weights");
	}

	/** The dates of a year as the decision table LgotpSchedule derives them. */
	static ProgrammeYear.Schedule schedule(int year) {
		return new ProgrammeYear.Schedule(LocalDate.of(year - 1, 9, 1), LocalDate.of(year - 1, 11, 30),
				LocalDate.of(year, 2, 28), LocalDate.of(year, 4, 30), LocalDate.of(year, 5, 15),
				LocalDate.of(year, 5, 20), LocalDate.of(year, 6, 19), LocalDate.of(year, 6, 25));
	}

	private static Instant at(LocalDate day) {
		return day.atTime(LocalTime.of(10, 0)).atZone(JAPAN).toInstant();
	}

	/** A country or region and its weight in the draw. */
	private record Country(String name, int weight) {
	}

}
