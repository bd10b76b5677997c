package io.tasklet.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Where, when and how a suite ran, as the results record it.
 *
 * @param started when the suite started
 * @param took how long the benchmarks ran
 * @param jdk the JDK the benchmarks ran on
 * @param jmhVersion the JMH version
 * @param settings forks and iterations, as in {@code 1 fork, 3 x 1 s warm-up, 5 x 1 s measurement}
 * @param arguments the arguments the suite was given
 * @param machine the machine
 */
public record RunInfo(
    Instant started, Duration took, Jdk jdk, String jmhVersion, String settings,
    List<String> arguments, Machine machine) {
  public RunInfo {
    arguments = List.copyOf(arguments);
  }

  /**
   * A JDK.
   *
   * @param version its version, as in {@code 25.0.1}
   * @param vmName the VM's name
   * @param vmVersion the VM's version, as in {@code 25.0.1+8-LTS}
   * @param home where it is installed, or the path of its java launcher
   */
  public record Jdk(String version, String vmName, String vmVersion, String home) {
    /** The JDK this JVM runs on. */
    static Jdk current() {
      return new Jdk(System.getProperty("java.version"), System.getProperty("java.vm.name"),
          System.getProperty("java.vm.version"), System.getProperty("java.home"));
    }
  }
}
