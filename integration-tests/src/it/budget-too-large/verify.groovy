def log = new File(basedir, 'build.log').text
def expected = 'linear memory budget exceeded: shared 8,192 B + input 1,048,576 B + 4 lanes x 2,048 B' +
    ' scratch + 0 B alignment = 1,064,960 B > maxLinearMemory 1,048,576 B'
assert log.contains(expected) : "the build log does not show the budget arithmetic"
assert log =~ /TooBig\.java:\[18,\d+\]/ : "the error does not point at maxInputBytes on line 18"
assert !log.contains('Exception') : "the processor must report an error, not crash"
