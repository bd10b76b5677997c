package io.tasklet.processor.write;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.tasklet.processor.model.LauncherModel;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;

/**
 * Writes the launcher of one {@code @Coordinator} or {@code @Tasklet} method: constants of the
 * declaration, {@code builder()} (and {@code on(runtime)} for coordinators), {@code plan(...)},
 * and a builder whose methods are exactly those the declaration allows.
 */
public final class LauncherWriter {
  private static final String RUNTIME_PACKAGE = "io.tasklet.runtime";
  private static final ClassName TASKLET_RUNTIME = ClassName.get(RUNTIME_PACKAGE, "TaskletRuntime");
  private static final ClassName LAUNCH_SPEC = ClassName.get(RUNTIME_PACKAGE, "LaunchSpec");
  private static final ClassName PLAN = ClassName.get(RUNTIME_PACKAGE, "LinearMemoryPlan");
  private static final ClassName RESULT = ClassName.get(RUNTIME_PACKAGE, "TaskletResult");
  private static final ClassName TASKLET_EXCEPTION =
      ClassName.get(RUNTIME_PACKAGE, "TaskletException");

  private LauncherWriter() {}

  /** The launcher's source file, originating from {@code method}. */
  public static JavaFile write(LauncherModel model, Element method) {
    ClassName launcher = ClassName.get(model.packageName(), model.simpleName());
    ClassName builder = launcher.nestedClass("Builder");
    ClassName enclosing = ClassName.get(model.packageName(), model.enclosingSimpleNames().get(0),
        model.enclosingSimpleNames().subList(1, model.enclosingSimpleNames().size())
            .toArray(String[]::new));
    ClassName shared = GeneratedTypes.record(model.shared());
    TypeName result = ParameterizedTypeName.get(RESULT, shared);
    String laneWord = model.laned()
        ? "on up to " + model.workers() + (model.workers() == 1 ? " lane" : " lanes")
        : "on the calling thread";

    TypeSpec.Builder type = TypeSpec.classBuilder(launcher)
        .addAnnotation(GeneratedTypes.generated())
        .addOriginatingElement(method)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addJavadoc("Launches {@link $T#$L} $L.\n\n", enclosing, model.methodName(), laneWord)
        .addJavadoc("<p>Memory plan with the largest input:\n<pre>\n$L\n</pre>\n",
            model.worstCasePlan(model.workers()).describe());

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

    type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    if (model.laned()) {
      type.addMethod(MethodSpec.methodBuilder("builder")
          .addJavadoc("A launch on the process's {@link $T#defaultRuntime default runtime}.\n",
              TASKLET_RUNTIME)
          .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
          .returns(builder)
          .addStatement("return new $T($T.defaultRuntime())", builder, TASKLET_RUNTIME)
          .build());
      type.addMethod(MethodSpec.methodBuilder("on")
          .addJavadoc("A launch on {@code runtime}.\n")
          .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
          .addParameter(TASKLET_RUNTIME, "runtime")
          .returns(builder)
          .addStatement("return new $T($T.requireNonNull(runtime, $S))",
              builder, Objects.class, "runtime")
          .build());
      type.addMethod(MethodSpec.methodBuilder("plan")
          .addJavadoc("The memory plan of a launch on {@code workers} lanes with the largest"
              + " input:\nwhere every region lives, without launching.\n")
          .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
          .addParameter(TypeName.INT, "workers")
          .returns(PLAN)
          .addStatement("$T.checkFromToIndex(1, workers, DECLARED_WORKERS + 1)", Objects.class)
          .addStatement("return $T.of(SHARED_BYTES, MAX_INPUT_BYTES, MAX_OUTPUT_BYTES, workers,"
              + " SCRATCH_BYTES)", PLAN)
          .build());
    } else {
      type.addMethod(MethodSpec.methodBuilder("builder")
          .addJavadoc("A run on the calling thread; it starts no thread.\n")
          .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
          .returns(builder)
          .addStatement("return new $T()", builder)
          .build());
      type.addMethod(MethodSpec.methodBuilder("plan")
          .addJavadoc("The memory plan of a run with the largest input, without running.\n")
          .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
          .returns(PLAN)
          .addStatement("return $T.of(SHARED_BYTES, MAX_INPUT_BYTES, MAX_OUTPUT_BYTES, 0, 0)",
              PLAN)
          .build());
    }
    type.addType(builderType(model, builder, enclosing, shared, result));
    return JavaFile.builder(model.packageName(), type.build())
        .skipJavaLangImports(true)
        .build();
  }

