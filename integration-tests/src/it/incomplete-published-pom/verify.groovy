def log = new File(basedir, 'build.log').text
assert log.contains('a published POM needs a license with a url') :
    "the metadata check did not name the missing license url"
assert !log.contains('a published POM needs a description') :
    "the description is inherited from tasklet-parent and must pass"
