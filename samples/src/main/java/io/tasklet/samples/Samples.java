package io.tasklet.samples;

import io.tasklet.runtime.FuelExhaustedException;
import io.tasklet.runtime.TaskletException;
import io.tasklet.runtime.TaskletResult;
import io.tasklet.runtime.TaskletRuntime;
import io.tasklet.samples.histogram.ByteHistogramCountTasklet;
import io.tasklet.samples.histogram.Histogram;
import io.tasklet.samples.layout.LayoutReports;
import io.tasklet.samples.mandelbrot.Frame;
import io.tasklet.samples.mandelbrot.FrameView;
import io.tasklet.samples.mandelbrot.Mandelbrot;
import io.tasklet.samples.mandelbrot.MandelbrotRenderTasklet;
import io.tasklet.samples.matmul.MatrixMultiply;
import io.tasklet.samples.matmul.MatrixMultiplyMultiplyTasklet;
import io.tasklet.samples.matmul.RowCursor;
import io.tasklet.samples.reduction.DoubleReductionSummarizeTasklet;
import io.tasklet.samples.reduction.Summary;
import io.tasklet.samples.progress.Progress;
import io.tasklet.samples.progress.ProgressLine;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;

/**
 * The samples' command line: runs one sample (or all of them) on the process's default runtime and
 * prints the answer, the lanes, the memory plan, the fuel and the time; or prints the layout
 * reports. On a terminal, the long samples show their progress on one line of standard error while
 * they run, as their coordinators report it between phases.
 *
 * <p>Exit status: 0 when the run succeeded, 1 when the tasklet failed (fuel exhausted, say) or a
 * file could not be written, 2 for a wrong command line.
 */
public final class Samples {
  static final String USAGE = """
      usage: tasklet-samples SAMPLE [ARGUMENTS] [--lanes N] [--fuel UNITS]
        histogram FILE        how often each byte value occurs in FILE
        reduce COUNT          count, sum, min, max and mean of COUNT pseudo-random doubles
        matmul N              multiply two pseudo-random N x N matrices (N <= 1024)
        mandelbrot WxH FILE   render a W x H Mandelbrot image into the PNG file FILE
        all [DIR]             every sample on generated input, writing files into DIR (default .)
        layout [NAME]         the layout report of the record or tasklet NAME (default: all of
                              them): offsets, sizes, holes and cache lines, as pahole shows a struct
      --lanes N     lanes to run on (default: the machine's cores, at most the sample's declared lanes)
      --fuel UNITS  fuel pool of the launch (default: the sample's declared pool)""";

  private final PrintStream out;
  private final PrintStream err;
  private final TaskletRuntime runtime;
  private final boolean showProgress;

  private Samples(PrintStream out, PrintStream err, TaskletRuntime runtime, boolean showProgress) {
    this.out = out;
    this.err = err;
    this.runtime = runtime;
    this.showProgress = showProgress;
  }

  public static void main(String[] args) {
    Console console = System.console();
    boolean terminal = console != null && console.isTerminal();
    System.exit(run(TaskletRuntime.defaultRuntime(), System.out, System.err, terminal, args));
  }

  /** Runs the command line {@code args} on {@code runtime}; returns the exit status. */
  static int run(TaskletRuntime runtime, PrintStream out, PrintStream err, String... args) {
    return run(runtime, out, err, false, args);
  }

  /**
   * Runs the command line {@code args} on {@code runtime}, showing the progress of long launches
   * on {@code err} when {@code showProgress}; returns the exit status.
   */
  static int run(TaskletRuntime runtime, PrintStream out, PrintStream err, boolean showProgress,
      String... args) {
    try {
      new Samples(out, err, runtime, showProgress).run(Options.parse(args));
      return 0;
    } catch (UsageException e) {
      err.println("tasklet-samples: " + e.getMessage());
      err.println(USAGE);
      return 2;
    } catch (FuelExhaustedException e) {
      err.println("tasklet-samples: the run ran out of fuel: " + e.getMessage());
      return 1;
    } catch (TaskletException e) {
      err.println("tasklet-samples: the run failed: " + e.getMessage());
      return 1;
    } catch (IOException e) {
      err.println("tasklet-samples: " + e.getMessage());
      return 1;
    }
  }

