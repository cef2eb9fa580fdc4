package org.chatons.entraide.agent;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/**
 * Runs a Testcontainers class where a Docker engine answers; elsewhere skips it saying why Docker was unusable
 * (Testcontainers' own {@code disabledWithoutDocker} only says that it was). Each detection strategy's failure is
 * also in the log, at ERROR.
 */
public final class DockerAvailable implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        try {
            DockerClientFactory.instance().client();
            return ConditionEvaluationResult.enabled("a Docker engine answers");
        } catch (RuntimeException e) {
            return ConditionEvaluationResult.disabled("Docker is unusable here: " + causes(e) + " (DOCKER_HOST "
                    + (System.getenv("DOCKER_HOST") == null ? "unset" : "= " + System.getenv("DOCKER_HOST"))
                    + ", /var/run/docker.sock " + (Files.exists(Path.of("/var/run/docker.sock")) ? "present" : "absent")
                    + ")");
        }
    }

    private static String causes(Throwable e) {
        List<String> messages = new ArrayList<>();
        for (Throwable t = e; t != null && messages.size() < 4; t = t.getCause()) {
            messages.add(t.getClass().getSimpleName() + ": " + t.getMessage());
        }
        return String.join(", caused by ", messages);
    }
}
