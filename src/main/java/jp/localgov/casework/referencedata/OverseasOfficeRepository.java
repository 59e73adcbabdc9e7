package jp.localgov.casework.referencedata;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface OverseasOfficeRepository extends JpaRepository<OverseasOffice, String> {

	List<OverseasOffice> findAllByOrderByCode();

}
