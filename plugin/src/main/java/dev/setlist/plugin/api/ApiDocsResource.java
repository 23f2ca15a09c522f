package dev.setlist.plugin.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The API described: {@code GET /api/openapi.json} answers the OpenAPI 3.1 document (a test keeps it in
 * step with the resources), {@code GET /api/docs} Swagger UI over it, served from its WebJar (no CDN).
 * Neither needs a credential; Swagger UI's "Authorize" takes the bearer key for trying calls.
 */
@Path("/api")
public final class ApiDocsResource {

    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
    private static final Set<String> SWAGGER_FILES = Set.of("swagger-ui.css", "swagger-ui-bundle.js",
            "swagger-ui-standalone-preset.js", "favicon-32x32.png", "favicon-16x16.png");
    private static final Map<String, String> TYPES = Map.of("css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "png", "image/png", "html", "text/html; charset=utf-8",
            "json", "application/json");

    private final String swaggerVersion = swaggerUiVersion();

    @GET
    @Path("openapi.json")
    public Response document() throws IOException {
        return classpath("dev/setlist/plugin/api/openapi.json");
    }

    @GET
    @Path("docs")
    public Response page() throws IOException {
        return classpath("dev/setlist/plugin/api/docs.html");
    }

    @GET
    @Path("docs/{file}")
    public Response file(@PathParam("file") String file) throws IOException {
        if (file.equals("setlist-docs.js")) {
            return classpath("dev/setlist/plugin/api/setlist-docs.js");
        }
        if (!SWAGGER_FILES.contains(file)) {
            return ApiError.response(Response.Status.NOT_FOUND, "no such file: " + file);
        }
        return classpath(WEBJAR + swaggerVersion + "/" + file);
    }

    private static Response classpath(String path) throws IOException {
        try (InputStream in = ApiDocsResource.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                return ApiError.response(Response.Status.NOT_FOUND, "not packaged: " + path);
            }
            String type = TYPES.get(path.substring(path.lastIndexOf('.') + 1));
            return Response.ok(in.readAllBytes(), type).header("X-Content-Type-Options", "nosniff").build();
        }
    }

    private static String swaggerUiVersion() {
        try (InputStream in = ApiDocsResource.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("the swagger-ui WebJar is not on the classpath");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the swagger-ui WebJar's version", e);
        }
    }
}
