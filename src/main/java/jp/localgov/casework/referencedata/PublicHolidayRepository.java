package jp.localgov.casework.referencedata;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface PublicHolidayRepository extends JpaRepository<PublicHoliday, LocalDate> {

	List<PublicHoliday> findByRemovedFalseOrderByDate();

}
