package jp.localgov.casework.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the tracking number tests check on either database.
 */
abstract class TrackingNumbersChecks {

	static final Year YEAR = Year.of(2031);

	@Autowired
	TrackingNumbers numbers;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	JdbcTemplate jdbc;

	void assertSimultaneousFirstNumbers(String prefix, int threads) throws Exception {
		CountDownLatch ready = new CountDownLatch(threads);
		CountDownLatch go = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<String>> results = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				results.add(pool.submit(() -> {
					ready.countDown();
					go.await();
					return inTransaction(prefix, YEAR);
				}));
			}
			assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
			go.countDown();
			List<String> taken = new ArrayList<>();
			for (Future<String> result : results) {
				taken.add(result.get(60, TimeUnit.SECONDS));
			}
			assertThat(taken).containsExactlyInAnyOrderElementsOf(
					IntStream.rangeClosed(1, threads).mapToObj((n) -> "%s-2031-%06d".formatted(prefix, n)).toList());
		}
		finally {
			pool.shutdownNow();
		}
	}

	void assertUnusedNumberLogged(String prefix, CapturedOutput output) {
		assertThat(inTransaction(prefix, YEAR)).isEqualTo(prefix + "-2031-000001");
		TransactionTemplate failing = new TransactionTemplate(this.transactionManager);
		assertThatThrownBy(() -> failing.executeWithoutResult((status) -> {
			assertThat(this.numbers.next(prefix, YEAR)).isEqualTo(prefix + "-2031-000002");
			throw new IllegalStateException("the submission fails after its number was taken");
		})).hasMessageContaining("fails");
		assertThat(output).contains("Tracking number " + prefix + "-2031-000002 unused");
		assertThat(inTransaction(prefix, YEAR)).isEqualTo(prefix + "-2031-000003");
	}

	String inTransaction(String prefix, Year year) {
		return new TransactionTemplate(this.transactionManager).execute((status) -> this.numbers.next(prefix, year));
	}

}
