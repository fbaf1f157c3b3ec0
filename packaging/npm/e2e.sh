#!/usr/bin/env bash
# The npm packages end to end, as a TypeORM team would use them: installs the tarballs of build.sh into a copy of
# examples/typeorm-nest in a temporary git repository, runs `npx migration-guard install`, and makes a real `git commit`
# that the hook refuses and a fixed one that passes; then the same through husky (fetched from the npm registry), and
# the launcher without a bundled runtime. Skips, saying so, when npm is not installed.
#   usage: packaging/npm/e2e.sh        (after packaging/npm/build.sh)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
if ! command -v npm >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1; then
  echo "packaging/npm/e2e.sh: skipped: npm or node is not installed"
  exit 0
fi
main_tgz=$(ls "$here"/target/migration-guard-[0-9]*.tgz 2>/dev/null | head -1)
platform_tgz=$(ls "$here"/target/migration-guard-linux-x64-*.tgz 2>/dev/null | head -1)
[ -n "$main_tgz" ] && [ -n "$platform_tgz" ] || { echo "e2e: build the packages first: packaging/npm/build.sh" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A private home and cache: no global git configuration, no class-data archive from an earlier run.
export HOME=$work/home XDG_CACHE_HOME=$work/cache GIT_CONFIG_NOSYSTEM=1 npm_config_cache=$work/npm-cache \
    npm_config_update_notifier=false
mkdir -p "$HOME"
unset MIGRATION_GUARD_JAR MIGRATION_GUARD_FAST_START MIGRATION_GUARD_ON_MISSING JAVA_TOOL_OPTIONS
# The JVM starts counted below are the cold path's; a resident checker (README, "Speed") would add its own start.
export MIGRATION_GUARD_DAEMON=0
git config --global user.email e2e@example.com
git config --global user.name E2E
git config --global init.defaultBranch main

fail() { echo "e2e: FAILED: $*" >&2; exit 1; }
step() { echo "e2e: $*"; }
expect_commit() { # $1 expected exit code, $2 text the output must contain, $3 message
  local code=0
  git commit -q -m "$3" > "$work/commit.out" 2>&1 || code=$?
  [ "$code" -eq "$1" ] || { cat "$work/commit.out" >&2; fail "git commit '$3' exited $code, expected $1"; }
  [ -z "$2" ] || grep -q -- "$2" "$work/commit.out" || { cat "$work/commit.out" >&2; fail "'$3': no '$2' in the output"; }
}

# A TypeORM project: the clean part of the example, with a package.json that needs nothing but these packages.
project() { # $1 folder
  local example=$top/examples/typeorm-nest
  mkdir -p "$1/src/migrations" "$1/src/database"
  cp -R "$example/src/common" "$example/src/contests" "$1/src/"
  cp "$example/src/database/data-source.ts" "$1/src/database/"
  cp "$example"/src/migrations/1700000000000-CreateContest.ts "$example"/src/migrations/1700000000001-CreateTeam.ts \
     "$1/src/migrations/"
  printf '{\n  "name": "contests",\n  "version": "1.0.0",\n  "private": true\n}\n' > "$1/package.json"
  printf 'node_modules/\n' > "$1/.gitignore"
  cd "$1"
  git init -q
  npm install --no-audit --no-fund --save-dev "$main_tgz" "$platform_tgz" >/dev/null
  git add -A
  git commit -q -m "Contests and teams"
}

# An entity column without its migration, then the migration.
add_seed_column() {
  sed -i 's|  @Column({ length: 80 })|  @Column({ nullable: true })\n  seed: number;\n\n  @Column({ length: 80 })|' \
      src/contests/team.entity.ts
  git add -A
}
add_seed_migration() {
  cat > src/migrations/1700000000002-AddTeamSeed.ts <<'TS'
import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddTeamSeed1700000000002 implements MigrationInterface {
  name = 'AddTeamSeed1700000000002';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "team" ADD "seed" integer`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "team" DROP COLUMN "seed"`);
  }
}
TS
  git add -A
}

step "npm install of $(basename "$main_tgz") and $(basename "$platform_tgz") into a TypeORM project"
project "$work/app"
runtime=$work/app/node_modules/@migration-guard/linux-x64/runtime
jar=$work/app/node_modules/migration-guard/lib/migration-guard.jar
[ -x "$runtime/bin/java" ] || fail "the platform package brought no runtime"

step "npx migration-guard install"
npx --no migration-guard install > "$work/install.out" 2>&1 || { cat "$work/install.out" >&2; fail "install failed"; }
grep -q "installed_java='$runtime/bin/java'" .git/hooks/pre-commit || fail "the hook does not record the bundled runtime"
grep -q "installed_jar='$jar'" .git/hooks/pre-commit || fail "the hook does not record the package's jar"

step "a commit of an entity change without its migration is refused"
add_seed_column
# A Java on the PATH that must not run: the hook takes the runtime of the package.
mkdir -p "$work/old-java"
printf '#!/bin/sh\necho "the Java on the PATH ran"\nexit 42\n' > "$work/old-java/java"
chmod +x "$work/old-java/java"
PATH="$work/old-java:$PATH" JAVA_HOME='' expect_commit 1 "entity-change-without-migration" "Teams have seeds"
grep -q "the Java on the PATH ran" "$work/commit.out" && fail "the hook ran the Java on the PATH"

step "the fixed commit passes"
add_seed_migration
PATH="$work/old-java:$PATH" JAVA_HOME='' expect_commit 0 "" "Teams have seeds"

step "npx migration-guard lint"
npx --no migration-guard lint --no-color > "$work/lint.out" 2>&1 || { cat "$work/lint.out" >&2; fail "lint found problems"; }
version=$(npx --no -- migration-guard --version)
[ "$version" = "migration-guard $(node -p "require('./node_modules/migration-guard/package.json').version")" ] \
    || fail "--version says '$version', not the package's version"

