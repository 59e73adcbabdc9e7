package jp.localgov.casework.referencedata;

import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface MunicipalityRepository extends JpaRepository<Municipality, String> {

	/**
	 * Municipalities whose code starts with, or whose name (with or without the
	 * prefecture), kana or romaji contains the search text; patterns arrive escaped with
	 * {@code \}.
	 */
	@Query("""
			select m from Municipality m
			where m.code like :codePrefix escape '\\'
			   or m.name like :contains escape '\\'
			   or concat(m.prefecture, m.name) like :contains escape '\\'
			   or m.nameKana like :kana escape '\\'
			   or lower(m.nameEn) like :romaji escape '\\'
			order by m.code""")
	List<Municipality> search(@Param("codePrefix") String codePrefix, @Param("contains") String contains,
			@Param("kana") String kana, @Param("romaji") String romaji, Pageable page);

}
