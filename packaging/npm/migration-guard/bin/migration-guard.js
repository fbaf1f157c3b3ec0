#!/usr/bin/env node
// Runs migration-guard's jar with the Java runtime of the platform package npm installed beside this one
// (@migration-guard/<os>-<arch>, an optional dependency limited to its platform), else with Java 17+ from JAVA_HOME or
// the PATH. Plain JavaScript without dependencies: it runs before anything else is known about the machine.
'use strict';

const childProcess = require('child_process');
const fs = require('fs');
const path = require('path');

const PLATFORM_PACKAGES = { 'linux x64': '@migration-guard/linux-x64' };
const MINIMUM_JAVA = 17;
const JAR = path.join(__dirname, '..', 'lib', 'migration-guard.jar');

function fail(message) {
  process.stderr.write(`migration-guard: ${message}\n`);
  // Bad setup exits 2, as the tool itself does for bad configuration.
  process.exit(2);
}

/** The java of the installed platform package, or null when this platform has none or it was not installed. */
function bundledJava(platformPackage) {
  if (!platformPackage) return null;
  let folder;
  try {
    folder = path.dirname(require.resolve(`${platformPackage}/package.json`));
  } catch (e) {
    return null;
  }
  const java = path.join(folder, 'runtime', 'bin', process.platform === 'win32' ? 'java.exe' : 'java');
  return fs.existsSync(java) ? java : null;
}

/** The first `java` on the PATH, or null. */
function javaOnPath() {
  const name = process.platform === 'win32' ? 'java.exe' : 'java';
  for (const folder of (process.env.PATH || '').split(path.delimiter)) {
    if (!folder) continue;
    const candidate = path.join(folder, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch (e) {
      // not there, or not runnable: the next folder
    }
  }
  return null;
}

/**
 * The feature version (17, 21, ...) named by the `release` file of the runtime a java binary belongs to, or null when
 * that file cannot be found: reading it costs nothing, where `java -version` would cost a JVM start on every commit.
 */
function javaVersion(java) {
  try {
    const home = path.dirname(path.dirname(fs.realpathSync(java)));
    const release = fs.readFileSync(path.join(home, 'release'), 'utf8');
    const match = /^JAVA_VERSION="(1\.)?(\d+)/m.exec(release);
    return match ? Number(match[2]) : null;
  } catch (e) {
    return null;
  }
}

function systemJava(platformPackage) {
  const home = process.env.JAVA_HOME;
  const fromHome = home ? path.join(home, 'bin', process.platform === 'win32' ? 'java.exe' : 'java') : null;
  const java = fromHome && fs.existsSync(fromHome) ? fromHome : javaOnPath();
  const platform = `${process.platform}-${process.arch}`;
  const why = platformPackage
    ? `${platformPackage} is not installed (reinstall without --omit=optional / --no-optional)`
    : `no bundled Java runtime for ${platform}`;
  if (!java) fail(`${why}, and no Java found: install Java ${MINIMUM_JAVA} or newer (e.g. https://adoptium.net) on the PATH or set JAVA_HOME.`);
  const version = javaVersion(java);
  if (version !== null && version < MINIMUM_JAVA) {
    fail(`${why}, and ${java} is Java ${version}: install Java ${MINIMUM_JAVA} or newer (e.g. https://adoptium.net) on the PATH or set JAVA_HOME.`);
  }
  return java;
}

/**
 * Gives the jar back the time it had when the runtime's AOT cache was trained (npm installs every file with the time of
 * the install, and the JVM uses a cache only for a jar of the same size and time). Without it every run works, slower.
 */
function restoreJarTime(java) {
  try {
    const record = path.join(path.dirname(path.dirname(java)), 'lib', 'migration-guard.aot.jar');
    const [size, millis] = fs.readFileSync(record, 'utf8').trim().split(' ').map(Number);
    const jar = fs.statSync(JAR);
    if (jar.size === size && Math.floor(jar.mtimeMs) !== millis) fs.utimesSync(JAR, new Date(millis), new Date(millis));
  } catch (e) {
    // no cache, or a read-only install: the tool then uses its own class-data archive
  }
}

function main() {
  if (!fs.existsSync(JAR)) fail(`the jar ${JAR} is missing: reinstall the migration-guard package.`);
  const platformPackage = PLATFORM_PACKAGES[`${process.platform} ${process.arch}`];
  const bundled = bundledJava(platformPackage);
  if (bundled) restoreJarTime(bundled);
  const java = bundled || systemJava(platformPackage);
  const child = childProcess.spawn(java, ['-jar', JAR, ...process.argv.slice(2)], { stdio: 'inherit' });
  // A signal sent to this process alone (a CI timeout, `kill`) reaches the JVM too, which then cleans up after itself.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    });
  }
  child.on('error', (error) => fail(`cannot run ${java}: ${error.message}`));
  child.on('exit', (code, signal) => {
    if (signal) {
      process.removeAllListeners(signal);
      process.kill(process.pid, signal);
      return;
    }
    process.exit(code === null ? 3 : code);
  });
}

main();
