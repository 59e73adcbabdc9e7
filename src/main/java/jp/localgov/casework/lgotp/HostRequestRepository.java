package jp.localgov.casework.lgotp;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface HostRequestRepository extends JpaRepository<HostRequest, Long> {

	List<HostRequest> findByFiscalYearOrderById(int fiscalYear);

	List<HostRequest> findByFiscalYearAndMunicipalityCodeOrderById(int fiscalYear, String municipalityCode);

}
