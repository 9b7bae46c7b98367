package io.securityinfo.system;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Runs the housekeeping jobs each module schedules with {@code @Scheduled(cron = "${app.housekeeping.cron}")}.
 * Every instance runs them; each job is an idempotent delete, so no instance needs to be the one that does.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfiguration {

}
