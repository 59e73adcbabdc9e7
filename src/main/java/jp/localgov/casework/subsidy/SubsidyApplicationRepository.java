package jp.localgov.casework.subsidy;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface SubsidyApplicationRepository extends JpaRepository<SubsidyApplication, Long> {

	Optional<SubsidyApplication> findByApplicationNumber(String applicationNumber);

	List<SubsidyApplication> findByMunicipalityCodeOrderBySubmittedAtDesc(String municipalityCode);

	List<SubsidyApplication> findByProgramme(SubsidyProgramme programme);

}
