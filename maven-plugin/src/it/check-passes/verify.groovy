def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
// Three modules, one work tree: the first module runs the check, the two others say it already ran.
assert log.count('migration-guard: 0 errors, 0 warnings') == 1
assert log.count('migration-guard: check already ran on ') == 2

def json = new File(basedir, 'target/check.json').text
assert json.contains('"version" : "' + pluginVersion + '"')
assert json.contains('"mode" : "range"')
assert json.contains('"findings" : [ ]')
true
