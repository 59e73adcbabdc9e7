package jp.localgov.casework.lgotp;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TraineeRepository extends JpaRepository<Trainee, Long> {

	List<Trainee> findByFiscalYearOrderBySequenceNo(int fiscalYear);

	List<Trainee> findByFiscalYearAndStageOrderBySequenceNo(int fiscalYear, TraineeStage stage);

	Optional<Trainee> findByHostRequestIdAndStageNot(Long hostRequestId, TraineeStage stage);

	Optional<Trainee> findByHostRequestId(Long hostRequestId);

	@Query("select coalesce(max(t.sequenceNo), 0) from Trainee t where t.fiscalYear = ?1")
	int lastSequence(int fiscalYear);

	@Query("select t.fiscalYear, t.stage, t.country, t.hostMunicipality, count(t) from Trainee t "
			+ "group by t.fiscalYear, t.stage, t.country, t.hostMunicipality")
	List<Object[]> cohortCounts();

}
