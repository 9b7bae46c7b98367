package io.securityinfo;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.Dependency;
import net.sourceforge.plantuml.FileFormat;
import net.sourceforge.plantuml.FileFormatOption;
import net.sourceforge.plantuml.SourceStringReader;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.JavaPackage;
import org.springframework.modulith.docs.Documenter;
import org.springframework.modulith.docs.Documenter.DiagramOptions;
import org.springframework.modulith.docs.Documenter.DiagramOptions.DiagramStyle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module rules of docs/architecture.md, checked by Spring Modulith: each direct sub-package of
 * {@code io.securityinfo} is a module, its top-level package is its API and its sub-packages are its internals, which
 * no other module may use; modules depend on each other without cycles. This app's own rules besides: a module's API
 * does not know its internals (Security info's core knows no method type's folder, a gateway port none of its
 * providers); {@code system}, which wires the others together, is used by none; and the root package, which any
 * module may use, uses none. The module diagram that docs/architecture.md shows is drawn from the same model:
 * {@code docs/modules/components.puml} must be the one drawn now, and {@code -Dmodules.diagram.update=true} writes
 * it anew with its picture, {@code components.svg}.
 */
class ModularityTests {

	static final ApplicationModules modules = ApplicationModules.of(SecurityInfoApplication.class);

	/** What Spring Modulith's Documenter writes: the diagram, and a canvas per module ({@code module-*.adoc}). */
	private static final Path DRAWN = Path.of("target", "spring-modulith-docs");

	/** Where docs/architecture.md shows the diagram from. */
	private static final Path DOCS = Path.of("docs", "modules");

	@Test
	void verifyWhenModulesAreCheckedThenNoViolation() {
		ApplicationModules.of(SecurityInfoApplication.class).verify();
	}

	@Test
	void apiWhenItsModuleHasInternalsThenItDoesNotDependOnThem() {
		// A new method type or provider is then a new folder, with no edit to its module's API.
		assertThat(modules.stream().flatMap(ModularityTests::apiDependenciesOnInternals)).isEmpty();
	}

	@Test
	void systemWhenModulesAreCheckedThenNoModuleDependsOnIt() {
		assertThat(modules.stream()
			.filter(module -> module.getDirectDependencies(modules).containsModuleNamed("system"))
			.map(ApplicationModule::getName)).isEmpty();
	}

	@Test
	void rootPackageWhenModulesAreCheckedThenItUsesNone() {
		String root = SecurityInfoApplication.class.getPackageName();
		assertThat(modules.getRootPackages()
			.stream()
			.flatMap(JavaPackage::stream)
			.filter(type -> type.getPackageName().equals(root))
			.flatMap(type -> type.getDirectDependenciesFromSelf().stream())
			.filter(dependency -> modules.contains(dependency.getTargetClass()))
			.map(Dependency::getDescription)).isEmpty();
	}

	@Test
	void documenterWhenTheModulesAreDrawnThenTheDiagramInTheDocsIsTheirs() throws IOException {
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder(DRAWN.toString()))
			.writeModulesAsPlantUml(DiagramOptions.defaults()
				.withStyle(DiagramStyle.C4)
				.withDefaultDisplayName(ApplicationModule::getName))
			.writeModuleCanvases();
		String diagram = inStableOrder(Files.readString(DRAWN.resolve("components.puml")));
		if (Boolean.getBoolean("modules.diagram.update")) {
			Files.createDirectories(DOCS);
			Files.writeString(DOCS.resolve("components.puml"), diagram);
			drawSvg(diagram, DOCS.resolve("components.svg"));
		}

		assertThat(DOCS.resolve("components.puml"))
			.as("The module diagram changed: ./mvnw test -Dtest=ModularityTests -Dmodules.diagram.update=true "
					+ "writes docs/modules anew (then read the picture, and docs/architecture.md, again)")
			.hasContent(diagram);
	}

	/**
	 * The diagram with its modules and its arrows each in alphabetical order: the Documenter writes them in an order
	 * that changes from run to run.
	 */
	static String inStableOrder(String diagram) {
		List<String> lines = new ArrayList<>();
		List<String> run = new ArrayList<>();
		for (String line : diagram.lines().toList()) {
			if (!run.isEmpty() && !element(line).equals(element(run.get(0)))) {
				lines.addAll(run.stream().sorted().toList());
				run.clear();
			}
			(element(line).isEmpty() ? lines : run).add(line);
		}
		lines.addAll(run.stream().sorted().toList());
		return String.join("\n", lines) + "\n";
	}

	/** What a line of the diagram draws: a module, an arrow, or "" for anything else. */
	private static String element(String line) {
		String drawn = line.strip();
		return drawn.startsWith("Component(") ? "module" : drawn.startsWith("Rel(") ? "arrow" : "";
	}

	/**
	 * Draws the diagram with PlantUML's own Java layout (Smetana), so that no Graphviz needs installing on any
	 * machine.
	 */
	private static void drawSvg(String diagram, Path svg) throws IOException {
		String source = diagram.replaceFirst("@startuml\\R", "@startuml\n!pragma layout smetana\n");
		try (OutputStream out = Files.newOutputStream(svg)) {
			new SourceStringReader(source).outputImage(out, new FileFormatOption(FileFormat.SVG));
		}
	}

	private static Stream<String> apiDependenciesOnInternals(ApplicationModule module) {
		String api = module.getBasePackage().getName();
		return module.getBasePackage()
			.stream()
			.filter(type -> type.getPackageName().equals(api))
			.flatMap(type -> type.getDirectDependenciesFromSelf().stream())
			.filter(dependency -> dependency.getTargetClass().getPackageName().startsWith(api + "."))
			.map(Dependency::getDescription)
			.distinct();
	}

}
