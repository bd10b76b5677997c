/**
 * The annotations a user declares linear memory records and coordinators with. They are read at
 * compile time only, so a consumer module may require this one {@code static}.
 */
module io.tasklet.annotations {
  exports io.tasklet.annotations;
}
