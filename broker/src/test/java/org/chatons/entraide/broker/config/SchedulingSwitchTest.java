package org.chatons.entraide.broker.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.annotation.AnnotationValue;
import io.micronaut.inject.BeanDefinition;
import io.micronaut.inject.ExecutableMethod;
import io.micronaut.inject.annotation.EvaluatedAnnotationValue;
import io.micronaut.scheduling.annotation.Scheduled;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@code broker.scheduled-jobs: false} turns every scheduled job of the broker off, so tests that run the jobs
 * themselves see no round between two steps; by default every job runs. Read as Micronaut reads it before each run.
 */
class SchedulingSwitchTest {

    /** Each scheduled method of the broker ("PeerSync.exchangeWithAll") and whether its condition lets it run. */
    static Map<String, Boolean> jobs(Map<String, Object> settings) {
        Map<String, Boolean> jobs = new TreeMap<>();
        try (ApplicationContext broker = ApplicationContext.builder().environments("test").properties(settings)
                .start()) {
            for (BeanDefinition<?> bean : broker.getAllBeanDefinitions()) {
                if (!bean.getBeanType().getPackageName().startsWith("org.chatons.entraide.broker")) {
                    continue;
                }
                for (ExecutableMethod<?, ?> method : bean.getExecutableMethods()) {
                    for (AnnotationValue<Scheduled> scheduled : method.getAnnotationValuesByType(Scheduled.class)) {
                        AnnotationValue<Scheduled> evaluated = scheduled instanceof EvaluatedAnnotationValue<Scheduled> e
                                ? e.withArguments(broker.getBean(bean), new Object[0]) : scheduled;
                        jobs.put(bean.getBeanType().getSimpleName() + "." + method.getMethodName(),
                                evaluated.booleanValue("condition").orElse(true));
                    }
                }
            }
        }
        return jobs;
    }

    @Test
    void everyScheduledJobRunsByDefault() {
        Map<String, Boolean> jobs = jobs(Map.of());
        assertThat(jobs).containsKeys("PeerSync.exchangeWithAll", "ChatonsInfos.refresh", "ChatonsInfos.probeAll",
                "MembersReloader.checkForChange", "RegistryJanitor.forgetSilentHosts").hasSizeGreaterThanOrEqualTo(7);
        assertThat(jobs).allSatisfy((job, runs) -> assertThat(runs).as(job).isTrue());
    }

    @Test
    void noScheduledJobRunsWhenTheyAreOff() {
        Map<String, Boolean> jobs = jobs(Map.of("broker.scheduled-jobs", "false"));
        assertThat(jobs).hasSizeGreaterThanOrEqualTo(7)
                .allSatisfy((job, runs) -> assertThat(runs).as(job).isFalse());
        assertThat(jobs(Map.of("broker.scheduled-jobs", false))).allSatisfy((job, runs) -> assertThat(runs).isFalse());
    }
}
