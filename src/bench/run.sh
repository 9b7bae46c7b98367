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
# training start: start-up drops from about 8 s to under 5 s on 2 cores. The training start serves the sign-in page
# once before it is stopped, so that the classes of a first request (the dispatcher, the security filters, Thymeleaf
# parsing and rendering a page) are in the archive too; an archive of the context's refresh alone left them to be
# loaded from the jar and verified during the first request, about 0.4 s of every start.
app="$PWD/target/bench/app"
rm -rf "$app" target/bench/training
java -Djarmode=tools -jar target/security-info-*.jar extract --destination "$app" >/dev/null
mv "$app"/security-info-*.jar "$app"/security-info.jar
mkdir -p target/bench/training
training_port=18479
java -XX:ArchiveClassesAtExit="$app"/app.jsa -jar "$app"/security-info.jar \
	--server.address=127.0.0.1 --server.port=$training_port \
	--spring.datasource.url=jdbc:h2:file:"$PWD"/target/bench/training/db \
	--app.verification.code-secret-file="$PWD"/target/bench/training/code-secret \
	--logging.level.root=WARN >target/bench/training/cds.log 2>&1 &
training_pid=$!
# The status of GET /login, or nothing while the port is closed (bash's /dev/tcp: no curl needed).
login_status() {
	{ exec 3<>"/dev/tcp/127.0.0.1/$training_port"; } 2>/dev/null || return 0
	printf 'GET /login HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3
	head -n 1 <&3 | awk '{print $2}'
	exec 3<&-
}
for _ in $(seq 600); do
	if [ "$(login_status)" = 200 ]; then break; fi
	if ! kill -0 "$training_pid" 2>/dev/null; then
		echo "The training start stopped; see target/bench/training/cds.log" >&2
		exit 1
	fi
	sleep 0.2
done
# Stopped by SIGTERM: the JVM writes the archive as it exits.
kill "$training_pid"
wait "$training_pid" || true
if [ ! -s "$app"/app.jsa ]; then
	echo "No CDS archive was written; see target/bench/training/cds.log" >&2
	exit 1
fi

# The app's JVM: a CDS archive, a small heap and the serial collector (two cores leave nothing for parallel GC
# threads), so that the process stays within its memory budget under load.
jvm="-XX:SharedArchiveFile=$app/app.jsa -Xshare:auto -XX:+UseSerialGC -Xms64m -Xmx256m"
jvm="$jvm -XX:ReservedCodeCacheSize=64m -Xss512k"
# Native memory: the JIT's compilations allocate and free tens of megabytes with malloc, which glibc keeps (spread
# over one arena per thread) unless told to give it back. The JVM trims glibc's heap every second, and glibc keeps
# two arenas; without them the process sat 10-30 MB higher under load (docs/performance.md).
jvm="$jvm -XX:TrimNativeHeapInterval=1000"
export MALLOC_ARENA_MAX=2
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
