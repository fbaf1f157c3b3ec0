#!/usr/bin/env bash
# End-to-end timing of the pre-commit path on a TypeScript project: `check --staged` on a commit of one TypeORM entity
# change plus its migration, in a generated NestJS-like repository of 200 entities (with relations, a data source and
# 200 migrations). Cold = the first run after removing the user cache (~/.cache/migration-guard: the native parser not
# yet unpacked, no class-data archive); warm = the median of the following runs. Prints milliseconds and the load average
# (the machine may be shared: a busy machine makes every number larger).
#   usage: bench/typeorm-bench.sh [runs]      (default 11; needs the jar: mvn -q -DskipTests package)
#          bench/typeorm-bench.sh make <dir> <entities>   (only build such a repository, with the change staged)
set -euo pipefail
runs=${1:-11}
here=$(cd "$(dirname "$0")" && pwd)
jar=${MIGRATION_GUARD_JAR:-$here/../tool/target/migration-guard.jar}
java=${JAVA:-java}
cache=${XDG_CACHE_HOME:-$HOME/.cache}/migration-guard

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }

make_repo() { # $1 dir, $2 entities
  local dir=$1 n=$2 i prev
  mkdir -p "$dir/src/entities" "$dir/src/migrations" "$dir/src/database"
  git -C "$dir" init -q -b main
  git -C "$dir" config user.email b@example.com; git -C "$dir" config user.name Bench
  cat > "$dir/src/database/data-source.ts" <<TS
import { DataSource } from 'typeorm';

export const AppDataSource = new DataSource({
  type: 'postgres',
  url: process.env.DATABASE_URL,
  entities: ['dist/**/*.entity.js'],
  migrations: ['dist/migrations/*.js'],
  synchronize: false,
  migrationsRun: true,
});
TS
  for ((i = 1; i <= n; i++)); do
    prev=$(( i > 1 ? i - 1 : 1 ))
    cat > "$dir/src/entities/thing$i.entity.ts" <<TS
import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { IsNotEmpty, MaxLength } from 'class-validator';
import { Thing$prev } from './thing$prev.entity';

@Entity('thing_$i')
@Index(['name', 'price'])
export class Thing$i {
  @PrimaryGeneratedColumn()
  id: number;

  @IsNotEmpty()
  @MaxLength(120)
  @Column({ length: 120 })
  name: string;

  @Column({ type: 'decimal', precision: 10, scale: 2, nullable: true })
  price: string;

  @ManyToOne(() => Thing$prev, { onDelete: 'CASCADE' })
  previous: Thing$prev;

  @CreateDateColumn()
  createdAt: Date;

  describe(): string {
    return \`\${this.name} (\${this.price})\`;
  }
}
TS
    cat > "$dir/src/migrations/$((1700000000000 + i))-CreateThing$i.ts" <<TS
import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateThing$i$((1700000000000 + i)) implements MigrationInterface {
  name = 'CreateThing$i$((1700000000000 + i))';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(\`CREATE TABLE "thing_$i" ("id" SERIAL NOT NULL, "name" character varying(120) NOT NULL, "price" numeric(10,2), "previousId" integer, "createdAt" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT "PK_thing_$i" PRIMARY KEY ("id"))\`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(\`DROP TABLE "thing_$i"\`);
  }
}
TS
  done
  git -C "$dir" add -A && git -C "$dir" commit -q -m init
  # the change a developer commits: one new column and the migration TypeORM generates for it
  sed -i 's|^  describe|  @Column({ default: 0 })\n  rank: number;\n\n  describe|' "$dir/src/entities/thing1.entity.ts"
  cat > "$dir/src/migrations/1800000000000-AddThing1Rank.ts" <<TS
import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddThing1Rank1800000000000 implements MigrationInterface {
  name = 'AddThing1Rank1800000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(\`ALTER TABLE "thing_1" ADD "rank" integer NOT NULL DEFAULT '0'\`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(\`ALTER TABLE "thing_1" DROP COLUMN "rank"\`);
  }
}
TS
  git -C "$dir" add -A
}

if [ "${1:-}" = make ]; then
  make_repo "$2" "$3"
  exit 0
fi

[ -f "$jar" ] || { echo "bench: build the jar first: mvn -q -DskipTests package" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
repo="$work/repo-200"
make_repo "$repo" 200

load_before=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime)
rm -rf "$cache"
s=$(date +%s%N)
verdict=$(cd "$repo" && "$java" -jar "$jar" check --staged >/dev/null 2>&1; echo $?)
cold=$((($(date +%s%N) - s) / 1000000))
warm=$(cd "$repo" && for ((i = 0; i < runs; i++)); do
  s=$(date +%s%N); "$java" -jar "$jar" check --staged >/dev/null 2>&1 || true; e=$(date +%s%N)
  echo $(((e - s) / 1000000))
done | median)
load_after=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime)

printf '%-36s %10s %10s %8s   %s\n' "repository" "cold(ms)" "warm(ms)" "verdict" "load average (before / after)"
printf '%-36s %10s %10s %8s   %s\n' "200 TypeORM entities, 200 migrations" "$cold" "$warm" "exit $verdict" \
  "$load_before / $load_after"
