#!/usr/bin/env bash
# The performance bench (docs/performance.md): builds the jar, prepares a class-data-sharing archive for a fast
# start, and runs src/bench/Bench.java, which starts the app, seeds it, drives every scenario from its own process
# over loopback and rewrites the figures in docs/performance.md and docs/performance.png.
#
#   src/bench/run.sh                                   # 1,000 and 100,000 users, 20 s per scenario (~12 min)
#   src/bench/run.sh --users 1000 --duration 10        # any option of Bench.Options
#
# Needs Java 17 and wrk (installed from Debian's packages when missing and running as root).
set -euo pipefail
cd "$(dirname "$0")/../.."

if ! command -v wrk >/dev/null; then
	if [ "$(id -u)" = 0 ]; then
		apt-get update -qq && apt-get install -y -qq wrk
	else
		echo "wrk is needed: sudo apt-get install wrk" >&2
		exit 1
	fi
fi

offline=()
if [ -d "$HOME/.m2/repository/org/springframework/boot" ]; then offline=(-o); fi
./mvnw -B -q "${offline[@]}" -DskipTests package

# The jar extracted (Spring Boot's tools mode) so that the JVM can map its classes from a CDS archive, made by one
# training start that stops once the context is up: start-up drops from about 8 s to about 4 s on 2 cores.
app="$PWD/target/bench/app"
rm -rf "$app" target/bench/training
java -Djarmode=tools -jar target/security-info-*.jar extract --destination "$app" >/dev/null
mv "$app"/security-info-*.jar "$app"/security-info.jar
mkdir -p target/bench/training
java -XX:ArchiveClassesAtExit="$app"/app.jsa -Dspring.context.exit=onRefresh -jar "$app"/security-info.jar \
	--spring.datasource.url=jdbc:h2:file:"$PWD"/target/bench/training/db \
	--app.verification.code-secret-file="$PWD"/target/bench/training/code-secret \
	--logging.level.root=WARN >target/bench/training/cds.log 2>&1

# The app's JVM: a CDS archive, a small heap and the serial collector (two cores leave nothing for parallel GC
# threads), so that the process stays within its memory budget under load.
jvm="-XX:SharedArchiveFile=$app/app.jsa -Xshare:auto -XX:+UseSerialGC -Xms64m -Xmx256m"
jvm="$jvm -XX:ReservedCodeCacheSize=64m -Xss512k"

exec java src/bench/Bench.java --jar "$app"/security-info.jar --jvm "$jvm" "$@"
