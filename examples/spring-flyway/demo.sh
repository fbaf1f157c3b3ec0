#!/usr/bin/env bash
# Replays a realistic sequence of commits in a temporary repository, so you can watch `check --staged` refuse a
# commit (and say why) and accept the fixed one. Needs the jar: mvn -q -DskipTests package
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
jar=${MIGRATION_GUARD_JAR:-$here/../../tool/target/migration-guard.jar}
[ -f "$jar" ] || { echo "demo: build the jar first: mvn -q -DskipTests package" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
guard() { java -jar "$jar" check --staged --no-color "$@"; }
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

cd "$work"
git init -q -b main
git config user.email dev@example.com
git config user.name Dev
mkdir -p src/main/java/com/example/contests src/main/resources/db/migration
cp "$here"/src/main/java/com/example/contests/*.java src/main/java/com/example/contests/
cp "$here"/src/main/resources/application.properties "$here"/src/main/resources/application-test.properties src/main/resources/
cp "$here"/src/main/resources/db/migration/{V1__Create_contest.sql,U1__Create_contest.sql,V2__Create_team.sql,U2__Create_team.sql} \
   src/main/resources/db/migration/
git add -A
step "1. The first commit: entities with their migrations"
guard && git commit -q -m "Contests and teams" && echo "committed"

step "2. Add a 'divisions' column to Contest, without a migration"
sed -i 's|    @Embedded|    @Column(nullable = false)\n    private int divisions = 1;\n\n    @Embedded|' \
    src/main/java/com/example/contests/Contest.java
git add -A
if guard; then echo "unexpected: the commit was accepted"; exit 1; else echo "(exit $?: the commit is refused)"; fi

step "3. Add the migration and its undo script, as the hint says"
cat > src/main/resources/db/migration/V3__Add_contest_divisions.sql <<'SQL'
ALTER TABLE contest ADD COLUMN divisions INTEGER NOT NULL DEFAULT 1;
SQL
cat > src/main/resources/db/migration/U3__Add_contest_divisions.sql <<'SQL'
ALTER TABLE contest DROP COLUMN divisions;
SQL
git add -A
guard && git commit -q -m "Contests have divisions" && echo "committed"

step "4. Edit a migration that is already on main"
sed -i 's/VARCHAR(120) NOT NULL,/VARCHAR(200) NOT NULL,/' src/main/resources/db/migration/V2__Create_team.sql
git add -A
if guard; then echo "unexpected: the commit was accepted"; exit 1; else echo "(exit $?: the commit is refused)"; fi
