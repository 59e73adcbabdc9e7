package jp.localgov.casework.system;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import jp.localgov.casework.support.CaseworkSpringBootTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

@CaseworkSpringBootTest
class SystemCheckProcessTests {

	@Autowired
	ProcessEngine processEngine;

	@BeforeEach
	void setUp() {
		init(this.processEngine);
	}

	@Test
	void operatorConfirmsThatTheSystemWorks() {
		// Given an operator starts the system check after an upgrade
		ProcessInstance check = this.processEngine.getRuntimeService()
			.startProcessInstanceByKey("SystemCheck", withVariables("reason", "7.24 への更新"));

		// Then the confirmation waits for the operators in Tasklist, with the start
		// form's answer
		assertThat(check).isWaitingAt("Task_ConfirmSystem");
		assertThat(task()).hasCandidateGroup("operators").hasName("動作を確認する");
		assertThat(check).variables().containsEntry("reason", "7.24 への更新");

		// When an operator confirms
		complete(task(), withVariables("confirmed", true, "remarks", "問題なし"));

		// Then the check is done
		assertThat(check).hasPassedInOrder("StartEvent_CheckRequested", "Task_ConfirmSystem", "EndEvent_CheckDone")
			.isEnded();
	}

}
