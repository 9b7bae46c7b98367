#!/usr/bin/env bash
# The performance bench (docs/performance.md): builds the jar, prepares a class-data-sharing archive for a fast
# start, and runs src/bench/Bench.java, which starts the app, seeds it, drives every scenario from its own process
# over loopback and rewrites the figures in docs/performance.md and docs/performance.png.
#
#   src/bench/run.sh                                   # H2 and PostgreSQL, 1,000 and 100,000 users, 20 s per scenario
#   src/bench/run.sh --users 1000 --duration 10        # any option of Bench.Options
#   src/bench/run.sh --databases h2                    # the embedded default only: no PostgreSQL server
#
# Needs Java 17, wrk and PostgreSQL's server (both installed from Debian's packages when missing and running as
# root). For the postgres runs it starts a server of its own on a temporary data directory and a free loopback
# port, with one empty database per data size, and stops it when it ends.
set -euo pipefail
cd "$(dirname "$0")/../.."

# The options this script acts on itself; Bench.java reads them all (the last of a repeated option wins).
databases=h2,postgres
users=1000,100000
args=("$@")
for ((i = 0; i + 1 < ${#args[@]}; i += 2)); do
	case "${args[i]}" in
		--databases) databases="${args[i + 1]}" ;;
		--users) users="${args[i + 1]}" ;;
	esac
done

if ! command -v wrk >/dev/null; then
	if [ "$(id -u)" = 0 ]; then
		apt-get update -qq && apt-get install -y -qq wrk
	else
		echo "wrk is needed: sudo apt-get install wrk" >&2
		exit 1
	fi
fi

# PostgreSQL: Debian's server, run as the postgres user (initdb and postgres refuse root) on a data directory of its
# own under /tmp, listening on loopback only with its socket in that directory, trusting local connections (nothing
# else can reach it, and it lives as long as this script). Its settings are the package's defaults.
postgres_dir=
postgres_port=
postgres_bin=

stop_postgres() {
	if [ -n "$postgres_dir" ]; then
		as_postgres "$postgres_bin"/pg_ctl -D "$postgres_dir/data" -m fast -w stop >/dev/null 2>&1 || true
		rm -rf "$postgres_dir"
	fi
}

# From / so that the postgres user need not be able to read the clone's directory.
as_postgres() {
	(cd / && if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi)
}

free_port() {
	local port
	for port in $(seq 15432 15531); do
		if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
			echo "$port"
			return
		fi
	done
	echo "no free port in 15432-15531" >&2
	exit 1
}

start_postgres() {
	if ! compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; then
		if [ "$(id -u)" = 0 ]; then
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql
		else
			echo "PostgreSQL's server is needed: sudo apt-get install postgresql (or run with --databases h2)" >&2
			exit 1
		fi
	fi
	postgres_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
	postgres_dir=$(mktemp -d /tmp/security-info-bench-postgres.XXXXXX)
	trap stop_postgres EXIT
	if [ "$(id -u)" = 0 ]; then chown postgres: "$postgres_dir"; fi
	postgres_port=$(free_port)
	as_postgres "$postgres_bin"/initdb -D "$postgres_dir/data" -U bench --auth=trust -E UTF8 --locale=C.UTF-8 \
		>"$postgres_dir/initdb.log"
	as_postgres "$postgres_bin"/pg_ctl -D "$postgres_dir/data" -l "$postgres_dir/server.log" -w \
		-o "-p $postgres_port -c listen_addresses=127.0.0.1 -k $postgres_dir" start >/dev/null
	local size
	for size in ${users//,/ }; do
		as_postgres "$postgres_bin"/createdb -h "$postgres_dir" -p "$postgres_port" -U bench "bench_postgres_$size"
	done
	echo "PostgreSQL $("$postgres_bin"/postgres --version | awk '{print $3}') on 127.0.0.1:$postgres_port" \
		"(data in $postgres_dir, stopped at the end)"
}

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
# Tomcat's request threads: 8 (four per core) rather than its default 200. With 32 connections and 200 threads,
# 32 requests share two cores at once and each waits behind the others' time slices (S1's p99 was 2-6 times its
# p50); with 8, the others wait their turn in Tomcat's queue and each runs to its end. Eight also stays within the
# connection pool's 10, so no request waits for a connection. A Spring property, given as a system property here.
jvm="$jvm -Dserver.tomcat.threads.max=8"

postgres_options=()
if [[ ",$databases," == *,postgres,* ]]; then
	start_postgres
	postgres_options=(--postgres-url "jdbc:postgresql://127.0.0.1:$postgres_port/bench" --postgres-user bench
		--postgres-password "")
fi

java src/bench/Bench.java --jar "$app"/security-info.jar --jvm "$jvm" --databases "$databases" \
	"${postgres_options[@]}" "$@"
