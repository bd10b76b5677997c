package io.tasklet.samples;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The command line: a sample's name, its arguments, and {@code --lanes N} / {@code --fuel UNITS}
 * anywhere among them.
 *
 * @param sample the sample's name
 * @param arguments the sample's own arguments
 * @param lanes lanes asked for; empty for as many as the machine has cores (at most the declared)
 * @param fuel fuel pool asked for; empty for the declared one
 */
record Options(String sample, List<String> arguments, OptionalInt lanes, OptionalLong fuel) {

  static Options parse(String... args) throws UsageException {
    List<String> rest = new ArrayList<>();
    OptionalInt lanes = OptionalInt.empty();
    OptionalLong fuel = OptionalLong.empty();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--lanes" -> {
          long value = number(args, ++i, "--lanes");
          if (value < 1 || value > 65_535) {
            throw new UsageException("--lanes must be between 1 and 65535, was " + value);
          }
          lanes = OptionalInt.of((int) value);
        }
        case "--fuel" -> {
          long value = number(args, ++i, "--fuel");
          if (value < 0) {
            throw new UsageException("--fuel must not be negative, was " + value);
          }
          fuel = OptionalLong.of(value);
        }
        default -> {
          if (args[i].startsWith("--")) {
            throw new UsageException("unknown option " + args[i]);
          }
          rest.add(args[i]);
        }
      }
    }
    if (rest.isEmpty()) {
      throw new UsageException("name a sample");
    }
    return new Options(rest.get(0), List.copyOf(rest.subList(1, rest.size())), lanes, fuel);
  }

  private static long number(String[] args, int index, String option) throws UsageException {
    if (index >= args.length) {
      throw new UsageException(option + " needs a number");
    }
    return parseLong(args[index], option);
  }

  /** {@code text} as a number, allowing {@code _} and {@code ,} between digits. */
  static long parseLong(String text, String what) throws UsageException {
    try {
      return Long.parseLong(text.replace("_", "").replace(",", ""));
    } catch (NumberFormatException e) {
      throw new UsageException(what + " must be a number, was \"" + text + "\"");
    }
  }

  /** The sample's argument {@code index}, or a usage error naming {@code what} is missing. */
  String argument(int index, String what) throws UsageException {
    if (index >= arguments.size()) {
      throw new UsageException(sample + " needs " + what);
    }
    return arguments.get(index);
  }

  /** Lanes to run on: those asked for, else the machine's cores, at most {@code declared}. */
  int lanes(int declared, int cores) throws UsageException {
    if (lanes.isPresent()) {
      if (lanes.getAsInt() > declared) {
        throw new UsageException(sample + " runs on at most " + declared + " lanes");
      }
      return lanes.getAsInt();
    }
    return Math.min(declared, cores);
  }
}
