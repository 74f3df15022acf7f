package io.vantaechonebula.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.vantaechonebula.operators.Operator;
import io.vantaechonebula.operators.OperatorsFile;
import io.vantaechonebula.operators.PasswordHash;
import io.vantaechonebula.operators.Role;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The server remembers a password that matched for a few minutes; changing the password or removing
 * the operator in the operators file ends that at once, and a name with a line break is refused.
 */
@ExtendWith(ArquillianExtension.class)
class OperatorLoginIT {

    private static final String PATH = "/api/v1/pool/dead-batches";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return VantaEar.asBuilt();
    }

    private static Path operatorsFile() {
        return ServerControl.configDir().resolve("vanta-operators");
    }

    @Test
    void aChangedPasswordOrARemovedOperatorEndsTheRememberedLoginAtOnce() throws Exception {
        String name = "olga" + System.nanoTime() % 100_000;
        OperatorsFile.put(operatorsFile(), new Operator(name, Set.of(Role.VIEWER), PasswordHash.hash("first-password".toCharArray())));
        assertThat(Api.eventually(() -> Api.getAs(PATH, name, "first-password"), answer -> answer.status() == 200).status())
                .isEqualTo(200);

        OperatorsFile.put(operatorsFile(), new Operator(name, Set.of(Role.VIEWER), PasswordHash.hash("second-password".toCharArray())));
        assertThat(Api.eventually(() -> Api.getAs(PATH, name, "first-password"), answer -> answer.status() == 401).status())
                .as("the old password, remembered a moment ago").isEqualTo(401);
        assertThat(Api.getAs(PATH, name, "second-password").status()).isEqualTo(200);

        List<String> others = Files.readAllLines(operatorsFile(), StandardCharsets.UTF_8).stream()
                .filter(line -> !line.startsWith(name + " ")).toList();
        Files.write(operatorsFile(), others, StandardCharsets.UTF_8);
        assertThat(Api.eventually(() -> Api.getAs(PATH, name, "second-password"), answer -> answer.status() == 401).status())
                .as("a removed operator, remembered a moment ago").isEqualTo(401);
    }

    @Test
    void aNameWithALineBreakIsRefused() {
        TestOperators.add();
        Api.Answer answer = Api.getAs(PATH, TestOperators.VIEWER + "\r\nSEVERE: forged", TestOperators.VIEWER_PASSWORD);
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }
}
