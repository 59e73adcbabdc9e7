package jp.localgov.casework.platform.mail;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface OutgoingMailRepository extends JpaRepository<OutgoingMail, Long> {

	List<OutgoingMail> findByReferenceOrderById(String reference);

}
