def log = new File(basedir, 'build.log').text
assert log.contains('warning [destructive-change] Migration src/main/resources/db/migration/V2__Drop_contest_name.sql drops column "name"')
assert log.contains('migration-guard lint found what fails the build (--fail-on warning)')
assert log.contains('BUILD FAILURE')

def json = new File(basedir, 'target/migration-guard.json').text
// The report carries the build's one version: the plugin's is the tool's.
assert json.contains('"name" : "migration-guard",\n    "version" : "' + pluginVersion + '"')
assert json.contains('"mode" : "lint"')
assert json.contains('"rule" : "destructive-change"')
def sarif = new File(basedir, 'target/migration-guard.sarif').text
assert sarif.contains('"version" : "2.1.0"')
assert sarif.contains('"ruleId" : "destructive-change"')
assert sarif.contains('V2__Drop_contest_name.sql')
true
