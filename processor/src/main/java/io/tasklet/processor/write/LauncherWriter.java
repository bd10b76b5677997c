package io.tasklet.processor.write;

import io.tasklet.processor.model.LauncherModel;
import io.tasklet.runtime.CoordinatorDeclaration;
import io.tasklet.runtime.CoordinatorLaunch;
import io.tasklet.runtime.CoordinatorLaunchWithInput;
import io.tasklet.runtime.TaskletDeclaration;
import io.tasklet.runtime.TaskletLaunch;
import io.tasklet.runtime.TaskletLaunchWithInput;
import io.tasklet.runtime.TaskletRuntime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

/**
 * Writes the launcher of one {@code @Coordinator} or {@code @Tasklet} method: a declaration. It
 * holds one public {@code DECLARATION} of the runtime ({@link CoordinatorDeclaration} or {@link
 * TaskletDeclaration}), which tells what the annotation declared (documented once, in the
 * runtime) and calls the method through a typed lambda, and {@code builder()} (with {@code
 * on(runtime)} for coordinators), which hand out the runtime's builders. The builder type tells
 * what a launch may set: {@code workers} only for a coordinator, {@code input} only when {@code
 * maxInputBytes > 0}.
 */
public final class LauncherWriter {
  private static final String DECLARATION = "DECLARATION";

  private LauncherWriter() {}

  /** The launcher's source file, with {@code header}. */
  public static GeneratedSource write(LauncherModel model, Header header) {
    JavaName enclosingName = new JavaName(model.packageName(), model.enclosingSimpleNames());
    JavaName sharedName = GeneratedTypes.record(model.shared());
    List<JavaName> userClasses = new ArrayList<>(
        List.of(enclosingName, sharedName, GeneratedTypes.view(model.shared())));
    model.scratch().ifPresent(scratch -> userClasses.addAll(
        List.of(GeneratedTypes.record(scratch), GeneratedTypes.view(scratch))));
    JavaSource source = new JavaSource(JavaName.of(model.packageName(), model.simpleName()),
        header.origin(), userClasses.toArray(JavaName[]::new));
    String enclosing = source.name(enclosingName);
    String shared = source.name(sharedName);
    String sharedView = source.name(GeneratedTypes.view(model.shared()));
    boolean hasInput = model.maxInputBytes() > 0;
    String launch = hasInput ? "launchWithInput" : "launch";

    source.javadoc("Launches {@link " + enclosing + "#" + model.methodName() + "} "
        + (model.laned()
            ? "on up to " + model.workers() + (model.workers() == 1 ? " lane" : " lanes")
            : "on the calling thread")
        + ".");
    header.writeTo(source);
    source.open("public final class " + model.simpleName());
    List<String> leading = new ArrayList<>(List.of(JavaSource.literal(model.taskletName())));
    String declaration;
    String builder;
    if (model.laned()) {
      String scratchView = source.name(GeneratedTypes.view(model.scratch().orElseThrow()));
      declaration = source.name(CoordinatorDeclaration.class) + "<" + shared + ", "
          + source.name(GeneratedTypes.record(model.scratch().orElseThrow())) + ">";
      leading.addAll(List.of(String.valueOf(model.workers()), sharedView + ".SIZE",
          sharedView + ".LAYOUT", scratchView + ".SIZE", scratchView + ".LAYOUT"));
      builder = source.name(hasInput ? CoordinatorLaunchWithInput.class : CoordinatorLaunch.class)
          + "<" + shared + ">";
    } else {
      declaration = source.name(TaskletDeclaration.class) + "<" + shared + ">";
      leading.addAll(List.of(sharedView + ".SIZE", sharedView + ".LAYOUT"));
      builder = source.name(hasInput ? TaskletLaunchWithInput.class : TaskletLaunch.class) + "<"
          + shared + ">";
    }
    declaration(source, model, enclosing, sharedView, declaration, leading);
    source.member().line("private " + model.simpleName() + "() {}");
    if (model.laned()) {
      String runtime = source.name(TaskletRuntime.class);
      source.member()
          .javadoc("{@return a launch on the process's {@link " + runtime + "#defaultRuntime"
              + " default runtime}}")
          .open("public static " + builder + " builder()")
          .line("return " + DECLARATION + "." + launch + "(" + runtime + ".defaultRuntime());")
          .close();
      source.member()
          .javadoc("{@return a launch on {@code runtime}}",
              "@param runtime the runtime to launch on")
          .open("public static " + builder + " on(" + runtime + " runtime)")
          .line("return " + DECLARATION + "." + launch + "(runtime);")
          .close();
    } else {
      source.member()
          .javadoc("{@return a run on the calling thread, which starts no thread}")
          .open("public static " + builder + " builder()")
          .line("return " + DECLARATION + "." + launch + "();")
          .close();
    }
    return source.close().source();
  }

  /**
   * The public {@code DECLARATION}, of {@code type}: the runtime's declaration of the method,
   * made of {@code leading} arguments and those every declaration takes: input, output, budget,
   * fuel, how the shared state is read back, and the method, called through a lambda whose
   * parameter's type the field's type fixes, so that an overload of the method or a generic class
   * around it cannot make the call ambiguous. What each value is, the runtime's class documents.
   * The constructor's type arguments are written out rather than inferred from a diamond: javac
   * then checks the lambdas against known types once, instead of inferring the class's type
   * arguments from the twelve arguments, which took about a quarter of javac's time on a launcher.
   */
  private static void declaration(JavaSource source, LauncherModel model, String enclosing,
      String sharedView, String type, List<String> leading) {
    // parameters that obscure no class the lambdas qualify with: a class may be named context
    String segment = source.local("segment", new HashSet<>());
    String context = source.local("context", new HashSet<>());
    List<String> arguments = new ArrayList<>(leading);
    arguments.addAll(List.of(literal(model.maxInputBytes()), literal(model.maxOutputBytes()),
        literal(model.maxLinearMemory()), literal(model.maxFuel()),
        segment + " -> " + sharedView + ".of(" + segment + ").read()",
        context + " -> " + enclosing + "." + model.methodName() + "(" + context + ")"));
    source.member()
        .javadoc("What {@link " + enclosing + "#" + model.methodName() + "} declares: name, "
            + (model.laned() ? "lanes, " : "") + "sizes, budget and fuel, and its memory plan.")
        .line("public static final " + type + " " + DECLARATION + " =")
        .line("    new " + type + "(" + String.join(", ", arguments) + ");");
  }

  /** {@code 1_048_576L}: a {@code long} literal grouped as a person writes it. */
  private static String literal(long value) {
    return String.format(Locale.ROOT, "%,dL", value).replace(',', '_');
  }
}
