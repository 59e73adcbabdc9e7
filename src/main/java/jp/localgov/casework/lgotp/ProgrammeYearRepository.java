package jp.localgov.casework.lgotp;

import org.springframework.data.jpa.repository.JpaRepository;

interface ProgrammeYearRepository extends JpaRepository<ProgrammeYear, Integer> {

}