  private static TypeSpec builderType(LauncherModel model, ClassName builder, ClassName enclosing,
      ClassName shared, TypeName result) {
    TypeSpec.Builder type = TypeSpec.classBuilder(builder)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("Settings of one launch of {@link $T#$L}; every one is optional.\n",
            enclosing, model.methodName());
    MethodSpec.Builder constructor = MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE);
    if (model.laned()) {
      type.addField(TASKLET_RUNTIME, "runtime", Modifier.PRIVATE, Modifier.FINAL);
      type.addField(FieldSpec.builder(TypeName.INT, "workers", Modifier.PRIVATE)
          .initializer("DECLARED_WORKERS").build());
      constructor.addParameter(TASKLET_RUNTIME, "runtime").addStatement("this.runtime = runtime");
    }
    boolean hasInput = model.maxInputBytes() > 0;
    if (hasInput) {
      type.addField(FieldSpec.builder(MemorySegment.class, "input", Modifier.PRIVATE)
          .initializer("$T.NULL", MemorySegment.class).build());
      type.addField(TypeName.BOOLEAN, "copyInput", Modifier.PRIVATE);
    }
    boolean hasOutput = model.maxOutputBytes() > 0;
    TypeName optionalSegment = ParameterizedTypeName.get(
        ClassName.get(Optional.class), ClassName.get(MemorySegment.class));
    if (hasOutput) {
      type.addField(FieldSpec.builder(optionalSegment, "outputTo", Modifier.PRIVATE)
          .initializer("$T.empty()", Optional.class).build());
    }
    type.addField(FieldSpec.builder(OptionalLong.class, "maxFuel", Modifier.PRIVATE)
        .initializer("MAX_FUEL < 0 ? $1T.empty() : $1T.of(MAX_FUEL)", OptionalLong.class).build());
    type.addField(FieldSpec.builder(
            ParameterizedTypeName.get(ClassName.get(Optional.class), ClassName.get(Duration.class)),
            "deadline", Modifier.PRIVATE)
        .initializer("$T.empty()", Optional.class).build());
    type.addMethod(constructor.build());