# A runtime made from a JDK before 25 has no AOT cache (build.sh says so when it builds one).
if [ -f "$runtime/lib/migration-guard.aot" ]; then
  step "the runtime's AOT cache serves the installed jar"
  # npm gave the jar the time of the install; the launcher put back the one the cache was trained with.
  "$runtime/bin/java" -XX:AOTMode=on -XX:AOTCache="$runtime/lib/migration-guard.aot" -XX:TieredStopAtLevel=1 \
      -XX:+UseSerialGC -cp "$jar" dev.migrationguard.cli.Main --version > "$work/aot.out" 2>&1 \
      || { cat "$work/aot.out" >&2; fail "the AOT cache does not accept the installed jar"; }
  # With the cache in use the tool writes no class-data archive of its own.
  ls "$XDG_CACHE_HOME"/migration-guard/classes-*.jsa >/dev/null 2>&1 && fail "the tool wrote its own archive beside the AOT cache"

  step "check starts its tuned JVM once, with the runtime's AOT cache"
  # A java that notes each start: the launcher starts it, then the tool starts its tuned JVM from the same runtime. A
  # third start would be the tuned JVM refusing its options and the run retried without the cache.
  mv "$runtime/bin/java" "$runtime/bin/java.real"
  printf '#!/bin/sh\necho "$*" >> "%s"\nexec "%s" "$@"\n' "$work/starts" "$runtime/bin/java.real" > "$runtime/bin/java"
  chmod +x "$runtime/bin/java"
  npx --no migration-guard check --staged > "$work/check.out" 2>&1 || { cat "$work/check.out" >&2; fail "check failed"; }
  [ "$(wc -l < "$work/starts")" -eq 2 ] && tail -1 "$work/starts" | grep -q -- "-XX:AOTCache=$runtime/lib/migration-guard.aot" \
      || { cat "$work/starts" >&2; fail "not one tuned JVM with the AOT cache"; }
  # A jar of another time (an npm install, run by the hook before the launcher ever ran) is not the cache's: the tool
  # writes its own archive instead, still in one tuned JVM.
  touch "$jar"
  rm "$work/starts"
  "$runtime/bin/java" -jar "$jar" check --staged > "$work/check.out" 2>&1 || { cat "$work/check.out" >&2; fail "check failed"; }
  mv "$runtime/bin/java.real" "$runtime/bin/java"
  [ "$(wc -l < "$work/starts")" -eq 2 ] && tail -1 "$work/starts" | grep -q -- "-XX:ArchiveClassesAtExit=" \
      && ! grep -q -- "-XX:AOTCache" "$work/starts" || { cat "$work/starts" >&2; fail "not one tuned JVM writing its archive"; }
  ls "$XDG_CACHE_HOME"/migration-guard/classes-*.jsa >/dev/null 2>&1 || fail "the tool kept no archive of its own"
else
  step "the runtime has no AOT cache (built from a JDK before 25): its steps are skipped"
fi

step "husky: a versioned .husky/pre-commit line"
project "$work/husky-app"
npm install --no-audit --no-fund --save-dev husky >/dev/null
npx --no husky init >/dev/null
echo "migration-guard check --staged" > .husky/pre-commit
git add -A
expect_commit 0 "" "Husky runs migration-guard"
add_seed_column
expect_commit 1 "entity-change-without-migration" "Teams have seeds"
add_seed_migration
expect_commit 0 "" "Teams have seeds"

step "without a bundled runtime: Java from the PATH, or one line naming what to install"
mkdir -p "$work/bare"
tar -xzf "$main_tgz" -C "$work/bare"
node=$(command -v node)
launch() { # $1 output file, then the environment; runs the launcher of the unpacked main package with --version
  local out=$1 code=0
  shift
  env -u JAVA_HOME "$@" "$node" "$work/bare/package/bin/migration-guard.js" --version > "$out" 2>&1 || code=$?
  echo "$code"
}
empty=$(mktemp -d "$work/empty.XXXX")
[ "$(launch "$work/nojava.out" PATH="$empty")" -eq 2 ] && [ "$(wc -l < "$work/nojava.out")" -eq 1 ] \
    && grep -q "no Java found: install Java 17 or newer" "$work/nojava.out" \
    || { cat "$work/nojava.out" >&2; fail "without any Java: not exit 2 with one line naming what to install"; }
mkdir -p "$work/java11/bin"
printf 'JAVA_VERSION="11.0.2"\n' > "$work/java11/release"
printf '#!/bin/sh\necho "Java 11 ran"\nexit 1\n' > "$work/java11/bin/java"
chmod +x "$work/java11/bin/java"
[ "$(launch "$work/old.out" JAVA_HOME="$work/java11" PATH="$empty")" -eq 2 ] && [ "$(wc -l < "$work/old.out")" -eq 1 ] \
    && grep -q "is Java 11: install Java 17 or newer" "$work/old.out" \
    || { cat "$work/old.out" >&2; fail "with Java 11: not exit 2 with one line naming what to install"; }
java_home=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
[ "$(launch "$work/home.out" JAVA_HOME="$java_home" PATH="$empty")" -eq 0 ] && grep -q "^migration-guard " "$work/home.out" \
    || { cat "$work/home.out" >&2; fail "Java 17+ from JAVA_HOME did not run the jar"; }
[ "$(launch "$work/path.out" PATH="$java_home/bin")" -eq 0 ] && grep -q "^migration-guard " "$work/path.out" \
    || { cat "$work/path.out" >&2; fail "Java 17+ on the PATH did not run the jar"; }

echo "e2e: all passed"
