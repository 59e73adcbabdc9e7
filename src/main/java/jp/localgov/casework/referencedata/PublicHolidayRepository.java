package jp.localgov.casework.referencedata;

import org.springframework.data.jpa.repository.JpaRepository;

interface PublicHolidayRepository extends JpaRepository<PublicHoliday, java.time.LocalDate> {

}