    if (model.laned()) {
      type.addMethod(MethodSpec.methodBuilder("workers")
          .addJavadoc("Runs on {@code workers} lanes, 1 to $L (the default); more than the"
              + "\nruntime's cores fails at launch.\n\n", model.workers())
          .addJavadoc("@throws IllegalArgumentException if {@code workers} is out of range\n")
          .addModifiers(Modifier.PUBLIC)
          .addParameter(TypeName.INT, "workers")
          .returns(builder)
          .beginControlFlow("if (workers < 1 || workers > DECLARED_WORKERS)")
          .addStatement("throw new $T($S + DECLARED_WORKERS + $S + workers)",
              IllegalArgumentException.class,
              "workers must be between 1 and the declared ", ", was ")
          .endControlFlow()
          .addStatement("this.workers = workers")
          .addStatement("return this")
          .build());
    }
    if (hasInput) {
      type.addMethod(MethodSpec.methodBuilder("input")
          .addJavadoc("The input, which lanes read in place (copied only if it belongs to a confined arena,"
              + "\nor with {@link #copyInput}); do not change it until the launch returns.\n\n")
          .addJavadoc("@throws IllegalArgumentException if it is longer than"
              + " {@link $T#MAX_INPUT_BYTES}\n", ClassName.get(model.packageName(),
                  model.simpleName()))
          .addModifiers(Modifier.PUBLIC)
          .addParameter(MemorySegment.class, "input")
          .returns(builder)
          .addStatement("$T.requireNonNull(input, $S)", Objects.class, "input")
          .beginControlFlow("if (input.byteSize() > MAX_INPUT_BYTES)")
          .addStatement("throw new $T($S + input.byteSize() + $S + MAX_INPUT_BYTES + $S)",
              IllegalArgumentException.class, "input of ", " bytes is larger than maxInputBytes ",
              " of " + model.taskletName())
          .endControlFlow()
          .addStatement("this.input = input")
          .addStatement("return this")
          .build());
      type.addMethod(MethodSpec.methodBuilder("input")
          .addJavadoc("The input bytes, which lanes read in place; do not change them until the launch"
              + "\nreturns.\n\n")
          .addJavadoc("@throws IllegalArgumentException if they are more than"
              + " {@link $T#MAX_INPUT_BYTES}\n", ClassName.get(model.packageName(),
                  model.simpleName()))
          .addModifiers(Modifier.PUBLIC)
          .addParameter(ArrayTypeName.of(TypeName.BYTE), "input")
          .returns(builder)
          .addStatement("return input($T.ofArray($T.requireNonNull(input, $S)))",
              MemorySegment.class, Objects.class, "input")
          .build());
      type.addMethod(MethodSpec.methodBuilder("input")
          .addJavadoc("The buffer's remaining bytes, which lanes read in place; the buffer's position"
              + "\nis not changed. Do not change them until the launch returns.\n\n")
          .addJavadoc("@throws IllegalArgumentException if they are more than"
              + " {@link $T#MAX_INPUT_BYTES}\n", ClassName.get(model.packageName(),
                  model.simpleName()))
          .addModifiers(Modifier.PUBLIC)
          .addParameter(ByteBuffer.class, "input")
          .returns(builder)
          .addStatement("return input($T.ofBuffer($T.requireNonNull(input, $S)))",
              MemorySegment.class, Objects.class, "input")
          .build());
    }
    if (hasInput) {
      type.addMethod(MethodSpec.methodBuilder("copyInput")
          .addJavadoc("Copies the input into linear memory at launch, for callers that change it"
              + " while the\nlaunch runs.\n\n@return this builder\n")
          .addModifiers(Modifier.PUBLIC)
          .returns(builder)
          .addStatement("this.copyInput = true")
          .addStatement("return this")
          .build());
    }
    if (hasOutput) {
      type.addMethod(MethodSpec.methodBuilder("outputTo")
          .addJavadoc("Lanes write the output straight into {@code destination}, which is not"
              + " zeroed first,\ninstead of into linear memory; {@code output()} of the result"
              + " then copies it.\n\n@param destination at least {@link $T#MAX_OUTPUT_BYTES}"
              + " bytes that lanes on any thread may write\n@return this builder\n"
              + "@throws IllegalArgumentException if it is too small, read-only, closed or"
              + " confined\n", ClassName.get(model.packageName(), model.simpleName()))
          .addModifiers(Modifier.PUBLIC)
          .addParameter(MemorySegment.class, "destination")
          .returns(builder)
          .addStatement("this.outputTo = $T.of($T.checkOutputDestination(destination,"
              + " MAX_OUTPUT_BYTES))", Optional.class, LAUNCH_SPEC)
          .addStatement("return this")
          .build());
    }
    type.addMethod(MethodSpec.methodBuilder("maxFuel")
        .addJavadoc("A fuel pool of {@code units}, shared by $L, instead of the declared one.\n\n",
            model.laned() ? "every lane and the coordinator" : "the whole run")
        .addJavadoc("@throws IllegalArgumentException if {@code units} is negative\n")
        .addModifiers(Modifier.PUBLIC)
        .addParameter(TypeName.LONG, "units")
        .returns(builder)
        .beginControlFlow("if (units < 0)")
        .addStatement("throw new $T($S + units)", IllegalArgumentException.class,
            "maxFuel must not be negative, was ")
        .endControlFlow()
        .addStatement("this.maxFuel = $T.of(units)", OptionalLong.class)
        .addStatement("return this")
        .build());
    type.addMethod(MethodSpec.methodBuilder("deadline")
        .addJavadoc("Stops the launch, failing it, if it runs longer than {@code limit}.\n\n")
        .addJavadoc("@throws NullPointerException if {@code limit} is null\n")
        .addJavadoc("@throws IllegalArgumentException if {@code limit} is not positive\n")
        .addModifiers(Modifier.PUBLIC)
        .addParameter(Duration.class, "limit")
        .returns(builder)
        .addStatement("this.deadline = $T.of($T.checkDeadline(limit))", Optional.class,
            LAUNCH_SPEC)
        .addStatement("return this")
        .build());

