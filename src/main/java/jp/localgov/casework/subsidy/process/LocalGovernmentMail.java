package jp.localgov.casework.subsidy.process;

import jp.localgov.casework.platform.StaffGroup;
import jp.localgov.casework.platform.mail.MailOutbox;
import jp.localgov.casework.platform.process.MailDirectory;
import jp.localgov.casework.subsidy.SubsidyViews.ApplicationView;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Mail about an application to the accounts of the applying local government (members of
 * its group {@code lg-<code>}) and, for escalations, to a staff group.
 */
@Component
class LocalGovernmentMail {

	private final MailDirectory directory;

	private final MailOutbox outbox;

	private final String publicBaseUrl;

	LocalGovernmentMail(MailDirectory directory, MailOutbox outbox,
			@Value("${casework.public-base-url}") String publicBaseUrl) {
		this.directory = directory;
		this.outbox = outbox;
		this.publicBaseUrl = publicBaseUrl;
	}

	void toApplicant(ApplicationView application, String subject, String message) {
		toGroup(StaffGroup.localGovernmentGroupId(application.municipalityCode()), application, subject, message);
	}

	void toGroup(String groupId, ApplicationView application, String subject, String message) {
		String body = message + "\n\n申請番号：" + application.applicationNumber() + "\n事業：" + application.programmeName()
				+ "（" + application.fiscalYear() + "年度）\n事業の名称：" + application.title() + "\n\n申請の状況はポータルでご確認いただけます：\n"
				+ this.publicBaseUrl + "/portal/lg/subsidies/" + application.applicationNumber() + "\n";
		for (String email : this.directory.ofGroup(groupId)) {
			this.outbox.queue(email, "【助成事業】" + subject + "（" + application.applicationNumber() + "）", body,
					application.applicationNumber());
		}
	}

}
