package io.tasklet.processor;

import com.google.auto.service.AutoService;
import io.tasklet.annotations.Coordinator;
import io.tasklet.annotations.Length;
import io.tasklet.annotations.SharedState;
import io.tasklet.annotations.Tasklet;
import io.tasklet.annotations.WorkerScratch;
import io.tasklet.processor.check.ErrorReporter;
import io.tasklet.processor.check.RecordChecker;
import io.tasklet.processor.write.GeneratedTypes;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * The front of the processor: finds annotated elements round by round and hands them to the
 * steps. Checking lives in {@code check}, the model of what is generated in {@code model}, and the
 * writers in {@code write}.
 */
@AutoService(Processor.class)
public final class TaskletProcessor extends AbstractProcessor {
  private RecordStep records;
  private CoordinatorStep coordinators;

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    ErrorReporter reporter = new ErrorReporter(env.getMessager());
    RecordChecker checker = new RecordChecker(env, reporter);
    records = new RecordStep(env, reporter, checker);
    coordinators = new CoordinatorStep(env, reporter, checker);
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(
        SharedState.class.getCanonicalName(),
        WorkerScratch.class.getCanonicalName(),
        Coordinator.class.getCanonicalName(),
        Length.class.getCanonicalName(),
        Tasklet.class.getCanonicalName(),
        // Claimed so that the @Generated on our own output does not make javac warn, under
        // -Xlint:processing, that no processor claimed it: users compile with -Werror.
        GeneratedTypes.GENERATED_ANNOTATION);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    records.process(round);
    coordinators.process(round);
    return true; // these annotations mean nothing to any other processor
  }
}