  private void run(Options options) throws UsageException, TaskletException, IOException {
    switch (options.sample()) {
      case "help" -> out.println(USAGE);
      case "histogram" -> histogram(options, Path.of(options.argument(0, "a FILE")));
      case "reduce" -> reduce(options, count(options.argument(0, "a COUNT of values")));
      case "matmul" -> matmul(options, size(options.argument(0, "a matrix size N")));
      case "mandelbrot" -> {
        int[] size = dimensions(options.argument(0, "a size WxH"));
        mandelbrot(options, size[0], size[1], Path.of(options.argument(1, "a PNG FILE")));
      }
      case "layout" -> layout(options.arguments().isEmpty() ? "all" : options.arguments().get(0));
      case "all" -> all(options, Path.of(options.arguments().isEmpty() ? "." : options.arguments().get(0)));
      default -> throw new UsageException("no sample called \"" + options.sample() + "\"");
    }
  }

  private void all(Options options, Path dir) throws UsageException, TaskletException, IOException {
    Files.createDirectories(dir);
    Path text = dir.resolve("histogram-input.txt");
    Files.writeString(text, generatedText(4 << 20, 42));
    histogram(options, text);
    reduce(options, 10_000_000);
    matmul(options, 384);
    mandelbrot(options, 1600, 1000, dir.resolve("mandelbrot.png"));
  }

  private void layout(String name) throws UsageException, IOException {
    List<LayoutReports.Report> reports = LayoutReports.ofCodeSource(Samples.class).stream()
        .filter(report -> name.equals("all") || report.isCalled(name))
        .toList();
    if (reports.isEmpty()) {
      throw new UsageException("no record or tasklet called \"" + name + "\"; try layout all");
    }
    for (LayoutReports.Report report : reports) {
      out.println(report.text());
      out.println();
    }
  }

  void histogram(Options options, Path file) throws UsageException, TaskletException, IOException {
    if (!Files.isRegularFile(file)) {
      throw new UsageException("no such file: " + file);
    }
    try (Arena arena = Arena.ofConfined();
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      if (size > ByteHistogramCountTasklet.DECLARATION.maxInputBytes()) {
        throw new UsageException(file + " has " + number(size) + " bytes; the histogram takes at"
            + " most " + number(ByteHistogramCountTasklet.DECLARATION.maxInputBytes()));
      }
      MemorySegment input = channel.map(FileChannel.MapMode.READ_ONLY, 0, size, arena);
      var launch = ByteHistogramCountTasklet.on(runtime)
          .workers(options.lanes(ByteHistogramCountTasklet.DECLARATION.workers(), runtime.cores()))
          .input(input);
      options.fuel().ifPresent(launch::maxFuel);
      TaskletResult<Histogram> result = launch.launch();
      Histogram histogram = result.shared();
      List<String> answer = new ArrayList<>();
      answer.add(number(histogram.bytesSeen()) + " bytes, "
          + IntStream.range(0, 256).filter(b -> histogram.bins()[b] > 0).count()
          + " distinct values; the most common:");
      IntStream.range(0, 256).boxed()
          .sorted(Comparator.comparingLong((Integer b) -> histogram.bins()[b]).reversed())
          .limit(5)
          .filter(b -> histogram.bins()[b] > 0)
          .forEach(b -> answer.add(String.format(Locale.ROOT, "  %-6s %,14d", byteName(b),
              histogram.bins()[b])));
      report("histogram of " + file, result, answer);
    }
  }

