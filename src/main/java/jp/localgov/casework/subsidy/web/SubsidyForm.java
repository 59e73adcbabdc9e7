package jp.localgov.casework.subsidy.web;

import java.util.ArrayList;
import java.util.List;

import jp.localgov.casework.subsidy.SubsidyViews.ApplicationView;
import jp.localgov.casework.subsidy.SubsidyViews.Line;

/**
 * A subsidy form of the portal (application, correction, change request or performance
 * report) exactly as the local government filled it in, so that nothing is lost when it
 * comes back with errors.
 */
public class SubsidyForm {

	/** Cost rows a form shows at least. */
	static final int MIN_ROWS = 5;

	/** Rows the "add rows" button adds. */
	static final int ADD_ROWS = 5;

	/** Rows a form never exceeds (the services take at most 50 cost items). */
	static final int MAX_ROWS = 50;

	private String projectTitle;

	private String projectSummary;

	private String projectStart;

	private String projectEnd;

	private List<CostRow> costs = new ArrayList<>();

	/** The application as it stands, for a correction. */
	static SubsidyForm of(ApplicationView view) {
		SubsidyForm form = withCosts(view.costItems());
		form.projectTitle = view.title();
		form.projectSummary = view.summary();
		form.projectStart = (view.periodFrom() != null) ? view.periodFrom().toString() : null;
		form.projectEnd = (view.periodTo() != null) ? view.periodTo().toString() : null;
		return form;
	}

	/** A form whose cost rows start from the given lines. */
	static SubsidyForm withCosts(List<Line> lines) {
		SubsidyForm form = new SubsidyForm();
		for (Line line : lines) {
			CostRow row = new CostRow();
			row.setDescription(line.description());
			row.setAmount(String.valueOf(line.amount()));
			form.costs.add(row);
		}
		return form.padded(0);
	}

	/**
	 * Keeps the rows in their places and adds empty ones: at least {@link #MIN_ROWS} and
	 * one after the last filled row, {@code extra} more if asked, never more than
	 * {@link #MAX_ROWS} unless that many are filled.
	 */
	SubsidyForm padded(int extra) {
		if (this.costs == null) {
			this.costs = new ArrayList<>();
		}
		this.costs.replaceAll((row) -> (row != null) ? row : new CostRow());
		int last = -1;
		for (int i = 0; i < this.costs.size(); i++) {
			if (!this.costs.get(i).isBlank()) {
				last = i;
			}
		}
		int wanted = Math.max(Math.max(MIN_ROWS, this.costs.size() + extra), last + 2);
		wanted = Math.min(wanted, Math.max(MAX_ROWS, last + 1));
		while (this.costs.size() > wanted) {
			this.costs.remove(this.costs.size() - 1);
		}
		while (this.costs.size() < wanted) {
			this.costs.add(new CostRow());
		}
		return this;
	}

	public String getProjectTitle() {
		return this.projectTitle;
	}

	public void setProjectTitle(String projectTitle) {
		this.projectTitle = projectTitle;
	}

	public String getProjectSummary() {
		return this.projectSummary;
	}

	public void setProjectSummary(String projectSummary) {
		this.projectSummary = projectSummary;
	}

	public String getProjectStart() {
		return this.projectStart;
	}

	public void setProjectStart(String projectStart) {
		this.projectStart = projectStart;
	}

	public String getProjectEnd() {
		return this.projectEnd;
	}

	public void setProjectEnd(String projectEnd) {
		this.projectEnd = projectEnd;
	}

	public List<CostRow> getCosts() {
		return this.costs;
	}

	public void setCosts(List<CostRow> costs) {
		this.costs = costs;
	}

	/** One row of the cost table as typed; a row left empty is ignored. */
	public static class CostRow {

		private String description;

		private String amount;

		boolean isBlank() {
			return (this.description == null || this.description.isBlank())
					&& (this.amount == null || this.amount.isBlank());
		}

		public String getDescription() {
			return this.description;
		}

		public void setDescription(String description) {
			this.description = description;
		}

		public String getAmount() {
			return this.amount;
		}

		public void setAmount(String amount) {
			this.amount = amount;
		}

	}

}
