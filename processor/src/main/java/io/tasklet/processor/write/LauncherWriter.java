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
import io.tasklet.processor.model.RecordModel;
import io.tasklet.runtime.CoordinatorDeclaration;
import io.tasklet.runtime.CoordinatorLaunch;
import io.tasklet.runtime.CoordinatorLaunchWithInput;
import io.tasklet.runtime.LinearMemoryPlan;
import io.tasklet.runtime.TaskletDeclaration;
import io.tasklet.runtime.TaskletLaunch;
import io.tasklet.runtime.TaskletLaunchWithInput;
import io.tasklet.runtime.TaskletRuntime;
import javax.lang.model.element.Modifier;

/**
 * Writes the launcher of one {@code @Coordinator} or {@code @Tasklet} method: a declaration. It
 * holds the declaration's constants, one {@code DECLARATION} of the runtime ({@link
 * CoordinatorDeclaration} or {@link TaskletDeclaration}) that calls the method through a typed
 * lambda, and {@code builder()} (with {@code on(runtime)} for coordinators) and {@code plan(...)},
 * which hand out the runtime's builders. The builder type tells what a launch may set: {@code
 * workers} only for a coordinator, {@code input} only when {@code maxInputBytes > 0}.
 */
public final class LauncherWriter {
  private static final ClassName TASKLET_RUNTIME = ClassName.get(TaskletRuntime.class);
  private static final ClassName PLAN = ClassName.get(LinearMemoryPlan.class);
  private static final String DECLARATION = "DECLARATION";

  private LauncherWriter() {}

  /** The launcher's source file, with {@code header}. */
  public static JavaFile write(LauncherModel model, Header header) {
    ClassName launcher = ClassName.get(model.packageName(), model.simpleName());
    ClassName enclosing = ClassName.get(model.packageName(), model.enclosingSimpleNames().get(0),
        model.enclosingSimpleNames().subList(1, model.enclosingSimpleNames().size())
            .toArray(String[]::new));
    ClassName shared = GeneratedTypes.record(model.shared());
    boolean hasInput = model.maxInputBytes() > 0;

    TypeSpec.Builder type = TypeSpec.classBuilder(launcher)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addJavadoc("Launches {@link $T#$L} $L.\n", enclosing, model.methodName(),
            model.laned()
                ? "on up to " + model.workers() + (model.workers() == 1 ? " lane" : " lanes")
                : "on the calling thread");
    type.addField(constant(TypeName.get(String.class), "NAME", CodeBlock.of("$S",
        model.taskletName()), "Name in errors and results."));
    if (model.laned()) {
      type.addField(constant(TypeName.INT, "DECLARED_WORKERS", CodeBlock.of("$L",
          model.workers()), "Declared lanes: the most a launch can use."));
    }
    type.addField(constant(TypeName.LONG, "SHARED_BYTES",
        CodeBlock.of("$T.SIZE", GeneratedTypes.view(model.shared())),
        "Size of the shared state."));
    if (model.laned()) {
      type.addField(constant(TypeName.LONG, "SCRATCH_BYTES",
          CodeBlock.of("$T.SIZE", GeneratedTypes.view(model.scratch().orElseThrow())),
          "Size of a lane's scratch."));
    }
    type.addField(constant(TypeName.LONG, "MAX_INPUT_BYTES",
        CodeBlock.of("$LL", model.maxInputBytes()), "Largest input; 0 for none."));
    type.addField(constant(TypeName.LONG, "MAX_OUTPUT_BYTES",
        CodeBlock.of("$LL", model.maxOutputBytes()), "Size of the output; 0 for none."));
    type.addField(constant(TypeName.LONG, "MAX_LINEAR_MEMORY",
        CodeBlock.of("$LL", model.maxLinearMemory()), "Budget of the whole block."));
    type.addField(constant(TypeName.LONG, "MAX_FUEL", CodeBlock.of("$LL", model.maxFuel()),
        "Fuel pool; -1 for none."));
    header.applyTo(type);
    type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());

    if (model.laned()) {
      RecordModel scratch = model.scratch().orElseThrow();
      ClassName scratchRecord = GeneratedTypes.record(scratch);
      type.addField(declaration(
          ParameterizedTypeName.get(ClassName.get(CoordinatorDeclaration.class), shared, scratchRecord),
          CodeBlock.of("NAME,$WDECLARED_WORKERS,$WSHARED_BYTES,$W$T.LAYOUT,$WSCRATCH_BYTES,$W$T.LAYOUT",
              GeneratedTypes.view(model.shared()), GeneratedTypes.view(scratch)),
          model, enclosing));
      TypeName builder = ParameterizedTypeName.get(ClassName.get(
          hasInput ? CoordinatorLaunchWithInput.class : CoordinatorLaunch.class), shared);
      String launch = hasInput ? "launchWithInput" : "launch";
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
      type.addMethod(MethodSpec.methodBuilder("plan")
          .addJavadoc("{@return the memory plan of a launch on {@code workers} lanes with the"
              + " largest input}\n@param workers the number of lanes, 1 to {@link"
              + " #DECLARED_WORKERS}\n")
          .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
          .addParameter(TypeName.INT, "workers")
          .returns(PLAN)
          .addStatement("return $N.plan(workers)", DECLARATION)
          .build());
    } else {
      type.addField(declaration(
          ParameterizedTypeName.get(ClassName.get(TaskletDeclaration.class), shared),
          CodeBlock.of("NAME,$WSHARED_BYTES,$W$T.LAYOUT", GeneratedTypes.view(model.shared())),
          model, enclosing));
      TypeName builder = ParameterizedTypeName.get(ClassName.get(
          hasInput ? TaskletLaunchWithInput.class : TaskletLaunch.class), shared);
      type.addMethod(MethodSpec.methodBuilder("builder")
          .addJavadoc("{@return a run on the calling thread, which starts no thread}\n")
          .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
          .returns(builder)
          .addStatement("return $N.$L()", DECLARATION, hasInput ? "launchWithInput" : "launch")
          .build());
      type.addMethod(MethodSpec.methodBuilder("plan")
          .addJavadoc("{@return the memory plan of a run with the largest input}\n")
          .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
          .returns(PLAN)
          .addStatement("return $N.plan()", DECLARATION)
          .build());
    }
    return GeneratedTypes.file(model.packageName(), type.build());
  }

  /**
   * The private {@code DECLARATION} of {@code type}, the runtime's declaration of the method made
   * of {@code leading} arguments and those every declaration takes: sizes, budget, fuel, how the
   * shared state is read back, and the method, called through a lambda whose parameter's type
   * the field's type fixes, so that an overload of the method or a generic class around it cannot
   * make the call ambiguous.
   */
  private static FieldSpec declaration(
      TypeName type, CodeBlock leading, LauncherModel model, ClassName enclosing) {
    return FieldSpec.builder(type, DECLARATION, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer("$Znew $T<>($L,$WMAX_INPUT_BYTES,$WMAX_OUTPUT_BYTES,$WMAX_LINEAR_MEMORY,"
                + "$WMAX_FUEL,$Wsegment -> $T.of(segment).read(),$Wcontext -> $T.$L(context))",
            ((ParameterizedTypeName) type).rawType(), leading,
            GeneratedTypes.view(model.shared()), enclosing, model.methodName())
        .build();
  }

  private static FieldSpec constant(TypeName type, String name, CodeBlock value, String doc) {
    return FieldSpec.builder(type, name, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc(doc + "\n")
        .initializer(value)
        .build();
  }
}