  void reduce(Options options, long count) throws UsageException, TaskletException {
    if (count * Double.BYTES > DoubleReductionSummarizeTasklet.DECLARATION.maxInputBytes()) {
      throw new UsageException("reduce takes at most "
          + number(DoubleReductionSummarizeTasklet.DECLARATION.maxInputBytes() / Double.BYTES) + " values");
    }
    ByteBuffer input = randomDoubles(count, 7);
    var launch = DoubleReductionSummarizeTasklet.on(runtime)
        .workers(options.lanes(DoubleReductionSummarizeTasklet.DECLARATION.workers(), runtime.cores()))
        .input(input);
    options.fuel().ifPresent(launch::maxFuel);
    TaskletResult<Summary> result = launch.launch();
    Summary summary = result.shared();
    report("reduction of " + number(count) + " pseudo-random doubles in [-1000, 1000)", result,
        List.of(String.format(Locale.ROOT, "count %,d  sum %.6f  min %.6f  max %.6f  mean %.9f",
            summary.count(), summary.sum(), summary.min(), summary.max(), summary.mean())));
  }

  void matmul(Options options, int n) throws UsageException, TaskletException {
    ByteBuffer input = randomDoubles(2L * n * n, 11);
    var launch = MatrixMultiplyMultiplyTasklet.on(runtime)
        .workers(options.lanes(MatrixMultiplyMultiplyTasklet.DECLARATION.workers(), runtime.cores()))
        .input(input);
    options.fuel().ifPresent(launch::maxFuel);
    TaskletResult<RowCursor> result = withProgress("matrix multiply", launch::launch);
    MemorySegment c = MemorySegment.ofArray(result.output());
    double trace = 0;
    for (int i = 0; i < n; i++) {
      trace += c.getAtIndex(ValueLayout.JAVA_DOUBLE_UNALIGNED, (long) i * n + i);
    }
    report("matrix multiply of two " + n + " x " + n + " matrices", result, List.of(
        String.format(Locale.ROOT, "trace of the product %.6f; %,d multiply-adds", trace,
            result.shared().multiplyAdds())));
  }

  void mandelbrot(Options options, int width, int height, Path png)
      throws UsageException, TaskletException, IOException {
    Frame frame = Frame.centredOn(width, height, 500, -0.6, 0, 3.2);
    // The lanes write the pixels straight into the image's memory: a grey image whose buffer
    // spans the declared output, row after row from its start, as the sample lays them out.
    byte[] pixels = new byte[Math.toIntExact(MandelbrotRenderTasklet.DECLARATION.maxOutputBytes())];
    BufferedImage image = greyImage(pixels, width, height);
    var launch = MandelbrotRenderTasklet.on(runtime)
        .workers(options.lanes(MandelbrotRenderTasklet.DECLARATION.workers(), runtime.cores()))
        .input(frameBytes(frame))
        .outputTo(MemorySegment.ofArray(pixels));
    options.fuel().ifPresent(launch::maxFuel);
    TaskletResult<Frame> result = withProgress("Mandelbrot set", launch::launch);
    if (!ImageIO.write(image, "png", png.toFile())) {
      throw new IOException("no PNG writer available");
    }
    report("Mandelbrot set, " + width + " x " + height + ", " + frame.maxIterations()
        + " iterations at most", result, List.of("written to " + png.toAbsolutePath(),
        number(result.shared().pixelsInside()) + " pixels inside the set"));
  }

  /**
   * Runs {@code launch}; on a terminal, shows the progress its coordinator reports on one line of
   * {@code err}, wiped when the launch ends.
   */
  private <S> TaskletResult<S> withProgress(
      String title, ScopedValue.CallableOp<TaskletResult<S>, TaskletException> launch)
      throws TaskletException {
    if (!showProgress) {
      return launch.call();
    }
    try (ProgressLine line = new ProgressLine(err, title)) {
      return Progress.reportingTo(line, launch);
    }
  }

