package dev.setlist.rules;

import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Build-time step of the rules module (Maven runs it after {@code compile}, see rules/pom.xml):
 * compiles the shipped packs into a Drools executable model and writes its classes, with the
 * {@link ShippedModel#INDEX index} that {@link ShippedModel} reads, into the module's class output.
 *
 * <p>The packs go through exactly the checks a book goes through at run time (UTF-8, DSL expansion,
 * decision tables, the allow-list, unique rule names); any problem fails the build with the same
 * {@code file:line:column} report. The model is built under a fixed release id, so its class names
 * only change when the packs do; the files written by the previous run are removed first. A run
 * whose packs, Drools version and compiled classes have not changed since the previous run keeps
 * the previous model.
 *
 * <p>Usage: {@code ShippedModelGenerator <class output folder>}, with the rules module's compile
 * class path (the packs are read from it, as {@link RuleSources#defaults()} reads them).
 */
public final class ShippedModelGenerator {

    private ShippedModelGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: ShippedModelGenerator <class output folder>");
            System.exit(2);
        }
        Thread.currentThread().setContextClassLoader(ShippedModelGenerator.class.getClassLoader());
        long start = System.nanoTime();
        List<String> failures = new ArrayList<>();
        int files = generate(Path.of(args[0]), failures);
        if (!failures.isEmpty()) {
            System.err.println("the shipped rule packs cannot be precompiled:");
            failures.forEach(failure -> System.err.println("  " + failure));
            System.exit(1);
        }
        if (files > 0) {
            System.out.printf("precompiled the shipped rule packs into %d files in %d ms%n", files,
                    (System.nanoTime() - start) / 1_000_000);
        }
    }

    /** Generates into {@code output}; returns the number of files written, or 0 with {@code failures} filled. */
    static int generate(Path output, List<String> failures) throws IOException {
        List<RuleFile> shipped = RuleSources.defaults().shipped();
        if (upToDate(output, RuleFile.digest(shipped))) {
            System.out.println("the precompiled model of the shipped rule packs is up to date");
            return 0;
        }
        List<RuleProblem> problems = new ArrayList<>();
        RuleCompiler.Prepared prepared = RuleCompiler.prepare(shipped, problems);
        if (prepared == null) {
            problems.forEach(problem -> failures.add(problem.toString()));
            return 0;
        }
        KieServices services = KieServices.get();
        KieFileSystem kfs = services.newKieFileSystem();
        ReleaseId releaseId = services.newReleaseId("dev.setlist.rulebook", "shipped", "1.0.0");
        kfs.generateAndWritePomXML(releaseId);
        for (RuleCompiler.Unit unit : prepared.units()) {
            kfs.write("src/main/resources/" + unit.kfsName(), unit.drl());
        }
        KieBuilder builder = services.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
        for (Message message : builder.getResults().getMessages(Message.Level.ERROR)) {
            failures.add(message.getPath() + ":" + message.getLine() + ": " + message.getText());
        }
        if (!failures.isEmpty()) {
            return 0;
        }
        InternalKieModule module = (InternalKieModule) builder.getKieModule();
        String modelList = new String(module.getBytes("META-INF/kie/dev.setlist.rulebook/shipped/drools-model"),
                StandardCharsets.UTF_8);
        List<String> models = new ArrayList<>();
        for (String line : modelList.split("\n")) {
            String name = line.strip();
            if (!name.isEmpty() && !name.contains(":")) {
                models.add(name);
            }
        }
        if (models.isEmpty()) {
            failures.add("the executable model build produced no model class");
            return 0;
        }

        removePrevious(output);
        List<String> written = new ArrayList<>();
        for (String name : module.getFileNames()) {
            if (!name.endsWith(".class")) {
                continue;
            }
            Path target = output.resolve(name);
            Files.createDirectories(target.getParent());
            Files.write(target, module.getBytes(name));
            written.add(name);
        }
        Properties index = new Properties();
        index.setProperty(ShippedModel.KEY_DIGEST, RuleFile.digest(shipped));
        index.setProperty(ShippedModel.KEY_MODELS, String.join(",", models));
        index.setProperty(ShippedModel.KEY_DROOLS, droolsVersion());
        index.setProperty(ShippedModel.KEY_FILES, String.join(",", written.stream().sorted().toList()));
        Map<String, CompiledRuleBook.RuleLocation> sorted = new TreeMap<>(prepared.locations());
        sorted.forEach((rule, location) ->
                index.setProperty(ShippedModel.LOCATION_PREFIX + rule, ShippedModel.format(location)));
        Path indexFile = output.resolve(ShippedModel.INDEX);
        Files.createDirectories(indexFile.getParent());
        try (OutputStream out = Files.newOutputStream(indexFile);
             Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            index.store(writer, "Generated by ShippedModelGenerator from the shipped rule packs; do not edit");
        }
        return written.size() + 1;
    }

    /** Whether the previous run compiled these very packs with this Drools, and its files are all there. */
    private static boolean upToDate(Path output, String digest) throws IOException {
        Path indexFile = output.resolve(ShippedModel.INDEX);
        if (!Files.isRegularFile(indexFile)) {
            return false;
        }
        Properties previous = new Properties();
        try (InputStream in = Files.newInputStream(indexFile)) {
            previous.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        if (!digest.equals(previous.getProperty(ShippedModel.KEY_DIGEST))
                || !droolsVersion().equals(previous.getProperty(ShippedModel.KEY_DROOLS))) {
            return false;
        }
        java.util.Set<Path> generated = new java.util.HashSet<>();
        for (String name : previous.getProperty(ShippedModel.KEY_FILES, "").split(",")) {
            Path file = output.resolve(name);
            if (!Files.isRegularFile(file)) {
                return false;
            }
            generated.add(file);
        }
        // The model's lambdas call the fact model: any class compiled after the index calls for a new model.
        java.nio.file.attribute.FileTime indexTime = Files.getLastModifiedTime(indexFile);
        try (java.util.stream.Stream<Path> walk = Files.walk(output)) {
            return walk.filter(file -> file.toString().endsWith(".class") && !generated.contains(file))
                    .noneMatch(file -> {
                        try {
                            return Files.getLastModifiedTime(file).compareTo(indexTime) > 0;
                        } catch (IOException e) {
                            return true;
                        }
                    });
        }
    }

    /** Deletes the class files the previous run listed in its index (their names change with the packs). */
    private static void removePrevious(Path output) throws IOException {
        Path indexFile = output.resolve(ShippedModel.INDEX);
        if (!Files.isRegularFile(indexFile)) {
            return;
        }
        Properties previous = new Properties();
        try (InputStream in = Files.newInputStream(indexFile)) {
            previous.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        for (String name : previous.getProperty(ShippedModel.KEY_FILES, "").split(",")) {
            if (name.endsWith(".class") && !name.contains("..")) {
                Files.deleteIfExists(output.resolve(name));
            }
        }
        Files.delete(indexFile);
    }

    private static String droolsVersion() {
        Package drools = KieServices.class.getPackage();
        String version = drools == null ? null : drools.getImplementationVersion();
        return version == null ? "unknown" : version;
    }
}
