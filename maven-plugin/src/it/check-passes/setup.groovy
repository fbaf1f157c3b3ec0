def repo = evaluate(new File(basedir, '../../../src/it/git-repo.groovy'))
repo.git(basedir, 'init', '-q')
repo.git(basedir, 'add', '.')
repo.git(basedir, 'commit', '-q', '-m', 'contest')
repo.git(basedir, 'checkout', '-q', '-b', 'feature')
new File(basedir, 'app/src/main/resources/db/migration/V2__Create_venue.sql').text =
        'CREATE TABLE venue (id BIGINT PRIMARY KEY, city VARCHAR(80));\n'
repo.git(basedir, 'add', '.')
repo.git(basedir, 'commit', '-q', '-m', 'venue')
true
