package jp.localgov.casework.referencedata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.Date;

import jp.localgov.casework.support.CaseworkSpringBootTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * The {@code officeDays} bean counts like the offices around Golden Week 2027: 4/29 and
 * 5/3–5/5 are national holidays, 5/1–5/2 a weekend.
 */
@CaseworkSpringBootTest
class OfficeDaysTests {

	@Autowired
	@Qualifier("officeDays")
	OfficeDays officeDays;

	@Test
	void aDeadlineEndsAtCloseOfBusinessOnTheNthOfficeDay() {
		assertThat(this.officeDays.after(at("2027-04-28T10:00:00+09:00"), 3))
			.isEqualTo(at("2027-05-07T17:15:00+09:00"));
		assertThat(this.officeDays.after("2027-04-28", 1)).isEqualTo(at("2027-04-30T17:15:00+09:00"));
	}

	@Test
	void aReminderBeforeADeadlineKeepsItsTimeOfDay() {
		assertThat(this.officeDays.before(at("2027-05-07T17:15:00+09:00"), 2))
			.isEqualTo(at("2027-04-30T17:15:00+09:00"));
	}

	@Test
	void theNextOfficeDayOfACycle() {
		assertThat(this.officeDays.next(at("2027-04-30T09:00:00+09:00"), 1)).isEqualTo(at("2027-05-06T09:00:00+09:00"));
		assertThat(this.officeDays.next(at("2027-05-01T09:00:00+09:00"), 0)).isEqualTo(at("2027-05-06T09:00:00+09:00"));
		assertThat(this.officeDays.next(at("2027-05-06T09:00:00+09:00"), 0)).isEqualTo(at("2027-05-06T09:00:00+09:00"));
	}

	@Test
	void officeDaysAreCountedAndTold() {
		assertThat(this.officeDays.between(at("2027-04-28T10:00:00+09:00"), at("2027-05-07T08:00:00+09:00")))
			.isEqualTo(3);
		assertThat(this.officeDays.between("2027-05-07", "2027-04-28")).isEqualTo(-3);
		assertThat(this.officeDays.isOfficeDay("2027-05-03")).isFalse();
		assertThat(this.officeDays.isOfficeDay(at("2027-05-06T23:00:00+09:00"))).isTrue();
		assertThat(this.officeDays.isOfficeDay("2027-12-29")).as("year-end closure").isFalse();
	}

	@Test
	void somethingThatIsNotADateIsNamedInTheError() {
		assertThatThrownBy(() -> this.officeDays.after(null, 3)).hasMessageContaining("officeDays.after");
		assertThatThrownBy(() -> this.officeDays.after("next week", 3)).hasMessageContaining("next week");
	}

	private static Date at(String isoDateTime) {
		return Date.from(OffsetDateTime.parse(isoDateTime).toInstant());
	}

}
