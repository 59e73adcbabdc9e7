package jp.localgov.casework.inquiry;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface InquiryAttachmentRepository extends JpaRepository<InquiryAttachment, Long> {

	List<InquiryAttachment> findByInquiryIdOrderById(Long inquiryId);

	long countByInquiryId(Long inquiryId);

}