    CodeBlock.Builder spec = CodeBlock.builder()
        .add("return $T.builder(NAME, SHARED_BYTES, segment -> $T.of(segment).read())\n",
            LAUNCH_SPEC, GeneratedTypes.view(model.shared()))
        .indent().indent();
    if (model.laned()) {
      spec.add(".lanes(workers, SCRATCH_BYTES)\n");
    }
    if (hasInput) {
      spec.add(".input(input, MAX_INPUT_BYTES)\n").add(".copyInput(copyInput)\n");
    }
    spec.add(".outputBytes(MAX_OUTPUT_BYTES)\n");
    if (hasOutput) {
      spec.add(".outputTo(outputTo)\n");
    }
    spec
        .add(".maxLinearMemory(MAX_LINEAR_MEMORY)\n")
        .add(".maxFuel(maxFuel)\n")
        .add(".deadline(deadline)\n")
        .add(".build();\n")
        .unindent().unindent();
    type.addMethod(MethodSpec.methodBuilder("spec")
        .addModifiers(Modifier.PRIVATE)
        .returns(ParameterizedTypeName.get(LAUNCH_SPEC, shared))
        .addCode(spec.build())
        .build());
    type.addMethod(MethodSpec.methodBuilder("plan")
        .addJavadoc("The memory plan this launch would run with: where every region lives.\n")
        .addModifiers(Modifier.PUBLIC)
        .returns(PLAN)
        .addStatement("return spec().plan()")
        .build());
    MethodSpec.Builder launch = MethodSpec.methodBuilder("launch")
        .addModifiers(Modifier.PUBLIC)
        .returns(result)
        .addException(TASKLET_EXCEPTION);
    if (model.laned()) {
      launch.addJavadoc("Runs the coordinator on the chosen lanes and waits for it.\n\n")
          .addJavadoc("@return the final shared state, the output, fuel and timings\n")
          .addJavadoc("@throws $T for the first failure; nothing is left running\n",
              TASKLET_EXCEPTION)
          .addStatement("return runtime.launch(spec(), $T::$L)", enclosing, model.methodName());
    } else {
      launch.addJavadoc("Runs the tasklet on the calling thread and returns when it is done.\n\n")
          .addJavadoc("@return the final shared state, the output, fuel and timings\n")
          .addJavadoc("@throws $T for the first failure\n", TASKLET_EXCEPTION)
          .addStatement("return $T.runOnCallingThread(spec(), $T::$L)",
              TASKLET_RUNTIME, enclosing, model.methodName());
    }
    type.addMethod(launch.build());
    return type.build();
  }

  private static FieldSpec constant(TypeName type, String name, CodeBlock value, String doc) {
    return FieldSpec.builder(type, name, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc(doc + "\n")
        .initializer(value)
        .build();
  }
}
