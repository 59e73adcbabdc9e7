package jp.localgov.casework.platform.cases;

import java.util.List;
import java.util.Optional;

/**
 * The cases of one feature module (inquiries, subsidy applications, LGOTP hosting
 * requests and trainees) as the staff search and case page see them.
 */
public interface CaseSource {

	/** The kinds of case this source serves, e.g. {@code INQUIRY}. */
	List<CaseKind> kinds();

	/**
	 * Cases matching the query, newest first, at most {@link CaseQuery#limit()}; a source
	 * that serves none of the query's kinds returns nothing.
	 */
	List<CaseSummary> search(CaseQuery query);

	/**
	 * The whole story of one case by its number (tracking number, application number,
	 * hosting request or trainee number); empty when the number is not this source's.
	 */
	Optional<CaseStory> story(String number);

}
