package jp.localgov.casework.referencedata;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills the reference tables from {@code reference-data/*.csv} at the first start (an
 * empty table is filled; a filled one is left as it is), all in one transaction per
 * table; national holidays are merged at every start (see {@link NationalHolidays}).
 */
@Component
class ReferenceDataLoader implements InitializingBean {

	private static final Logger log = LoggerFactory.getLogger(ReferenceDataLoader.class);

	private final MunicipalityRepository municipalities;

	private final OverseasOfficeRepository offices;

	private final NationalHolidays holidays;

	private final TransactionTemplate transaction;

	ReferenceDataLoader(MunicipalityRepository municipalities, OverseasOfficeRepository offices,
			NationalHolidays holidays, TransactionTemplate transaction) {
		this.municipalities = municipalities;
		this.offices = offices;
		this.holidays = holidays;
		this.transaction = transaction;
	}

	@Override
	public void afterPropertiesSet() {
		load("municipalities.csv", this.municipalities,
				(row) -> new Municipality(row.get("code"), row.get("prefecture_code"), row.get("prefecture"),
						row.get("name"), row.get("name_kana"), row.get("name_en")));
		load("overseas_offices.csv", this.offices,
				(row) -> new OverseasOffice(row.get("code"), row.get("owner"), row.get("name_ja"), row.get("name_en"),
						row.get("city"), row.get("country"), row.get("address"), blankToNull(row.get("phone")),
						blankToNull(row.get("fax"))));
		int holidays = this.holidays.mergeBundled();
		if (holidays > 0) {
			log.info("Added {} national holidays from holidays.csv", holidays);
		}
	}

	private <T> void load(String file, JpaRepository<T, ?> repository, Function<Map<String, String>, T> mapper) {
		this.transaction.executeWithoutResult((status) -> {
			if (repository.count() > 0) {
				return;
			}
			List<T> entities = readRows(file).stream().map(mapper).toList();
			repository.saveAll(entities);
			log.info("Loaded {} rows of reference data from {}", entities.size(), file);
		});
	}

	private static List<Map<String, String>> readRows(String file) {
		try (InputStream in = new ClassPathResource("reference-data/" + file).getInputStream()) {
			return CsvReader.read(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read reference data " + file, ex);
		}
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

}
