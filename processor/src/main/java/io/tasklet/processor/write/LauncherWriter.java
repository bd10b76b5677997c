package io.tasklet.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.tasklet.processor.model.LauncherModel;
import io.tasklet.runtime.CoordinatorDeclaration;
import io.tasklet.runtime.CoordinatorLaunch;
import io.tasklet.runtime.CoordinatorLaunchWithInput;
import io.tasklet.runtime.TaskletDeclaration;
import io.tasklet.runtime.TaskletLaunch;
import io.tasklet.runtime.TaskletLaunchWithInput;
import io.tasklet.runtime.TaskletRuntime;
import java.util.Locale;
import javax.lang.model.element.Modifier;

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
  private static final ClassName TASKLET_RUNTIME = ClassName.get(TaskletRuntime.class);
  private static final String DECLARATION = "DECLARATION";

  private LauncherWriter() {}

  /** The launcher's source file, with {@code header}. */
  public static JavaFile write(LauncherModel model, Header header) {
    ClassName launcher = ClassName.get(model.packageName(), model.simpleName());
    ClassName enclosing = ClassName.get(model.packageName(), model.enclosingSimpleNames().get(0),
        model.enclosingSimpleNames().subList(1, model.enclosingSimpleNames().size())
            .toArray(String[]::new));
    ClassName shared = GeneratedTypes.record(model.shared());
    ClassName sharedView = GeneratedTypes.view(model.shared());
    boolean hasInput = model.maxInputBytes() > 0;
    String launch = hasInput ? "launchWithInput" : "launch";

    TypeSpec.Builder type = TypeSpec.classBuilder(launcher)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addJavadoc("Launches {@link $T#$L} $L.\n", enclosing, model.methodName(),
            model.laned()
                ? "on up to " + model.workers() + (model.workers() == 1 ? " lane" : " lanes")
                : "on the calling thread");
    header.applyTo(type);
    // fields come first in the file wherever they are added
    type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    if (model.laned()) {
      ClassName scratchView = GeneratedTypes.view(model.scratch().orElseThrow());
      type.addField(declaration(model, enclosing,
          ParameterizedTypeName.get(ClassName.get(CoordinatorDeclaration.class), shared,
              GeneratedTypes.record(model.scratch().orElseThrow())),
          CodeBlock.of("$S,$W$L,$W$T.SIZE,$W$T.LAYOUT,$W$T.SIZE,$W$T.LAYOUT",
              model.taskletName(), model.workers(), sharedView, sharedView, scratchView,
              scratchView)));
      TypeName builder = ParameterizedTypeName.get(ClassName.get(
          hasInput ? CoordinatorLaunchWithInput.class : CoordinatorLaunch.class), shared);
      type.addMethod(MethodSpec.methodBuilder("builder")
          .addJavadoc("{@return a launch on the process's {@link $T#defaultRuntime default"
              + " runtime}}\n", TASKLET_RUNTIME)
          .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
          .returns(builder)
          .addStatement("return $N.$L($T.defaultRuntime())", DECLARATION, launch, TASKLET_RUNTIME)
          .build());
      type.addMethod(MethodSpec.methodBuilder("on")
          .addJavadoc("{@return a launch on {@code runtime}}\n"
              + "@param runtime the runtime to launch on\n")
          .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
          .addParameter(TASKLET_RUNTIME, "runtime")
          .returns(builder)
          .addStatement("return $N.$L(runtime)", DECLARATION, launch)
          .build());
    } else {
      type.addField(declaration(model, enclosing,
          ParameterizedTypeName.get(ClassName.get(TaskletDeclaration.class), shared),
          CodeBlock.of("$S,$W$T.SIZE,$W$T.LAYOUT", model.taskletName(), sharedView,
              sharedView)));
      TypeName builder = ParameterizedTypeName.get(ClassName.get(
          hasInput ? TaskletLaunchWithInput.class : TaskletLaunch.class), shared);
      type.addMethod(MethodSpec.methodBuilder("builder")
          .addJavadoc("{@return a run on the calling thread, which starts no thread}\n")
          .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
          .returns(builder)
          .addStatement("return $N.$L()", DECLARATION, launch)
          .build());
    }
    return GeneratedTypes.file(model.packageName(), type.build());
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
  private static FieldSpec declaration(
      LauncherModel model, ClassName enclosing, ParameterizedTypeName type, CodeBlock leading) {
    return FieldSpec.builder(type, DECLARATION, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("What {@link $T#$L} declares: name, $Lsizes, budget and fuel, and its memory plan.\n", enclosing,
            model.methodName(), model.laned() ? "lanes, " : "")
        .initializer("$Znew $T($L,$W$L,$W$L,$W$L,$W$L,$Wsegment -> $T.of(segment).read(),"
                + "$Wcontext -> $T.$L(context))",
            type, leading, literal(model.maxInputBytes()),
            literal(model.maxOutputBytes()), literal(model.maxLinearMemory()),
            literal(model.maxFuel()), GeneratedTypes.view(model.shared()), enclosing,
            model.methodName())
        .build();
  }

  /** {@code 1_048_576L}: a {@code long} literal grouped as a person writes it. */
  private static String literal(long value) {
    return String.format(Locale.ROOT, "%,dL", value).replace(',', '_');
  }
}
