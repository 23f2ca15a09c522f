package dev.setlist.plugin.metrics;

import dev.setlist.plugin.jellyfin.JellyfinClient;
import dev.setlist.plugin.taste.ModelTrainer;
import dev.setlist.plugin.taste.TasteModel;
import dev.setlist.rules.LiveRuleBook;
import dev.setlist.rules.RuleBook;
import dev.setlist.rules.RuleOutcome;
import dev.setlist.rules.model.Curation;
import dev.setlist.rules.model.ListeningContext;
import dev.setlist.rules.model.Tuning;
import dev.setlist.scorer.candidates.Candidate;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Every figure {@code GET /metrics} shows, in one Micrometer registry scraped in Prometheus's text format. The
 * names (as Prometheus sees them; docs/operations.md has the list with Grafana queries):
 *
 * <ul>
 *   <li>{@code setlist_events_ingested_total}: events stored (webhook, feedback, sync, socket, demo);</li>
 *   <li>{@code setlist_events_refused_total{reason}}: webhook deliveries refused or not kept: {@code unauthorized},
 *       {@code malformed}, {@code too_large}, {@code paused} (the person paused their history), {@code unavailable} (the log could
 *       not take it: 503), {@code other};</li>
 *   <li>{@code setlist_events_ignored_total}: notification types Setlist does not record;</li>
 *   <li>{@code setlist_playlist_seconds{kind}}: a histogram of answering a playlist ({@code playlist},
 *       {@code journey}, {@code together}, {@code surprise}, {@code why}, {@code feedback} with its re-plan);</li>
 *   <li>{@code setlist_rules_evaluation_seconds} (histogram) and {@code setlist_rules_evaluation_failures_total}:
 *       each rule book evaluation, and those stopped by a limit or a failing rule;</li>
 *   <li>{@code setlist_rules_reloads_total}, {@code setlist_rules_refusals_total}, {@code setlist_rules_up_to_date}
 *       (1 when the last book submitted went live);</li>
 *   <li>{@code setlist_model_age_seconds}, {@code setlist_model_training_seconds} (the last training),
 *       {@code setlist_model_trainings_total}, {@code setlist_model_interactions};</li>
 *   <li>{@code setlist_jellyfin_failures_total}: Jellyfin calls that failed (unreachable or not 2xx);</li>
 *   <li>{@code setlist_http_responses_total{status}}: every answer by status class ({@code 2xx} ... {@code 5xx});</li>
 *   <li>the JVM's memory, garbage collection, threads, CPU and uptime.</li>
 * </ul>
 *
 * <p>Thread-safe (Micrometer meters are).
 */
public final class SetlistMetrics {

