package jp.localgov.casework.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits on anonymous intake ({@code casework.intake.*}).
 */
@ConfigurationProperties("casework.intake")
public class IntakeProperties {

	/**
	 * Anonymous submissions a minute per client address and per e-mail address, on each
	 * node; {@code 0} switches the limit off (load tests).
	 */
	private int rateLimitPerMinute = 10;

	public int getRateLimitPerMinute() {
		return this.rateLimitPerMinute;
	}

	public void setRateLimitPerMinute(int rateLimitPerMinute) {
		this.rateLimitPerMinute = rateLimitPerMinute;
	}

}
