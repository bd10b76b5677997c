package io.tasklet.benchmarks;

import org.junit.jupiter.api.Test;

/** The projects that {@link ProcessorCompile} compiles compile cleanly, into every class. */
class ProcessorCompileTest {
  @Test
  void theAnnotatedProjectCompilesWithTheProcessor() {
    ProcessorCompile.Annotated project = new ProcessorCompile.Annotated();
    project.start();
    project.stop();
  }

  @Test
  void thePlainProjectCompilesWithoutIt() {
    ProcessorCompile.Plain project = new ProcessorCompile.Plain();
    project.start();
    project.stop();
  }

  @Test
  void theGeneratedSourcesCompileWithoutIt() {
    ProcessorCompile.Pregenerated project = new ProcessorCompile.Pregenerated();
    project.start();
    project.stop();
  }
}