  private void report(String title, TaskletResult<?> result, List<String> answer) {
    out.println(title);
    answer.forEach(line -> out.println("  " + line));
    out.println("  lanes:  " + result.workers() + " (busy "
        + result.lanes().stream().map(l -> millis(l.busy().toNanos())).toList() + ")");
    out.println("  memory plan:");
    result.plan().describe().lines().forEach(line -> out.println("  " + line));
    out.println("  fuel:   " + number(result.fuelConsumed()) + " consumed, "
        + number(result.fuelRemaining()) + " remaining");
    out.println("  time:   " + millis(result.elapsed().toNanos()));
    out.println();
  }

  /** A {@code width} x {@code height} grey image over {@code pixels}, a byte a pixel, by rows. */
  static BufferedImage greyImage(byte[] pixels, int width, int height) {
    WritableRaster raster = Raster.createInterleavedRaster(new DataBufferByte(pixels, pixels.length),
        width, height, width, 1, new int[] {0}, null);
    ColorModel grey = new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY).getColorModel();
    return new BufferedImage(grey, raster, false, null);
  }

  /** The bytes of {@code frame} as {@code FrameView} lays it out: the Mandelbrot's input. */
  public static MemorySegment frameBytes(Frame frame) {
    MemorySegment bytes = Arena.ofAuto().allocate(FrameView.SIZE, FrameView.ALIGNMENT);
    FrameView.of(bytes).write(frame);
    return bytes;
  }

  /** {@code count} pseudo-random doubles in [-1000, 1000), native byte order. */
  public static ByteBuffer randomDoubles(long count, long seed) {
    if (count * Double.BYTES > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("too many values for one buffer: " + count);
    }
    ByteBuffer buffer = ByteBuffer.allocateDirect((int) (count * Double.BYTES))
        .order(ByteOrder.nativeOrder());
    SplittableRandom random = new SplittableRandom(seed);
    for (long i = 0; i < count; i++) {
      buffer.putDouble(random.nextDouble(-1000, 1000));
    }
    return buffer.flip();
  }

  /** About {@code bytes} of pseudo-random English-looking text. */
  public static String generatedText(int bytes, long seed) {
    String[] words = {"the", "tasklet", "lanes", "share", "memory", "and", "fuel", "of", "a",
        "coordinator", "runs", "every", "phase", "in", "linear", "budget", "record", "view"};
    SplittableRandom random = new SplittableRandom(seed);
    StringBuilder text = new StringBuilder(bytes + 16);
    while (text.length() < bytes) {
      text.append(words[random.nextInt(words.length)]);
      text.append(random.nextInt(12) == 0 ? ".\n" : " ");
    }
    return text.toString();
  }

  private static long count(String text) throws UsageException {
    long count = Options.parseLong(text, "COUNT");
    if (count < 0) {
      throw new UsageException("COUNT must not be negative, was " + count);
    }
    return count;
  }

  private static int size(String text) throws UsageException {
    long n = Options.parseLong(text, "N");
    if (n < 1 || n > MatrixMultiply.MAX_SIZE) {
      throw new UsageException("N must be between 1 and " + MatrixMultiply.MAX_SIZE + ", was " + n);
    }
    return (int) n;
  }

  private static int[] dimensions(String text) throws UsageException {
    String[] parts = text.toLowerCase(Locale.ROOT).split("x");
    if (parts.length != 2) {
      throw new UsageException("the size must read WxH, like 800x600; was \"" + text + "\"");
    }
    long width = Options.parseLong(parts[0], "W");
    long height = Options.parseLong(parts[1], "H");
    if (width < 1 || height < 1 || width * height > Mandelbrot.MAX_PIXELS) {
      throw new UsageException("the image must have between 1 and "
          + number(Mandelbrot.MAX_PIXELS) + " pixels; was " + text);
    }
    return new int[] {(int) width, (int) height};
  }

  private static String byteName(int b) {
    return b >= 0x21 && b < 0x7f ? "'" + (char) b + "'" : String.format(Locale.ROOT, "0x%02x", b);
  }

  private static String number(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }

  private static String millis(long nanos) {
    return String.format(Locale.ROOT, "%.3f ms", nanos / 1e6);
  }
}
