/** A module of its own that declares records and a coordinator; it needs no java.compiler. */
module com.example.modular {
  requires static io.tasklet.annotations;
  requires io.tasklet.runtime;
}
