package dev.setlist.rules;

import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The shipped packs as a Drools executable model, generated and compiled when the rules module is
 * built ({@link ShippedModelGenerator}), so that a server starting on the shipped packs alone builds
 * its first book without parsing DRL or running the Java compiler: the knowledge base is assembled
 * from precompiled classes. Any book with curator files still takes the classic build, with its
 * {@code file:line:column} reporting.
 *
 * <p>The generator writes an index next to the classes ({@link #INDEX}): the digest of the pack files
 * it compiled, the model classes and where each rule is written. The model is used only for sources
 * whose digest is that one, and it is checked against the packs on the class path when first loaded:
 * a stale model (packs changed, model not regenerated) is never served; the classic build runs instead,
 * with a warning in the log.
 *
 * <p>Immutable; share freely.
 */
final class ShippedModel {

    private static final Logger LOG = LoggerFactory.getLogger(ShippedModel.class);

    /** Where the generator's index lives on the class path. */
    static final String INDEX = "dev/setlist/rules/shipped-model.properties";
    /** The release id group of books built from this model (the classic build uses another). */
    static final String RELEASE_PREFIX = "dev.setlist.rulebook:precompiled:";

    static final String KEY_DIGEST = "digest";
    static final String KEY_MODELS = "models";
    static final String KEY_FILES = "files";
    static final String KEY_DROOLS = "drools";
    static final String LOCATION_PREFIX = "location.";

    /** No precompiled model: every book takes the classic build. */
    static final ShippedModel NONE = new ShippedModel(null, List.of(), Map.of(), "not used");

    private final String digest;
    private final List<String> modelClasses;
    private final Map<String, CompiledRuleBook.RuleLocation> locations;
    /** Why the model cannot serve, or null when it can. */
    private final String unusable;

    private ShippedModel(String digest, List<String> modelClasses, Map<String, CompiledRuleBook.RuleLocation> locations,
                         String unusable) {
        this.digest = digest;
        this.modelClasses = List.copyOf(modelClasses);
        this.locations = Map.copyOf(locations);
        this.unusable = unusable;
    }

    private static final class OnClassPath {
        static final ShippedModel MODEL = load(ShippedModel.class.getClassLoader(), INDEX,
                RuleSources.defaults().shipped());
    }

    /** The model generated for the packs on the class path (loaded and checked once per JVM). */
    static ShippedModel onClassPath() {
        return OnClassPath.MODEL;
    }

    /**
     * Reads the index {@code index} from {@code loader} and checks it against {@code shipped}, the pack
     * files it must have been generated from. Never throws: a missing, unreadable or stale index gives a
     * model that serves nothing, and says why.
     */
    static ShippedModel load(ClassLoader loader, String index, List<RuleFile> shipped) {
        Properties properties = new Properties();
        try (InputStream in = loader.getResourceAsStream(index)) {
            if (in == null) {
                LOG.info("no precompiled model of the shipped rule packs on the class path ({}); "
                        + "they take the classic build", index);
                return unusable("no precompiled model on the class path");
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("cannot read the precompiled model's index {}: {}; the shipped rule packs take the classic build",
                    index, e.toString());
            return unusable("unreadable index: " + e);
        }
        String baked = properties.getProperty(KEY_DIGEST, "");
        String current = RuleFile.digest(shipped);
        if (!baked.equals(current)) {
            LOG.warn("the precompiled model of the shipped rule packs is stale: it was generated from packs with "
                    + "digest {}, the class path holds packs with digest {}; they take the classic build "
                    + "(rebuild the rules module to regenerate it)", baked, current);
            return unusable("stale: generated from packs " + baked + ", the class path holds " + current);
        }
        List<String> models = new ArrayList<>();
        for (String name : properties.getProperty(KEY_MODELS, "").split(",")) {
            if (!name.isBlank()) {
                models.add(name.strip());
            }
        }
        Map<String, CompiledRuleBook.RuleLocation> locations = new HashMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith(LOCATION_PREFIX)) {
                locations.put(key.substring(LOCATION_PREFIX.length()), parse(properties.getProperty(key)));
            }
        }
        if (models.isEmpty() || locations.isEmpty()) {
            LOG.warn("the precompiled model's index {} names no model or no rule; the shipped rule packs take "
                    + "the classic build", index);
            return unusable("empty index");
        }
        return new ShippedModel(current, models, locations, null);
    }

    private static ShippedModel unusable(String why) {
        return new ShippedModel(null, List.of(), Map.of(), why);
    }

    /** {@code file:line:column} as written by the generator (the file may hold colons). */
    static CompiledRuleBook.RuleLocation parse(String location) {
        int columnAt = location.lastIndexOf(':');
        int lineAt = location.lastIndexOf(':', columnAt - 1);
        return new CompiledRuleBook.RuleLocation(location.substring(0, lineAt),
                Integer.parseInt(location.substring(lineAt + 1, columnAt)),
                Integer.parseInt(location.substring(columnAt + 1)));
    }

    static String format(CompiledRuleBook.RuleLocation location) {
        return location.file() + ":" + location.line() + ":" + location.column();
    }

    /** Whether this model is the compiled form of exactly {@code sources} (shipped packs, no curator files). */
    boolean serves(RuleSources sources) {
        return unusable == null && sources.curator().isEmpty() && digest.equals(RuleFile.digest(sources.shipped()));
    }

    /** Why the model cannot serve, or null when it can. */
    String unusable() {
        return unusable;
    }

    String digest() {
        return digest;
    }

    Map<String, CompiledRuleBook.RuleLocation> locations() {
        return locations;
    }

    /**
     * A new knowledge base from the precompiled classes (each call its own; the rules' lambdas are
     * stateless and shared).
     *
     * @throws IllegalStateException when a model class is missing or cannot be instantiated (a
     *                               packaging error; the caller falls back to the classic build)
     */
    KieBase newKieBase() {
        if (unusable != null) {
            throw new IllegalStateException("no precompiled model: " + unusable);
        }
        List<Model> models = new ArrayList<>(modelClasses.size());
        ClassLoader loader = ShippedModel.class.getClassLoader();
        for (String name : modelClasses) {
            try {
                models.add((Model) Class.forName(name, true, loader).getConstructor().newInstance());
            } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
                throw new IllegalStateException("precompiled model class " + name + " is unusable: " + e, e);
            }
        }
        return KieBaseBuilder.createKieBaseFromModel(models);
    }
}
