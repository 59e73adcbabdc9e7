package jp.localgov.casework.platform;

/**
 * Gives a staff member their own Tasklist filter of the tasks assigned to them; a filter
 * per person, because filters may not carry expressions such as {@code ${currentUser()}}.
 */
public interface PersonalTaskFilters {

	/** Creates the person's filter unless it exists. */
	void provide(String userId);

}
