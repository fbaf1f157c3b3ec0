def repo = evaluate(new File(basedir, '../../../src/it/git-repo.groovy'))
repo.git(basedir, 'init', '-q')
repo.git(basedir, 'add', 'pom.xml')
repo.git(basedir, 'commit', '-q', '-m', 'empty project')
true
