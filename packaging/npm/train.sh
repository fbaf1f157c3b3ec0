#!/usr/bin/env bash
# Writes the AOT cache of the npm runtime (JDK 25+): one training run of `check --staged` on a commit that changes an
# entity of each bundled example, a TypeORM one and a JPA one, each with its migration, in a temporary repository. The
# run records which classes load and link and how the hot methods behave; the cache then spares every later run that
# work. It runs as the tuned JVM that `check` starts (cli/FastStart: client compiler, serial collector), in one JVM.
#   usage: packaging/npm/train.sh <java> <jar> <cache file to write>
set -euo pipefail
[ $# -eq 3 ] || { echo "usage: $0 <java> <jar> <cache file>" >&2; exit 2; }
java=$1 jar=$2 cache=$3
examples=$(cd "$(dirname "$0")/../../examples" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
repo=$work/repo

mkdir -p "$repo"
cp -R "$examples/typeorm-nest" "$repo/typeorm"
cp -R "$examples/spring-flyway" "$repo/spring"
cd "$repo"
git init -q -b main
git -c user.email=train@example.com -c user.name=Train add -A
git -c user.email=train@example.com -c user.name=Train commit -q -m examples

sed -i 's|  @Column({ length: 80 })|  @Column({ nullable: true })\n  seed: number;\n\n  @Column({ length: 80 })|' \
    typeorm/src/contests/team.entity.ts
cat > typeorm/src/migrations/1700000000005-AddTeamSeed.ts <<'TS'
import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddTeamSeed1700000000005 implements MigrationInterface {
  name = 'AddTeamSeed1700000000005';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "team" ADD "seed" integer`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "team" DROP COLUMN "seed"`);
  }
}
TS
sed -i 's|    @Embedded|    @Column(nullable = false)\n    private int divisions = 1;\n\n    @Embedded|' \
    spring/src/main/java/com/example/contests/Contest.java
echo 'ALTER TABLE contest ADD COLUMN divisions INTEGER NOT NULL DEFAULT 1;' \
    > spring/src/main/resources/db/migration/V3__Add_contest_divisions.sql
echo 'ALTER TABLE contest DROP COLUMN divisions;' > spring/src/main/resources/db/migration/U3__Add_contest_divisions.sql
git add -A

# A private cache and home: the training unpacks the native parser as a first run would, and leaves nothing behind.
set +e
env -u JAVA_TOOL_OPTIONS -u JDK_JAVA_OPTIONS HOME="$work" XDG_CACHE_HOME="$work/cache" MIGRATION_GUARD_FAST_START=0 \
    "$java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:AOTCacheOutput="$cache" -Xlog:aot=off -Xlog:cds=off \
    -cp "$jar" dev.migrationguard.cli.Main check --staged --no-color > "$work/out" 2>&1
code=$?
set -e
# 0 or 1 (findings): the check ran to its end. Anything else is a broken build, not a cache to ship.
if [ "$code" -gt 1 ] || [ ! -s "$cache" ]; then
  cat "$work/out" >&2
  echo "packaging/npm: the training run exited $code without writing $cache" >&2
  exit 1
fi
echo "packaging/npm: AOT cache $(basename "$cache"): $(du -h "$cache" | cut -f1)"
