package dev.setlist.plugin.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The web page: {@code GET /} answers the web-ui module's {@code index.html}, {@code GET /ui/<file>}
 * its scripts and styles (from the classpath folder {@code dev/setlist/webui/}). Unknown files: 404.
 * Nothing here holds data; the page fetches it from the API with the key the person signs in with.
 * The charting library comes from its WebJar (uPlot, the version pinned in the parent pom), served as
 * {@code /ui/vendor/uplot.js} and {@code /ui/vendor/uplot.css}: no CDN, nothing fetched at run time.
 */
@Path("/")
public final class WebUiResource {

    private static final String ROOT = "dev/setlist/webui/";
    private static final String UPLOT = "META-INF/resources/webjars/uplot/";
    private static final Map<String, String> VENDOR = Map.of(
            "vendor/uplot.js", "dist/uPlot.iife.min.js",
            "vendor/uplot.css", "dist/uPlot.min.css");

    private final String uplotVersion = webJarVersion("META-INF/maven/org.webjars.npm/uplot/pom.properties");
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*\\.[a-z0-9]+");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "json", "application/json");

    @GET
    public Response index() throws IOException {
        return serve("index.html");
    }

    @GET
    @Path("ui/{file: .+}")
    public Response asset(@PathParam("file") String file) throws IOException {
        if (!SAFE_NAME.matcher(file).matches()) {
            return ApiError.response(Response.Status.NOT_FOUND, "no such file: " + file);
        }
        String vendor = VENDOR.get(file);
        if (vendor != null) {
            return serve(file, UPLOT + uplotVersion + "/" + vendor);
        }
        return serve(file);
    }

    private Response serve(String file) throws IOException {
        return serve(file, ROOT + file);
    }

    private Response serve(String file, String resource) throws IOException {
        String extension = file.substring(file.lastIndexOf('.') + 1);
        String type = TYPES.get(extension);
        InputStream in = WebUiResource.class.getClassLoader().getResourceAsStream(resource);
        if (in == null || type == null) {
            if (in != null) {
                in.close();
            }
            return ApiError.response(Response.Status.NOT_FOUND, "no such file: " + file);
        }
        byte[] bytes;
        try (in) {
            bytes = in.readAllBytes();
        }
        CacheControl cache = new CacheControl();
        cache.setNoCache(true);
        return Response.ok(bytes, type).cacheControl(cache)
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")
                .header("Referrer-Policy", "no-referrer")
                .build();
    }

    private static String webJarVersion(String properties) {
        try (InputStream in = WebUiResource.class.getClassLoader().getResourceAsStream(properties)) {
            if (in == null) {
                throw new IllegalStateException("a WebJar of the web UI is not on the classpath: " + properties);
            }
            java.util.Properties values = new java.util.Properties();
            values.load(in);
            return values.getProperty("version");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + properties, e);
        }
    }
}
