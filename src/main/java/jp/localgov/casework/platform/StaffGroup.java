package jp.localgov.casework.platform;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The groups staff belong to: the departments that handle cases, the secretariat desk,
 * and the groups that run the system; adding a person to one in Camunda Admin gives them
 * its work.
 */
public enum StaffGroup {

	SECRETARIAT("secretariat", "オンライン事務局（窓口）", Kind.WORKFLOW),
	ECONOMIC_EXCHANGE("economicExchange", "経済交流課", Kind.DEPARTMENT),
	MULTICULTURAL("multicultural", "多文化共生課", Kind.DEPARTMENT), JET("jet", "JET推進課", Kind.DEPARTMENT),
	EXCHANGE_COOPERATION("exchangeCooperation", "国際交流・協力課", Kind.DEPARTMENT),
	INFORMATION("information", "情報課", Kind.DEPARTMENT), CAPACITY_BUILDING("capacityBuilding", "人材育成課", Kind.DEPARTMENT),
	OVERSEAS_OFFICES("overseasOffices", "海外事務所課", Kind.DEPARTMENT), DIRECTORS("directors", "部長", Kind.WORKFLOW),
	PROCESS_OWNERS("processOwners", "プロセスオーナー", Kind.SYSTEM), OPERATORS("operators", "運用担当", Kind.SYSTEM),
	ADMINS("camunda-admin", "システム管理者", Kind.SYSTEM);

	/**
	 * Prefix of the group of a local-government account, followed by the 6-digit
	 * municipality code.
	 */
	public static final String LOCAL_GOVERNMENT_PREFIX = "lg-";

	private final String id;

	private final String displayName;

	private final Kind kind;

	StaffGroup(String id, String displayName, Kind kind) {
		this.id = id;
		this.displayName = displayName;
		this.kind = kind;
	}

	public String id() {
		return this.id;
	}

	public String displayName() {
		return this.displayName;
	}

	public Kind kind() {
		return this.kind;
	}

	/**
	 * Suffix of the group of a department's (or the desk's) leads, e.g.
	 * {@code economicExchangeLead}.
	 */
	public static final String LEAD_SUFFIX = "Lead";

	/**
	 * Whether the group has leads (課長) who assign work and are told of missed deadlines.
	 */
	public boolean hasLeads() {
		return this.kind == Kind.DEPARTMENT || this == SECRETARIAT;
	}

	/** Group id of this group's leads, e.g. {@code economicExchangeLead}. */
	public String leadGroupId() {
		return this.id + LEAD_SUFFIX;
	}

	/** Display name of the lead group, e.g. 経済交流課（課長）. */
	public String leadDisplayName() {
		return this.displayName + "（課長）";
	}

	/** Lead group id for any department or desk group id. */
	public static String leadGroupIdOf(String groupId) {
		return groupId + LEAD_SUFFIX;
	}

	/** Groups whose members do case work and therefore use Tasklist. */
	public boolean usesTasklist() {
		return this != ADMINS;
	}

	/** Groups whose members monitor or change the running processes in Cockpit. */
	public boolean usesCockpit() {
		return this == OPERATORS || this == PROCESS_OWNERS;
	}

	/** Ids of every group that uses Tasklist, lead groups included. */
	public static List<String> tasklistGroupIds() {
		return Arrays.stream(values())
			.filter(StaffGroup::usesTasklist)
			.flatMap((group) -> group.hasLeads() ? Stream.of(group.id(), group.leadGroupId()) : Stream.of(group.id()))
			.toList();
	}

	public static List<StaffGroup> departments() {
		return Arrays.stream(values()).filter((group) -> group.kind == Kind.DEPARTMENT).toList();
	}

	public static boolean isStaffGroupId(String groupId) {
		return Arrays.stream(values()).anyMatch((group) -> group.id.equals(groupId));
	}

	/**
	 * Group id of the local-government accounts of one municipality, e.g.
	 * {@code lg-131016}.
	 */
	public static String localGovernmentGroupId(String municipalityCode) {
		return LOCAL_GOVERNMENT_PREFIX + municipalityCode;
	}

	/** What a group is for; stored as the Camunda group type. */
	public enum Kind {

		DEPARTMENT, WORKFLOW, SYSTEM

	}

}