    /** Playlist latency buckets: what a person notices lies between a tenth of a second and a few seconds. */
    private static final Duration[] LATENCY_BUCKETS = {
        Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
        Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
        Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Clock clock;
    private final Counter ingested;
    private final Counter ignored;
    private final Timer ruleEvaluations;
    private final Counter ruleFailures;

    public SetlistMetrics(Clock clock) {
        this.clock = clock;
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        ingested = Counter.builder("setlist.events.ingested").description("events stored in the event log")
                .register(registry);
        ignored = Counter.builder("setlist.events.ignored")
                .description("webhook deliveries of notification types Setlist does not record").register(registry);
        for (String reason : List.of("unauthorized", "malformed", "too_large", "paused", "unavailable", "other")) {
            refusedCounter(reason);
        }
        ruleEvaluations = Timer.builder("setlist.rules.evaluation").description("one rule book evaluation")
                .serviceLevelObjectives(Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10),
                        Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
                        Duration.ofMillis(500), Duration.ofSeconds(1))
                .register(registry);
        ruleFailures = Counter.builder("setlist.rules.evaluation.failures")
                .description("evaluations stopped by a limit or a failing rule (candidates passed with the always-on "
                        + "filters only)").register(registry);
        for (String kind : List.of("playlist", "journey", "together", "surprise", "why", "feedback")) {
            playlistTimer(kind);
        }
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** Everything, in Prometheus's text exposition format (version 0.0.4). */
    public String scrape() {
        return registry.scrape();
    }

    /** An event went into the log. */
    public void eventIngested() {
        ingested.increment();
    }

    /** A webhook delivery was refused or not kept, for {@code reason}. */
    public void eventRefused(String reason) {
        refusedCounter(reason).increment();
    }

    /** A webhook delivery of a type Setlist does not record. */
    public void eventIgnored() {
        ignored.increment();
    }

    /** An answer of the HTTP API, counted by status class. */
    public void response(int status) {
        Counter.builder("setlist.http.responses").tag("status", (status / 100) + "xx")
                .description("answers of the HTTP server by status class").register(registry).increment();
    }

    /** How long a playlist of {@code kind} took to answer. */
    public void playlistAnswered(String kind, long nanos) {
        playlistTimer(kind).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** {@code rules}, with each evaluation timed and its failures counted. */
    public RuleBook timed(RuleBook rules) {
        return new RuleBook() {
            @Override
            public RuleOutcome evaluate(ListeningContext context, Tuning tuning, List<Candidate> candidates,
                                        Curation curation) {
                long start = System.nanoTime();
                RuleOutcome outcome = rules.evaluate(context, tuning, candidates, curation);
                ruleEvaluations.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                if (outcome.failed()) {
                    ruleFailures.increment();
                }
                return outcome;
            }

            @Override
            public String version() {
                return rules.version();
            }
        };
    }

    /** Reloads and refusals of the live rule book, and whether the newest book submitted is the one serving. */
    public void watch(LiveRuleBook rules) {
        FunctionCounter.builder("setlist.rules.reloads", rules, book -> book.status().rebuilds())
                .description("rule books that went live since start").register(registry);
        FunctionCounter.builder("setlist.rules.refusals", rules, book -> book.status().refusals())
                .description("rule books refused since start (the previous one kept serving)").register(registry);
        Gauge.builder("setlist.rules.up.to.date", rules, book -> book.status().upToDate() ? 1 : 0)
                .description("1 when the last rule book submitted went live").register(registry);
    }

    /** The taste model's age, last training time, trainings and size. */
    public void watch(ModelTrainer trainer) {
        Gauge.builder("setlist.model.age", trainer, this::modelAgeSeconds).baseUnit("seconds")
                .description("time since the taste model in use was trained; NaN before the first").register(registry);
        Gauge.builder("setlist.model.training", trainer,
                        model -> model.current() == null ? Double.NaN : model.current().trainingTime().toNanos() / 1e9)
                .baseUnit("seconds").description("how long the last training took").register(registry);
        FunctionCounter.builder("setlist.model.trainings", trainer, ModelTrainer::trainings)
                .description("trainings since start").register(registry);
        Gauge.builder("setlist.model.interactions", trainer,
                        model -> model.current() == null ? 0 : model.current().interactions())
                .description("interactions the model in use was trained on").register(registry);
    }

    /** Failed calls to Jellyfin. */
    public void watch(JellyfinClient jellyfin) {
        FunctionCounter.builder("setlist.jellyfin.failures", jellyfin, JellyfinClient::failures)
                .description("Jellyfin calls that failed: unreachable, or an answer outside 2xx").register(registry);
    }

    private double modelAgeSeconds(ModelTrainer trainer) {
        TasteModel model = trainer.current();
        return model == null ? Double.NaN : Duration.between(model.trainedAt(), clock.instant()).toMillis() / 1e3;
    }

    private Counter refusedCounter(String reason) {
        return Counter.builder("setlist.events.refused").tag("reason", reason.toLowerCase(Locale.ROOT))
                .description("webhook deliveries refused or not kept, by reason").register(registry);
    }

    private Timer playlistTimer(String kind) {
        return Timer.builder("setlist.playlist").tag("kind", kind).description("time to answer a playlist request")
                .serviceLevelObjectives(LATENCY_BUCKETS).register(registry);
    }
}
