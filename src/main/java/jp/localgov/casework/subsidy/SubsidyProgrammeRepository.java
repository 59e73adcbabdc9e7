package jp.localgov.casework.subsidy;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface SubsidyProgrammeRepository extends JpaRepository<SubsidyProgramme, Long> {

	Optional<SubsidyProgramme> findByCodeAndFiscalYear(String code, int fiscalYear);

	List<SubsidyProgramme> findByFiscalYearOrderByCode(int fiscalYear);

}
