package jp.localgov.casework.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Percentiles of measured durations, in milliseconds. */
final class Stats {

	private final List<Double> millis = Collections.synchronizedList(new ArrayList<>());

	void add(long nanos) {
		this.millis.add(nanos / 1_000_000.0);
	}

	int count() {
		return this.millis.size();
	}

	double percentile(double p) {
		List<Double> sorted;
		synchronized (this.millis) {
			sorted = new ArrayList<>(this.millis);
		}
		if (sorted.isEmpty()) {
			return Double.NaN;
		}
		Collections.sort(sorted);
		int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
	}

	double p50() {
		return percentile(50);
	}

	double p95() {
		return percentile(95);
	}

}
