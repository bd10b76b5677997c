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
import io.tasklet.processor.model.GeneratedNames;
import io.tasklet.processor.model.LauncherModel;
import io.tasklet.runtime.CoordinatorContext;
import io.tasklet.runtime.LaunchSpec;
import io.tasklet.runtime.LinearMemoryPlan;
import io.tasklet.runtime.TaskletContext;
import io.tasklet.runtime.TaskletException;
import io.tasklet.runtime.TaskletResult;
import io.tasklet.runtime.TaskletRuntime;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import javax.lang.model.element.Modifier;

/**
 * Writes the launcher of one {@code @Coordinator} or {@code @Tasklet} method: constants of the
 * declaration, {@code builder()} (and {@code on(runtime)} for coordinators), {@code plan(...)},
 * and a builder whose methods are exactly those the declaration allows.
 */
public final class LauncherWriter {
  private static final ClassName TASKLET_RUNTIME = ClassName.get(TaskletRuntime.class);
  private static final ClassName LAUNCH_SPEC = ClassName.get(LaunchSpec.class);
  private static final ClassName PLAN = ClassName.get(LinearMemoryPlan.class);
  private static final ClassName RESULT = ClassName.get(TaskletResult.class);
  private static final ClassName TASKLET_EXCEPTION = ClassName.get(TaskletException.class);

  private LauncherWriter() {}

