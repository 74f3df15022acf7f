package io.vantaechonebula.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Files;
import java.nio.file.Path;

/** A module's own compiled classes (its {@code target/classes}), as the reactor built them before this module. */
final class ModuleClasses {

    private ModuleClasses() {
    }

    static JavaClasses of(String module) {
        Path classes = Path.of(System.getProperty("user.dir")).resolveSibling(module).resolve("target/classes");
        if (!Files.isDirectory(classes)) {
            throw new IllegalStateException("no compiled classes of module " + module + " at " + classes
                    + "; build the whole project (./mvnw verify) so that the reactor compiles it first");
        }
        return new ClassFileImporter().importPath(classes);
    }
}
