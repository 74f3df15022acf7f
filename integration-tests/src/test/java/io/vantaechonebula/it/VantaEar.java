package io.vantaechonebula.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/** The EAR exactly as the build made it; tests deploy it whole and use it from outside. */
final class VantaEar {

    private VantaEar() {
    }

    static EnterpriseArchive asBuilt() {
        File ear = new File(System.getProperty("vanta.ear", "../ear/target/vanta.ear"));
        if (!ear.isFile()) {
            throw new IllegalStateException("No EAR at " + ear.getAbsolutePath() + "; build it first (./mvnw verify builds it)");
        }
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, ear);
    }
}
