package ro.runner.it;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For a test class that pays orders or sends mails: after its tests, waits until the consumers have
 * done its work ({@link TestStack#awaitConsumersQuiet}) before Arquillian undeploys the EAR. Named
 * after {@code ArquillianExtension} in {@code @ExtendWith}: JUnit runs "after" callbacks in the
 * reverse order, so this one runs before the undeploy.
 */
public class ConsumersQuiet implements AfterAllCallback {

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        TestStack.awaitConsumersQuiet();
    }
}
