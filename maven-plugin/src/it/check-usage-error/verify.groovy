def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log =~ /\[ERROR\] Failed to execute goal .*:check \(default-cli\) on project check-usage-error: Error: Missing required argument \(specify one of these\): \(--staged \| --base=<ref>\)/
true
