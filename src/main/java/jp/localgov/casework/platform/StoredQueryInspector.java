package jp.localgov.casework.platform;

/**
 * Tells whether a stored task filter carries an expression, so the web guard can refuse
 * to run it before the engine would evaluate it.
 */
public interface StoredQueryInspector {

	/**
	 * @param filterId id of a stored filter
	 * @return whether the filter's query, or any of its {@code orQueries}, holds an
	 * expression; {@code false} for an unknown filter (the API answers that itself)
	 */
	boolean carriesExpression(String filterId);

}
