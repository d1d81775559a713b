package org.lrkit.djl.testing;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One NDManager for a test class's shared data, closed after the class's last test: register it in a static
 * field and build the data from it in static fields below.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final SharedArrays ARRAYS = new SharedArrays();
 * private static final ArrayDataset blobs = Fixtures.blobs(ARRAYS.manager(), 300, 1, 32);
 * }</pre>
 */
public final class SharedArrays implements AfterAllCallback {

    private final NDManager manager = NDManager.newBaseManager();

    /**
     * The manager the class's shared arrays belong to.
     *
     * @return the manager, open until the class's tests are done
     */
    public NDManager manager() {
        return manager;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        manager.close();
    }
}
