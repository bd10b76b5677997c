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
import io.tasklet.runtime.CoordinatorContext;
import io.tasklet.runtime.CoordinatorDeclaration;
import io.tasklet.runtime.CoordinatorLaunch;
import io.tasklet.runtime.CoordinatorLaunchWithInput;
import io.tasklet.runtime.LinearMemoryPlan;
import io.tasklet.runtime.TaskletContext;
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
        model.taskletName()), "The tasklet's name, as errors and results show it."));
    if (model.laned()) {
      type.addField(constant(TypeName.INT, "DECLARED_WORKERS", CodeBlock.of("$L",
          model.workers()), "Lanes the declaration asks for: the most a launch can use."));
    }
    type.addField(constant(TypeName.LONG, "SHARED_BYTES",
        CodeBlock.of("$T.SIZE", GeneratedTypes.layout(model.shared())),
        "Size of the shared state region."));
    if (model.laned()) {
      type.addField(constant(TypeName.LONG, "SCRATCH_BYTES",
          CodeBlock.of("$T.SIZE", GeneratedTypes.layout(model.scratch().orElseThrow())),
          "Size of each lane's scratch region."));
    }
    type.addField(constant(TypeName.LONG, "MAX_INPUT_BYTES",
        CodeBlock.of("$LL", model.maxInputBytes()), "Largest input a launch accepts."));
    type.addField(constant(TypeName.LONG, "MAX_OUTPUT_BYTES",
        CodeBlock.of("$LL", model.maxOutputBytes()), "Size of the output region."));
    type.addField(constant(TypeName.LONG, "MAX_LINEAR_MEMORY",
        CodeBlock.of("$LL", model.maxLinearMemory()), "Budget of the whole block."));
    type.addField(constant(TypeName.LONG, "MAX_FUEL", CodeBlock.of("$LL", model.maxFuel()),
        "The declared fuel pool; -1 for none, in which case every checkpoint fails."));
    header.applyTo(type);
    type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());

    if (model.laned()) {
      ClassName scratch = GeneratedTypes.record(model.scratch().orElseThrow());
      TypeName declaration = ParameterizedTypeName.get(
          ClassName.get(CoordinatorDeclaration.class), shared, scratch);
      type.addField(FieldSpec.builder(declaration, DECLARATION, Modifier.PRIVATE, Modifier.STATIC,
              Modifier.FINAL)
          .initializer("new $T<>(NAME, DECLARED_WORKERS, SHARED_BYTES, $T.LAYOUT, SCRATCH_BYTES,"
                  + " $T.LAYOUT, MAX_INPUT_BYTES, MAX_OUTPUT_BYTES, MAX_LINEAR_MEMORY, MAX_FUEL,"
                  + " segment -> $T.of(segment).read(), ($T context) -> $T.$L(context))",
              CoordinatorDeclaration.class, GeneratedTypes.layout(model.shared()),
              GeneratedTypes.layout(model.scratch().orElseThrow()),
              GeneratedTypes.view(model.shared()),
              ParameterizedTypeName.get(ClassName.get(CoordinatorContext.class), shared, scratch),
              enclosing, model.methodName())
          .build());
      TypeName builder = ParameterizedTypeName.get(ClassName.get(
          hasInput ? CoordinatorLaunchWithInput.class : CoordinatorLaunch.class), shared);
      String launch = hasInput ? "launchWithInput" : "launch";
      type.addMethod(MethodSpec.methodBuilder("builder")
          .addJavadoc("A launch on the process's {@link $T#defaultRuntime default runtime}.\n\n"
              + "@return a builder of the launch\n", TASKLET_RUNTIME)
          .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
          .returns(builder)
          .addStatement("return $N.$L($T.defaultRuntime())", DECLARATION, launch, TASKLET_RUNTIME)
          .build());
      type.addMethod(MethodSpec.methodBuilder("on")
          .addJavadoc("A launch on {@code runtime}.\n\n@param runtime the runtime to launch on\n"
              + "@return a builder of the launch\n")
          .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
          .addParameter(TASKLET_RUNTIME, "runtime")
          .returns(builder)
          .addStatement("return $N.$L(runtime)", DECLARATION, launch)
          .build());
      type.addMethod(MethodSpec.methodBuilder("plan")
          .addJavadoc("The memory plan of a launch on {@code workers} lanes with the largest"
              + " input.\n\n@param workers the number of lanes, 1 to {@link #DECLARED_WORKERS}\n"
              + "@return the plan\n")
          .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
          .addParameter(TypeName.INT, "workers")
          .returns(PLAN)
          .addStatement("return $N.plan(workers)", DECLARATION)
          .build());
    } else {
      TypeName declaration = ParameterizedTypeName.get(
          ClassName.get(TaskletDeclaration.class), shared);
      type.addField(FieldSpec.builder(declaration, DECLARATION, Modifier.PRIVATE, Modifier.STATIC,
              Modifier.FINAL)
          .initializer("new $T<>(NAME, SHARED_BYTES, $T.LAYOUT, MAX_INPUT_BYTES,"
                  + " MAX_OUTPUT_BYTES, MAX_LINEAR_MEMORY, MAX_FUEL,"
                  + " segment -> $T.of(segment).read(), ($T context) -> $T.$L(context))",
              TaskletDeclaration.class, GeneratedTypes.layout(model.shared()),
              GeneratedTypes.view(model.shared()),
              ParameterizedTypeName.get(ClassName.get(TaskletContext.class), shared),
              enclosing, model.methodName())
          .build());
      TypeName builder = ParameterizedTypeName.get(ClassName.get(
          hasInput ? TaskletLaunchWithInput.class : TaskletLaunch.class), shared);
      type.addMethod(MethodSpec.methodBuilder("builder")
          .addJavadoc("A run on the calling thread; it starts no thread.\n\n"
              + "@return a builder of the run\n")
          .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
          .returns(builder)
          .addStatement("return $N.$L()", DECLARATION, hasInput ? "launchWithInput" : "launch")
          .build());
      type.addMethod(MethodSpec.methodBuilder("plan")
          .addJavadoc("The memory plan of a run with the largest input.\n\n@return the plan\n")
          .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
          .returns(PLAN)
          .addStatement("return $N.plan()", DECLARATION)
          .build());
    }
    return GeneratedTypes.file(model.packageName(), type.build());
  }

  private static FieldSpec constant(TypeName type, String name, CodeBlock value, String doc) {
    return FieldSpec.builder(type, name, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc(doc + "\n")
        .initializer(value)
        .build();
  }
}
