package io.tasklet.runtime;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Walks every interleaving of a model of a few threads: a state is an array of longs (shared
 * variables, each thread's program counter and locals), and a model says which steps each thread
 * can take from a state. Every reachable state is visited once.
 */
final class Interleavings {
  /** A model of threads that share the variables of a state. */
  interface Model {
    int threads();

    /** The states one step of {@code thread} leads to; none when it is done or blocked. */
    List<long[]> steps(int thread, long[] state);

    /** Whether every thread has finished. */
    boolean done(long[] state);

    /** What is wrong with a reachable state, or null when nothing is. */
    String check(long[] state);
  }

  /** What a walk found: its violations, how many states it visited, how many ended. */
  record Walk(List<String> violations, int states, int ends) {}

  private Interleavings() {}

  /**
   * Visits every state reachable from {@code start}; a state where no thread can move, but not
   * every thread is done, is a violation ("stuck").
   */
  static Walk walk(Model model, long[] start) {
    Set<List<Long>> seen = new HashSet<>();
    Deque<long[]> toVisit = new ArrayDeque<>();
    List<String> violations = new ArrayList<>();
    int ends = 0;
    toVisit.push(start);
    while (!toVisit.isEmpty()) {
      long[] state = toVisit.pop();
      if (!seen.add(Arrays.stream(state).boxed().toList())) {
        continue;
      }
      String broken = model.check(state);
      if (broken != null) {
        violations.add(broken + " in " + Arrays.toString(state));
        continue;
      }
      if (model.done(state)) {
        ends++;
        continue;
      }
      List<long[]> next = new ArrayList<>();
      for (int thread = 0; thread < model.threads(); thread++) {
        next.addAll(model.steps(thread, state));
      }
      if (next.isEmpty()) {
        violations.add("stuck in " + Arrays.toString(state));
      }
      next.forEach(toVisit::push);
    }
    return new Walk(violations, seen.size(), ends);
  }

  /** Whether some state reachable from {@code start} satisfies {@code goal}. */
  static boolean reaches(Model model, long[] start, Predicate<long[]> goal) {
    Model seeking = new Model() {
      @Override
      public int threads() {
        return model.threads();
      }

      @Override
      public List<long[]> steps(int thread, long[] state) {
        return model.steps(thread, state);
      }

      @Override
      public boolean done(long[] state) {
        return model.done(state);
      }

      @Override
      public String check(long[] state) {
        return goal.test(state) ? "reached" : null;
      }
    };
    return walk(seeking, start).violations().stream().anyMatch(v -> v.startsWith("reached"));
  }

  /** A copy of {@code state} with the variables at the even places of {@code writes} set. */
  static long[] with(long[] state, long... writes) {
    long[] copy = state.clone();
    for (int i = 0; i < writes.length; i += 2) {
      copy[(int) writes[i]] = writes[i + 1];
    }
    return copy;
  }
}
