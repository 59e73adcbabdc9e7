package jp.localgov.casework.platform.process;

import java.util.List;

import jp.localgov.casework.platform.StaffGroup;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.DependsOn;
import org.springframework.stereotype.Component;

/**
 * Demo accounts for trying the application out: one person per role and two local
 * governments, all with the documented demo password; created only where
 * {@code casework.demo.enabled} is set (the default {@code demo} profile), never in
 * production.
 */
@Component
@DependsOn("identityBootstrap")
@ConditionalOnProperty(name = "casework.demo.enabled", havingValue = "true")
public class DemoAccounts implements InitializingBean {

	/** The demo people; README lists the same table. */
	static final List<DemoAccount> ACCOUNTS = List.of(
			new DemoAccount("desk", "花子", "窓口", "desk@casework.example.jp", StaffGroup.SECRETARIAT.id()),
			new DemoAccount("yamada", "誠", "山田", "yamada@casework.example.jp", StaffGroup.SECRETARIAT.id(),
					StaffGroup.SECRETARIAT.leadGroupId()),
			new DemoAccount("kato", "由美", "加藤", "kato@casework.example.jp", StaffGroup.EXCHANGE_COOPERATION.id(),
					StaffGroup.EXCHANGE_COOPERATION.leadGroupId()),
			new DemoAccount("ito", "大輔", "伊藤", "ito@casework.example.jp", StaffGroup.EXCHANGE_COOPERATION.id()),
			new DemoAccount("tanaka", "一郎", "田中", "tanaka@casework.example.jp", StaffGroup.ECONOMIC_EXCHANGE.id()),
			new DemoAccount("suzuki", "次郎", "鈴木", "suzuki@casework.example.jp", StaffGroup.ECONOMIC_EXCHANGE.id()),
			new DemoAccount("kimura", "恵子", "木村", "kimura@casework.example.jp", StaffGroup.ECONOMIC_EXCHANGE.id(),
					StaffGroup.ECONOMIC_EXCHANGE.leadGroupId()),
			new DemoAccount("mori", "茂", "森", "mori@casework.example.jp", StaffGroup.DIRECTORS.id()),
			new DemoAccount("sato", "美咲", "佐藤", "sato@casework.example.jp", StaffGroup.MULTICULTURAL.id()),
			new DemoAccount("owner", "健", "山本", "owner@casework.example.jp", StaffGroup.PROCESS_OWNERS.id()),
			new DemoAccount("operator", "翔", "中村", "operator@casework.example.jp", StaffGroup.OPERATORS.id()),
			new DemoAccount("hamamatsu", "国際課", "浜松市", "kokusai@hamamatsu.example.jp",
					StaffGroup.localGovernmentGroupId("221309")),
			new DemoAccount("chiyoda", "国際交流担当", "千代田区", "kokusai@chiyoda.example.jp",
					StaffGroup.localGovernmentGroupId("131016")));

	private final IdentityService identityService;

	private final String password;

	public DemoAccounts(IdentityService identityService, @Value("${casework.demo.password}") String password) {
		this.identityService = identityService;
		this.password = password;
	}

	@Override
	public void afterPropertiesSet() {
		for (DemoAccount account : ACCOUNTS) {
			if (this.identityService.createUserQuery().userId(account.id()).count() > 0) {
				continue;
			}
			User user = this.identityService.newUser(account.id());
			user.setFirstName(account.firstName());
			user.setLastName(account.lastName());
			user.setEmail(account.email());
			user.setPassword(this.password);
			this.identityService.saveUser(user);
			for (String groupId : account.groupIds()) {
				ensureLocalGovernmentGroup(groupId, account.lastName());
				this.identityService.createMembership(account.id(), groupId);
			}
		}
	}

	private void ensureLocalGovernmentGroup(String groupId, String localGovernmentName) {
		if (!groupId.startsWith(StaffGroup.LOCAL_GOVERNMENT_PREFIX)
				|| this.identityService.createGroupQuery().groupId(groupId).count() > 0) {
			return;
		}
		Group group = this.identityService.newGroup(groupId);
		group.setName(localGovernmentName);
		group.setType("LOCAL_GOVERNMENT");
		this.identityService.saveGroup(group);
	}

	record DemoAccount(String id, String firstName, String lastName, String email, String... groupIds) {
	}

}
