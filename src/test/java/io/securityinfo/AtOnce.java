package io.securityinfo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Calls that race, as requests arriving together: each on a thread of a pool, held at a start gate until as many as
 * the pool runs at once are waiting there, then all released at the same moment.
 */
public final class AtOnce {

	/** How long a thread waits at the gate, and for a call's result, before the race counts as broken. */
	private static final Duration WAIT = Duration.ofSeconds(60);

	private AtOnce() {
	}

	/** Runs the calls on this many threads, released together; answers their results in the calls' order. */
	public static <T> List<T> call(int threads, List<? extends Callable<T>> calls) throws Exception {
		CountDownLatch ready = new CountDownLatch(Math.min(threads, calls.size()));
		CountDownLatch go = new CountDownLatch(1);
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			List<Future<T>> futures = new ArrayList<>();
			for (Callable<T> call : calls) {
				futures.add(executor.submit(() -> {
					ready.countDown();
					if (!go.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
						throw new IllegalStateException("Not released");
					}
					return call.call();
				}));
			}
			assertThat(ready.await(WAIT.toSeconds(), TimeUnit.SECONDS)).as("every thread at the start gate").isTrue();
			go.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get(WAIT.toSeconds(), TimeUnit.SECONDS));
			}
			return results;
		}
		finally {
			executor.shutdownNow();
		}
	}

}
