#!/usr/bin/env bash
# Builds the npm packages from the tool's jar of the Maven build, into packaging/npm/target/ (the tarballs of `npm pack`):
#   migration-guard-<version>.tgz                    the bin entry and the jar (runs with Java 17+ where nothing is bundled)
#   migration-guard-linux-x64-<version>.tgz          @migration-guard/linux-x64: a jlink'd Java runtime and its AOT cache
# The version is the one the jar reports (the root pom's, filtered into it), so that every package says the same; the
# Maven module passes its own version, and a jar that reports another one (built before a version change) is refused.
#
#   usage: packaging/npm/build.sh [version]   (needs tool/target/migration-guard.jar: mvn -q -DskipTests package;
#                                          or in one command: mvn -Pnpm -DskipTests package)
# The runtime is made with the JDK in $JLINK_JDK, else the first JDK 25 or newer found in /usr/lib/jvm, else the JDK
# that runs `java` on the PATH; it must be 17 or newer, and 25 or newer for the AOT cache (without it the cache is left
# out and the tool uses its own class-data archive). Needs npm, git and a JDK; about a minute.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
jar=$top/tool/target/migration-guard.jar
out=$here/target
# What npm records as every file's time in a tarball: the AOT cache checks the jar's time, so the jar the cache is
# trained with must carry the time the installed jar will have.
npm_time='1985-10-26T08:15:00Z'

fail() { echo "packaging/npm: $*" >&2; exit 2; }
[ -f "$jar" ] || fail "build the jar first: mvn -q -DskipTests package"
command -v npm >/dev/null 2>&1 || fail "npm is not installed"

feature() { # $1 a JDK folder: its feature version, from its release file
  sed -n 's/^JAVA_VERSION="\(1\.\)\{0,1\}\([0-9]*\).*/\2/p' "$1/release" 2>/dev/null
}
find_jdk() {
  if [ -n "${JLINK_JDK:-}" ]; then echo "$JLINK_JDK"; return; fi
  local d
  for d in /usr/lib/jvm/*/; do
    d=${d%/}
    [ -x "$d/bin/jlink" ] && [ "$(feature "$d")" -ge 25 ] 2>/dev/null && { echo "$d"; return; }
  done
  d=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
  echo "$d"
}
jdk=$(find_jdk)
[ -x "$jdk/bin/jlink" ] || fail "no jlink in $jdk (set JLINK_JDK to a JDK 17 or newer)"
jdk_version=$(feature "$jdk")
[ "${jdk_version:-0}" -ge 17 ] || fail "$jdk is Java ${jdk_version:-?}; the runtime needs a JDK 17 or newer (JLINK_JDK)"

version=$(unzip -p "$jar" dev/migrationguard/version.txt | tr -d '[:space:]')
[ -n "$version" ] || fail "$jar carries no version (dev/migrationguard/version.txt)"
[ -z "${1:-}" ] || [ "$1" = "$version" ] || fail "$jar is version $version, the build is $1: build the jar again"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rm -rf "$out"
mkdir -p "$out"

# The main package: the launcher and the jar.
main=$work/migration-guard
mkdir -p "$main/lib"
cp -R "$here/migration-guard/." "$main/"
sed -i "s/@VERSION@/$version/g" "$main/package.json"
cp "$jar" "$main/lib/migration-guard.jar"
touch -d "$npm_time" "$main/lib/migration-guard.jar"
chmod 755 "$main/bin/migration-guard.js"

# The platform package: the modules jdeps finds in the jar and its dependencies, nothing else.
platform=$work/linux-x64
mkdir -p "$platform"
cp -R "$here/linux-x64/." "$platform/"
sed -i "s/@VERSION@/$version/g" "$platform/package.json"
modules=$("$jdk/bin/jdeps" --print-module-deps --ignore-missing-deps --multi-release 17 "$jar")
echo "packaging/npm: jlink $jdk (Java $jdk_version) with $modules"
# Native access for swc4j's parser, allowed once for the runtime: else every JDK 22+ JVM prints a warning on stderr.
native_access=()
[ "$jdk_version" -ge 22 ] && native_access=(--add-options=--enable-native-access=ALL-UNNAMED)
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
    --generate-cds-archive "${native_access[@]}" --output "$platform/runtime" >/dev/null
# The installed hook runs the runtime that ran `install` before any other Java when it finds this mark (hooks/pre-commit).
echo "The Java runtime of the migration-guard npm package, version $version." \
    > "$platform/runtime/migration-guard-runtime.txt"
# The archive for heaps of 32 GB and more (no compressed pointers): never this tool's case.
rm -f "$platform/runtime/lib/server/classes_nocoops.jsa"

if [ "$jdk_version" -ge 25 ]; then
  "$here/train.sh" "$platform/runtime/bin/java" "$main/lib/migration-guard.jar" "$platform/runtime/lib/migration-guard.aot"
  # The jar the cache holds, as its size and time in milliseconds: the tool and the launcher compare it with the
  # installed jar (cli/ClassArchive), since npm gives every file it installs the time of the install.
  echo "$(stat -c %s "$main/lib/migration-guard.jar") $(($(stat -c %Y "$main/lib/migration-guard.jar") * 1000))" \
      > "$platform/runtime/lib/migration-guard.aot.jar"
else
  echo "packaging/npm: Java $jdk_version has no AOT cache; the runtime ships without one"
fi

(cd "$out" && npm pack --silent "$main" "$platform" >/dev/null)
ls -l "$out"