  /** The launcher's source file, with {@code header}. */
  public static JavaFile write(LauncherModel model, Header header) {
    ClassName launcher = ClassName.get(model.packageName(), model.simpleName());
    ClassName builder = launcher.nestedClass(GeneratedNames.LAUNCHER_BUILDER);
    ClassName enclosing = ClassName.get(model.packageName(), model.enclosingSimpleNames().get(0),
        model.enclosingSimpleNames().subList(1, model.enclosingSimpleNames().size())
            .toArray(String[]::new));
    ClassName shared = GeneratedTypes.record(model.shared());
    TypeName result = ParameterizedTypeName.get(RESULT, shared);
    String laneWord = model.laned()
        ? "on up to " + model.workers() + (model.workers() == 1 ? " lane" : " lanes")
        : "on the calling thread";

    TypeSpec.Builder type = TypeSpec.classBuilder(launcher)
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

    header.applyTo(type);
    type.addStaticBlock(staleCheck(model));
    type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    if (model.laned()) {
      add(type, MethodSpec.methodBuilder("builder")
          .addJavadoc("A launch on the process's {@link $T#defaultRuntime default runtime}.\n",
              TASKLET_RUNTIME)
          .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
          .returns(builder)
          .addStatement("return new $T($T.defaultRuntime())", builder, TASKLET_RUNTIME)
          .build());
      add(type, MethodSpec.methodBuilder("on")
          .addJavadoc("A launch on {@code runtime}.\n")
          .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
          .addParameter(TASKLET_RUNTIME, "runtime")
          .returns(builder)
          .addStatement("return new $T($T.requireNonNull(runtime, $S))",
              builder, Objects.class, "runtime")
          .build());
      add(type, MethodSpec.methodBuilder("plan")
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
      add(type, MethodSpec.methodBuilder("builder")
          .addJavadoc("A run on the calling thread; it starts no thread.\n")
          .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
          .returns(builder)
          .addStatement("return new $T()", builder)
          .build());
      add(type, MethodSpec.methodBuilder("plan")
          .addJavadoc("The memory plan of a run with the largest input, without running.\n")
          .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
          .returns(PLAN)
          .addStatement("return $T.of(SHARED_BYTES, MAX_INPUT_BYTES, MAX_OUTPUT_BYTES, 0, 0)",
              PLAN)
          .build());
    }
    type.addType(builderType(model, builder, enclosing, shared, result));
    return GeneratedTypes.file(model.packageName(), type.build());
  }

  /** Adds {@code method} to {@code type} with its parameters and result documented. */
  private static void add(TypeSpec.Builder type, MethodSpec method) {
    type.addMethod(GeneratedTypes.documented(method, LauncherWriter::parameterDoc,
        method.name().equals("plan") ? "the memory plan"
            : method.name().equals("builder") || method.name().equals("on")
                ? "a builder of a launch" : "this builder"));
  }

  private static String parameterDoc(String parameter) {
    return switch (parameter) {
      case "runtime" -> "the runtime to launch on";
      case "workers" -> "the number of lanes";
      case "input" -> "the input";
      case "units" -> "the size of the fuel pool";
      case "limit" -> "the longest the launch may run";
      default -> "the " + parameter;
    };
  }

  /**
   * A check, when the launcher's class initializes, that the records it was compiled against
   * have the sizes their layouts have now. The sizes above are constants, copied into this class
   * when it compiles; a build that recompiles a changed record but not this class would otherwise
   * launch with regions of the old sizes.
   */
  private static CodeBlock staleCheck(LauncherModel model) {
    CodeBlock.Builder code = CodeBlock.builder();
    List<CodeBlock> mismatches = new ArrayList<>();
    mismatches.add(CodeBlock.of("SHARED_BYTES != $T.LAYOUT.byteSize()",
        GeneratedTypes.layout(model.shared())));
    if (model.laned()) {
      mismatches.add(CodeBlock.of("SCRATCH_BYTES != $T.LAYOUT.byteSize()",
          GeneratedTypes.layout(model.scratch().orElseThrow())));
    }
    return code.beginControlFlow("if ($L)", CodeBlock.join(mismatches, " || "))
        .addStatement("throw new $T(NAME + $S)", IllegalStateException.class,
            ": this launcher was compiled against records of other sizes than their layouts"
                + " have now, so a class is stale; rebuild clean")
        .endControlFlow()
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
        .initializer(model.maxFuel() < 0 ? "$T.empty()" : "$T.of(MAX_FUEL)", OptionalLong.class)
        .build());
    type.addField(FieldSpec.builder(
            ParameterizedTypeName.get(ClassName.get(Optional.class), ClassName.get(Duration.class)),
            "deadline", Modifier.PRIVATE)
        .initializer("$T.empty()", Optional.class).build());
    type.addMethod(constructor.build());

    if (model.laned()) {
      add(type, MethodSpec.methodBuilder("workers")
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
      add(type, MethodSpec.methodBuilder("input")
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
      add(type, MethodSpec.methodBuilder("input")
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
      add(type, MethodSpec.methodBuilder("input")
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
      add(type, MethodSpec.methodBuilder("copyInput")
          .addJavadoc("Copies the input into linear memory at launch, for callers that change it"
              + " while the\nlaunch runs.\n")
          .addModifiers(Modifier.PUBLIC)
          .returns(builder)
          .addStatement("this.copyInput = true")
          .addStatement("return this")
          .build());
    }
    if (hasOutput) {
      add(type, MethodSpec.methodBuilder("outputTo")
          .addJavadoc("Lanes write the output straight into {@code destination}, which is not"
              + " zeroed first,\ninstead of into linear memory; {@code output()} of the result"
              + " then copies it. It takes at\nleast {@link $T#MAX_OUTPUT_BYTES} bytes that lanes on"
              + " any thread may write.\n\n"
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
    add(type, MethodSpec.methodBuilder("maxFuel")
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
    add(type, MethodSpec.methodBuilder("deadline")
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
    add(type, MethodSpec.methodBuilder("spec")
        .addModifiers(Modifier.PRIVATE)
        .returns(ParameterizedTypeName.get(LAUNCH_SPEC, shared))
        .addCode(spec.build())
        .build());
    add(type, MethodSpec.methodBuilder("plan")
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
          .addStatement("return runtime.launch(spec(), ($T context) -> $T.$L(context))",
              ParameterizedTypeName.get(ClassName.get(CoordinatorContext.class), shared,
                  GeneratedTypes.record(model.scratch().orElseThrow())),
              enclosing, model.methodName());
    } else {
      launch.addJavadoc("Runs the tasklet on the calling thread and returns when it is done.\n\n")
          .addJavadoc("@return the final shared state, the output, fuel and timings\n")
          .addJavadoc("@throws $T for the first failure\n", TASKLET_EXCEPTION)
          .addStatement("return $T.runOnCallingThread(spec(), ($T context) -> $T.$L(context))",
              TASKLET_RUNTIME, ParameterizedTypeName.get(ClassName.get(TaskletContext.class),
                  shared), enclosing, model.methodName());
    }
    add(type, launch.build());
    return type.build();
  }

  private static FieldSpec constant(TypeName type, String name, CodeBlock value, String doc) {
    return FieldSpec.builder(type, name, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc(doc + "\n")
        .initializer(value)
        .build();
  }
}
