package io.tasklet.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The machine a run was made on.
 *
 * @param cores processors available to the JVM
 * @param cpu the CPU model from {@code /proc/cpuinfo}, or "unknown"
 * @param os operating system name, version and architecture, with the distribution if known
 */
public record Machine(int cores, String cpu, String os) {
  /** This machine. */
  static Machine current() {
    String os = System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
        + System.getProperty("os.arch");
    Optional<String> distribution = lines(Path.of("/etc/os-release"))
        .flatMap(lines -> field(lines, "PRETTY_NAME", '='))
        .map(name -> name.replace("\"", ""));
    return new Machine(
        Runtime.getRuntime().availableProcessors(),
        lines(Path.of("/proc/cpuinfo")).flatMap(Machine::cpuModel).orElse("unknown"),
        distribution.map(name -> os + " (" + name + ")").orElse(os));
  }

  /** The model name of the first processor listed in the lines of {@code /proc/cpuinfo}. */
  static Optional<String> cpuModel(List<String> cpuinfo) {
    return field(cpuinfo, "model name", ':');
  }

  private static Optional<String> field(List<String> lines, String name, char separator) {
    for (String line : lines) {
      int at = line.indexOf(separator);
      if (at > 0 && line.substring(0, at).trim().equals(name)) {
        return Optional.of(line.substring(at + 1).trim()).filter(value -> !value.isEmpty());
      }
    }
    return Optional.empty();
  }

  private static Optional<List<String>> lines(Path file) {
    try {
      return Optional.of(Files.readAllLines(file));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
