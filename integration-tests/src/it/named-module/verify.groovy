// The module compiled under -Xlint:all -Werror; now run it from the module path, as its users would.
def generated = new File(basedir, 'target/generated-sources/annotations/com/example/modular')
assert new File(generated, 'TallyView.java').exists() : 'no view was generated'
assert !new File(generated, 'TallyView.java').text.contains('@Generated') :
    'a module that does not read java.compiler must get no @Generated'
def runtimeJar = new File(localRepositoryPath, 'io/tasklet/tasklet-runtime').listFiles()
    .collectMany { it.listFiles().findAll { f -> f.name ==~ /tasklet-runtime-.*\.jar/ && !f.name.contains('sources') } }
    .first()
def java = new File(System.getProperty('java.home'), 'bin/java').path
def modulePath = new File(basedir, 'target/classes').path + File.pathSeparator + runtimeJar.path
def run = [java, '--module-path', modulePath, '-m', 'com.example.modular/com.example.modular.Counting'].execute()
def out = new StringBuilder(), err = new StringBuilder()
run.waitForProcessOutput(out, err)
assert run.exitValue() == 0 : "the module did not run: ${err}"
assert out.toString().contains('modular launch: total=100 lanes=2') : "unexpected output: ${out}${err}"
