package dev.setlist.plugin.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The served OpenAPI document lists every operation of every resource class, and nothing else. */
class OpenApiDocumentTest {

    /** Every resource class the composition root registers. */
    static final List<Class<?>> RESOURCES = List.of(HealthResource.class, WebhookResource.class, UsersResource.class,
            ApiDocsResource.class, WebUiResource.class, FeedbackResource.class,
            OnboardingResource.class, ModeResource.class, TuningResource.class, WhyResource.class,
            SurpriseResource.class, ProfilesResource.class, JourneyResource.class,
            TogetherResource.class, InsightsResource.class, PrivacyResource.class, PublishResource.class,
            RulesResource.class, SettingsResource.class, CallerResource.class, PlaylistSendResource.class,
            TasteResource.class);

    @Test
    void documentsEveryOperationOfTheApi() throws IOException {
        JsonNode paths = document().get("paths");
        List<String> implemented = new ArrayList<>();
        for (Class<?> resource : RESOURCES) {
            String base = resource.getAnnotation(Path.class).value();
            for (Method method : resource.getDeclaredMethods()) {
                String verb = verb(method);
                if (verb == null) {
                    continue;
                }
                Path sub = method.getAnnotation(Path.class);
                String path = join(base, sub == null ? "" : sub.value()).replaceAll("\\{(\\w+):[^}]*}", "{$1}");
                if (!path.startsWith("/api") && !path.startsWith("/webhook")) {
                    continue;
                }
                implemented.add(verb + " " + path);
            }
        }
        List<String> documented = new ArrayList<>();
        paths.fields().forEachRemaining(entry -> entry.getValue().fieldNames()
                .forEachRemaining(verb -> documented.add(verb + " " + entry.getKey())));
        assertThat(documented).containsExactlyInAnyOrderElementsOf(implemented);
    }

    @Test
    void everyDocumentedOperationSaysWhatItAnswers() throws IOException {
        document().get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op ->
                assertThat(op.getValue().get("responses")).as(op.getKey() + " " + path.getKey()).isNotEmpty()));
    }

    private static JsonNode document() throws IOException {
        try (InputStream in = OpenApiDocumentTest.class.getClassLoader()
                .getResourceAsStream("dev/setlist/plugin/api/openapi.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static String verb(Method method) {
        if (method.isAnnotationPresent(GET.class)) {
            return "get";
        }
        if (method.isAnnotationPresent(POST.class)) {
            return "post";
        }
        if (method.isAnnotationPresent(PUT.class)) {
            return "put";
        }
        if (method.isAnnotationPresent(DELETE.class)) {
            return "delete";
        }
        return null;
    }

    private static String join(String base, String sub) {
        String path = ("/" + base + "/" + sub).replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
