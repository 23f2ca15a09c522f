package dev.setlist.plugin.api;

import dev.setlist.plugin.DemoServer;
import dev.setlist.plugin.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/** The page and its assets, the chart library included, come from Setlist itself: no CDN. */
@ExtendWith(DemoServer.Extension.class)
class WebUiResourceTest {

    private final Http http;

    WebUiResourceTest(DemoServer server) {
        this.http = server.http();
    }

    @Test
    void servesThePageItsScriptsAndTheChartLibraryFromItsWebJar() {
        Http.Reply page = http.get("");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("/ui/vendor/uplot.js", "/ui/editor.js", "/ui/charts.js")
                .doesNotContain("https://", "http://");
        for (String script : new String[] {"ui/app.js", "ui/editor.js", "ui/charts.js", "ui/vendor/uplot.js"}) {
            Http.Reply reply = http.get(script);
            assertThat(reply.status()).as(script).isEqualTo(200);
            assertThat(reply.contentType()).as(script).startsWith("text/javascript");
        }
        assertThat(http.get("ui/vendor/uplot.js").body()).contains("uPlot");
        assertThat(http.get("ui/vendor/uplot.css").contentType()).startsWith("text/css");
        assertThat(http.get("ui/vendor/other.js").status()).isEqualTo(404);
        assertThat(http.get("ui/../secret.js").status()).isEqualTo(404);
    }
}
