package io.github.s3lite.test;

import java.net.URI;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A {@link FaultProxy} in front of the test class's store ({@link S3Store#forTestClass}, so an RGW subclass gets
 * one in front of RGW), started and closed by JUnit:
 * <pre>
 * &#64;RegisterExtension
 * static final FaultProxyExtension PROXY = new FaultProxyExtension();
 * </pre>
 * On a static field one proxy serves the whole class (started before {@code @BeforeAll} methods of the class, so
 * before the Camel context of a {@link S3LiteTestSupport} test asks for {@link #endpoint()}); on an instance field,
 * one proxy per test. Before every test its record is cleared and its rule is {@link FaultProxy#PASS}, so no test
 * sees another's faults.
 */
public final class FaultProxyExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    private final Function<ExtensionContext, URI> upstream;
    private FaultProxy proxy;
    private boolean perClass;

    /** In front of the store the test class runs against. */
    public FaultProxyExtension() {
        this(context -> S3Store.forTestClass(context.getRequiredTestClass()).endpoint());
    }

    /** In front of {@code upstream} (a fake server, another store). */
    public FaultProxyExtension(URI upstream) {
        this(context -> upstream);
    }

    private FaultProxyExtension(Function<ExtensionContext, URI> upstream) {
        this.upstream = upstream;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        perClass = true;
        proxy = new FaultProxy(upstream.apply(context));
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        close();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        if (perClass) {
            proxy.clear();
            proxy.rule(s -> FaultProxy.PASS);
        } else {
            proxy = new FaultProxy(upstream.apply(context));
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        if (!perClass) {
            close();
        }
    }

    private void close() throws Exception {
        if (proxy != null) {
            proxy.close();
            proxy = null;
        }
    }

    /** The running proxy. */
    public FaultProxy get() {
        if (proxy == null) {
            throw new IllegalStateException("the FaultProxy runs only while the test class runs");
        }
        return proxy;
    }

    /** Where clients and components send requests to go through the proxy. */
    public URI endpoint() {
        return get().endpoint();
    }

    /** See {@link FaultProxy#rule}. */
    public void rule(Function<FaultProxy.Seen, FaultProxy.Action> rule) {
        get().rule(rule);
    }

    /** See {@link FaultProxy#seen}. */
    public List<FaultProxy.Seen> seen() {
        return get().seen();
    }

    /** See {@link FaultProxy#clear}. */
    public void clear() {
        get().clear();
    }
}
