package jp.localgov.casework.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one unit of work (a case, a submission) in a number of client threads for a fixed
 * time and counts what finished: throughput, latencies and failures.
 */
final class Load {

	/** One unit of work; {@code worker} and {@code sequence} make its data unique. */
	interface Work {

		void run(int worker, int sequence) throws Exception;

	}

	/** What a load run measured. */
	record Result(int threads, int completed, int failed, double seconds, double perSecond, double p50, double p95,
			List<String> firstErrors) {
	}

	private Load() {
	}

	static Result run(int threads, Duration duration, Work work) throws Exception {
		Stats stats = new Stats();
		AtomicInteger failed = new AtomicInteger();
		List<String> errors = new ArrayList<>();
		long start = System.nanoTime();
		long end = start + duration.toNanos();
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int worker = 0; worker < threads; worker++) {
				int id = worker;
				futures.add(pool.submit(() -> {
					int sequence = 0;
					while (System.nanoTime() < end) {
						long begin = System.nanoTime();
						try {
							work.run(id, sequence++);
							stats.add(System.nanoTime() - begin);
						}
						catch (Exception | AssertionError ex) {
							failed.incrementAndGet();
							synchronized (errors) {
								if (errors.size() < 5) {
									errors.add(ex.toString());
								}
							}
						}
					}
					return null;
				}));
			}
			for (Future<?> future : futures) {
				future.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		return new Result(threads, stats.count(), failed.get(), seconds, stats.count() / seconds, stats.p50(),
				stats.p95(), errors);
	}

}
