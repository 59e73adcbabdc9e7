package jp.localgov.casework.support;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The SMTP port of this test run: reserved free by the build
 * ({@code casework.test.smtp-port}, see the pom), 3025 when a test is started from the
 * IDE, so two runs on one machine never collide.
 */
public final class TestSmtp {

	/** Port the application's mail sender and every GreenMail server of the run share. */
	public static final int PORT = Integer.getInteger("casework.test.smtp-port", 3025);

	private TestSmtp() {
	}

	/** A GreenMail SMTP server on the run's port. */
	public static GreenMailExtension server() {
		return new GreenMailExtension(new ServerSetup(PORT, null, ServerSetup.PROTOCOL_SMTP));
	}

}
