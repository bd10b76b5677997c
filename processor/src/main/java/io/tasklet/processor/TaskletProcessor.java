package io.tasklet.processor;

import com.google.auto.service.AutoService;
import io.tasklet.annotations.Coordinator;
import io.tasklet.annotations.Length;
import io.tasklet.annotations.SharedState;
import io.tasklet.annotations.Tasklet;
import io.tasklet.annotations.WorkerScratch;
import io.tasklet.processor.check.Checked;
import io.tasklet.processor.check.CoordinatorChecker;
import io.tasklet.processor.check.RecordChecker;
import io.tasklet.processor.model.LauncherModel;
import io.tasklet.processor.model.RecordModel;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;

/**
 * The front of the processor: finds annotated elements round by round, has them checked, and
 * hands what is valid to {@link GeneratedFiles}, which finds clashes between generated names
 * before it writes anything. Checking lives in {@code check}, the model of what is generated in
 * {@code model}, and the writers in {@code write}. Types declared inside code, which rounds never
 * list, are {@link LocalDeclarationsProcessor}'s.
 *
 * <p>A declaration whose types do not exist yet (another processor may generate them) is put off
 * to the next round; if they never appear, javac reports the missing types itself.
 *
 * <p>It claims this library's annotations, and only them: {@code @Generated} and every other
 * annotation stay free for whichever processor wants them.
 */
@AutoService(Processor.class)
public final class TaskletProcessor extends AbstractProcessor {
  private static final List<Class<? extends Annotation>> RECORDS =
      List.of(SharedState.class, WorkerScratch.class);
  private static final List<Class<? extends Annotation>> METHODS =
      List.of(Coordinator.class, Tasklet.class);

  private RecordChecker records;
  private CoordinatorChecker coordinators;
  private GeneratedFiles files;
  /** Keys of the records whose classes have been written or found wanting. */
  private final Set<String> recordsDone = new HashSet<>();
  /** Canonical names of the records put off to the next round. */
  private final Set<String> deferredRecords = new LinkedHashSet<>();
  /** Methods put off to the next round. */
  private final List<DeferredMethod> deferredMethods = new ArrayList<>();

  /** A method put off to the next round, by names, since elements do not outlive a round. */
  private record DeferredMethod(
      String type, String method, Class<? extends Annotation> annotation) {}

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    records = new RecordChecker(env);
    coordinators = new CoordinatorChecker(env, records);
    files = new GeneratedFiles(env, records);
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Stream.of(SharedState.class, WorkerScratch.class, Coordinator.class, Tasklet.class,
            Length.class)
        .map(Class::getCanonicalName)
        .collect(Collectors.toUnmodifiableSet());
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (round.processingOver()) {
      return true;
    }
    GeneratedFiles.Round output = files.newRound();
    processRecords(round, output);
    processMethods(round, output);
    output.write();
    return true; // only this library's annotations reach here (see getSupportedAnnotationTypes)
  }

  private void processRecords(RoundEnvironment round, GeneratedFiles.Round output) {
    Map<String, TypeElement> candidates = new LinkedHashMap<>();
    for (String name : deferredRecords) {
      TypeElement record = processingEnv.getElementUtils().getTypeElement(name);
      if (record != null) {
        candidates.put(records.key(record), record);
      }
    }
    deferredRecords.clear();
    for (Class<? extends Annotation> annotation : RECORDS) {
      for (Element element : round.getElementsAnnotatedWith(annotation)) {
        if (element instanceof TypeElement record) {
          candidates.putIfAbsent(records.key(record), record);
        }
      }
    }
    for (Map.Entry<String, TypeElement> entry : candidates.entrySet()) {
      if (recordsDone.contains(entry.getKey())) {
        continue;
      }
      TypeElement record = entry.getValue();
      switch (records.check(record)) {
        case Checked.Valid<RecordModel> valid -> output.record(valid.model(), record);
        case Checked.Invalid<RecordModel> invalid ->
            invalid.report().printTo(processingEnv);
        case Checked.Waiting<RecordModel> waiting -> {
          deferredRecords.add(record.getQualifiedName().toString());
          continue;
        }
      }
      recordsDone.add(entry.getKey());
    }
  }

  private void processMethods(RoundEnvironment round, GeneratedFiles.Round output) {
    List<DeferredMethod> again = List.copyOf(deferredMethods);
    deferredMethods.clear();
    for (DeferredMethod method : again) {
      TypeElement type = processingEnv.getElementUtils().getTypeElement(method.type());
      if (type == null) {
        continue;
      }
      for (Element member : type.getEnclosedElements()) {
        if (member.getKind() == ElementKind.METHOD
            && member.getSimpleName().contentEquals(method.method())
            && member.getAnnotation(method.annotation()) != null) {
          processMethod(member, method.annotation(), output);
        }
      }
    }
    for (Class<? extends Annotation> annotation : METHODS) {
      for (Element element : round.getElementsAnnotatedWith(annotation)) {
        processMethod(element, annotation, output);
      }
    }
  }

  private void processMethod(
      Element element, Class<? extends Annotation> annotation, GeneratedFiles.Round output) {
    switch (coordinators.check(element, annotation)) {
      case Checked.Valid<LauncherModel> valid -> output.launcher(valid.model(), element);
      case Checked.Invalid<LauncherModel> invalid ->
          invalid.report().printTo(processingEnv);
      case Checked.Waiting<LauncherModel> waiting -> {
        if (element.getEnclosingElement() instanceof TypeElement type) {
          deferredMethods.add(new DeferredMethod(type.getQualifiedName().toString(),
              element.getSimpleName().toString(), annotation));
        }
      }
    }
  }
}
