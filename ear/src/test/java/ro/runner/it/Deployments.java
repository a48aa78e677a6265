package ro.runner.it;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Testable;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The deployments of the tests: the EAR exactly as the build made it, optionally with one more web
 * module holding the test classes (so in-container tests see the application as deployed).
 */
public final class Deployments {

    private Deployments() {}

    /** The EAR as built by this build. */
    public static EnterpriseArchive ear() {
        String path = System.getProperty("runner.ear");
        if (path == null || !new File(path).isFile()) {
            throw new IllegalStateException("system property runner.ear must name the built EAR, got " + path);
        }
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(path));
    }

    /**
     * The EAR with MicroProfile Config properties of its own (a library jar holding
     * META-INF/microprofile-config.properties): a setting for one test class that no other test sees,
     * whichever way the server was started.
     */
    public static EnterpriseArchive earWithConfig(Map<String, String> properties) {
        var text = new StringBuilder();
        properties.forEach(
                (name, value) -> text.append(name).append('=').append(value).append('\n'));
        EnterpriseArchive ear = ear();
        ear.addAsLibrary(ShrinkWrap.create(JavaArchive.class, "it-config.jar")
                .addAsManifestResource(new StringAsset(text.toString()), "microprofile-config.properties"));
        return ear;
    }

    /** The EAR plus a test web module (context root /it) that Arquillian runs the tests in. */
    public static EnterpriseArchive earWith(Class<?>... testClasses) {
        EnterpriseArchive ear = ear();
        WebArchive tests = ShrinkWrap.create(WebArchive.class, "it.war")
                .addClasses(testClasses)
                .addClass(Deployments.class)
                .addAsLibrary(jarOf(org.assertj.core.api.Assertions.class))
                .addAsWebInfResource(
                        new StringAsset("<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\""
                                + " version=\"4.0\" bean-discovery-mode=\"all\"/>"),
                        "beans.xml");
        ear.addAsModule(Testable.archiveToTest(tests));
        String xml = read(ear, "/META-INF/application.xml");
        ear.delete("/META-INF/application.xml");
        ear.setApplicationXML(new StringAsset(xml.replace(
                "<library-directory>",
                "<module><web><web-uri>it.war</web-uri><context-root>/it</context-root></web></module>\n"
                        + "    <library-directory>")));
        return ear;
    }

    /** The jar a test library class was loaded from, to ship it inside the test module. */
    private static File jarOf(Class<?> type) {
        try {
            return new File(
                    type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(EnterpriseArchive ear, String path) {
        try (InputStream in = ear.get(path).getAsset().openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
