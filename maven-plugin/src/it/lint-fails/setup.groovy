def repo = evaluate(new File(basedir, '../../../src/it/git-repo.groovy'))
repo.git(basedir, 'init', '-q')
repo.git(basedir, 'add', 'pom.xml', 'src/main/resources/db/migration/V1__Create_contest.sql')
repo.git(basedir, 'commit', '-q', '-m', 'contest')
// V2 stays a new file of the work tree: with no remote, what main holds counts as deployed, and lint judges the rest.
true
