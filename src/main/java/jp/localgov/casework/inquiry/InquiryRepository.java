package jp.localgov.casework.inquiry;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface InquiryRepository extends JpaRepository<Inquiry, Long> {

	Optional<Inquiry> findByTrackingNumber(String trackingNumber);

	List<Inquiry> findByMunicipalityCodeOrderBySubmittedAtDesc(String municipalityCode);

}
