package jp.localgov.casework.platform.mail;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface OutgoingMailRepository extends JpaRepository<OutgoingMail, Long> {

	List<OutgoingMail> findByReferenceOrderById(String reference);

	/** The mail, its row locked until the transaction ends. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select m from OutgoingMail m where m.id = :id")
	Optional<OutgoingMail> lockById(long id);

}
