package io.tasklet.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.JavaFileObjects;
import io.tasklet.runtime.LinearMemoryPlan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The README's Java examples compile with the processor and do what it says. */
class ReadmeExamplesTest {
  private static final String IMPORTS = """
      package readme;
      import io.tasklet.annotations.*;
      import io.tasklet.runtime.*;
      import java.lang.foreign.MemorySegment;
      import java.lang.foreign.ValueLayout;
      """;

  private static List<String> javaBlocks() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
    Matcher blocks = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(readme);
    List<String> found = new ArrayList<>();
    while (blocks.find()) {
      found.add(blocks.group(1));
    }
    return found;
  }

  @Test
  void theExampleDeclarationsCompileAndTheLaunchCountsBytes() throws IOException {
    List<String> blocks = javaBlocks();
    assertEquals(3, blocks.size(), "the README's Java examples");
    List<JavaFileObject> sources = new ArrayList<>();
    for (String declaration : blocks.get(0).split("\n\n")) {
      Matcher name = Pattern.compile("(?:record|class) (\\w+)").matcher(declaration);
      assertTrue(name.find(), declaration);
      sources.add(JavaFileObjects.forSourceString("readme." + name.group(1), IMPORTS + declaration));
    }
    String launch = "public final class Example {\n"
        + "  public static long run(byte[] bytes) throws TaskletException {\n"
        + blocks.get(1).indent(4)
        + "    return spaces;\n"
        + "  }\n"
        + "  public static LinearMemoryPlan plan() {\n"
        + blocks.get(2).indent(4)
        + "    return plan;\n"
        + "  }\n"
        + "}\n";
    sources.add(JavaFileObjects.forSourceString("readme.Example", IMPORTS + launch));
    Compiled compiled = Compiled.compile(sources.toArray(JavaFileObject[]::new));
    byte[] text = "a b  c   d".getBytes(StandardCharsets.US_ASCII);
    Object spaces = Compiled.invoke(null, compiled.load("readme.Example"), "run", (Object) text);
    assertEquals(6L, spaces);
    assertTrue(Runtime.getRuntime().availableProcessors() >= 2, "the example asks for 2 lanes");
    LinearMemoryPlan plan =
        (LinearMemoryPlan) Compiled.invoke(null, compiled.load("readme.Example"), "plan");
    assertEquals(16, plan.workers(), "the declared lanes");
    assertEquals(1L << 30, plan.inputBytes(), "the largest input");
  }

  @Test
  void aViewDeclaresItsLayoutAsTheReadmeShows() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
    Matcher block = Pattern.compile("`LAYOUT` is one call of the runtime's `Views\\.struct`.*?"
        + "```\n(.*?)```", Pattern.DOTALL).matcher(readme);
    assertTrue(block.find(), "the README's example of LAYOUT");
    Compiled compiled = Compiled.compile(
        JavaFileObjects.forSourceString("readme.Point",
            IMPORTS + "@WorkerScratch public record Point(int x, int y) {}"),
        JavaFileObjects.forSourceString("readme.Pair", IMPORTS + "@WorkerScratch public record"
            + " Pair(int left, @Length(2) double[] weights, Point at) {}"));
    String view = compiled.compilation().generatedSourceFile("readme.PairView").orElseThrow()
        .getCharContent(false).toString();
    assertTrue(view.contains(block.group(1).stripTrailing()), view);
  }
}
