/**
 * Diagnostics for the performance bench ({@code src/bench/run.sh}, docs/performance.md), present only while
 * {@code app.bench.enabled=true}, which the bench passes and nothing else sets: a minimal authenticated page (the
 * ceiling of this stack), Hibernate's statement count and the heap's peak for administrators, and the seeding of
 * many accounts. Never enabled in production.
 */
package io.securityinfo.bench;
