package dev.setlist.plugin.server;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.glassfish.jersey.jetty.JettyHttpContainerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.slf4j.bridge.SLF4JBridgeHandler;

import java.net.BindException;
import java.net.URI;

/**
 * Jersey on Jetty, listening on one address and port. Jetty answers HTTP/1.1 POSTs from Java's
 * HttpClient at once (Grizzly stalls 30 s on its h2c upgrade), which is why it was chosen.
 *
 * <p>Thread-safe; {@link #close()} stops it.
 */
public final class HttpServer implements AutoCloseable {

    private final Server jetty;
    private final URI baseUri;

    private HttpServer(Server jetty, URI baseUri) {
        this.jetty = jetty;
        this.baseUri = baseUri;
    }

    /**
     * Starts listening.
     *
     * @param port 0 picks a free port; {@link #port()} tells which
     * @throws PortInUseException when the port is taken
     */
    public static HttpServer start(String host, int port, ResourceConfig application) {
        return start(host, port, application, null);
    }

    /**
     * Starts listening, with {@code front} (when not {@code null}) seeing every request before Jersey: it answers
     * those it takes and passes the others on.
     *
     * @throws PortInUseException when the port is taken
     */
    public static HttpServer start(String host, int port, ResourceConfig application, Handler.Wrapper front) {
        routeJerseyLoggingToSlf4j();
        URI requested = URI.create("http://" + hostForUri(host) + ":" + port + "/");
        Server jetty = JettyHttpContainerFactory.createServer(requested,
                application.property(ServerProperties.WADL_FEATURE_DISABLE, true), false);
        // Jersey's factory sets only the port; without the host Jetty would listen on every interface.
        ((ServerConnector) jetty.getConnectors()[0]).setHost(host);
        jetty.setErrorHandler(new JsonErrorHandler());
        if (front != null) {
            front.setHandler(jetty.getHandler());
            jetty.setHandler(front);
        }
        try {
            jetty.start();
        } catch (Exception e) {
            stopQuietly(jetty);
            if (causedByBind(e)) {
                throw new PortInUseException(host, port, e);
            }
            throw new IllegalStateException("the HTTP server could not start on " + host + ":" + port + ": " + e, e);
        }
        int actualPort = ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
        String visibleHost = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : hostForUri(host);
        return new HttpServer(jetty, URI.create("http://" + visibleHost + ":" + actualPort + "/"));
    }

    /**
     * Fails fast, before any slow start-up work, when the port is visibly taken. The real bind in
     * {@link #start} still reports a port taken in between.
     *
     * @throws PortInUseException when something already listens there
     */
    public static void checkAvailable(String host, int port) {
        if (port == 0) {
            return;
        }
        try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new java.net.InetSocketAddress(host, port));
        } catch (BindException e) {
            throw new PortInUseException(host, port, e);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    /**
     * Jersey logs through java.util.logging; send it to SLF4J like everything else, and drop Jersey's
     * warning that resource instances "do not implement any provider interfaces" (eclipse-ee4j/jersey#3700:
     * resources registered as instances work, the warning is cosmetic).
     */
    private static synchronized void routeJerseyLoggingToSlf4j() {
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
        JERSEY_PROVIDERS_LOG.setLevel(java.util.logging.Level.SEVERE);
    }

    /** Held strongly: java.util.logging keeps loggers weakly and would forget the level. */
    private static final java.util.logging.Logger JERSEY_PROVIDERS_LOG =
            java.util.logging.Logger.getLogger("org.glassfish.jersey.internal.inject.Providers");

    private static String hostForUri(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    private static boolean causedByBind(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException) {
                return true;
            }
        }
        return false;
    }

    private static void stopQuietly(Server jetty) {
        try {
            jetty.stop();
        } catch (Exception ignored) {
            // It never started; there is nothing to stop.
        }
    }

    /** Where it can be reached from this machine. */
    public URI baseUri() {
        return baseUri;
    }

    public int port() {
        return baseUri.getPort();
    }

    @Override
    public void close() {
        try {
            jetty.stop();
        } catch (Exception e) {
            throw new IllegalStateException("the HTTP server did not stop cleanly: " + e, e);
        }
    }
}
