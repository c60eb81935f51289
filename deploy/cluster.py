"""N replicas of the app behind HAProxy, with one PostgreSQL for the class experiment, on one
machine: for a teacher's server with many cores, and for tests/test_deploy_replicas.py.

    .venv/bin/python deploy/cluster.py up 4                  # until Ctrl-C (or `down`)
    .venv/bin/python deploy/cluster.py up 4 --listen 0.0.0.0:8500 --base-url http://HOST:8500
    .venv/bin/python deploy/cluster.py down                  # stops an `up` running elsewhere

One Python process uses about one core (the GIL), so a 16-core server runs about as many
replicas. The replicas and PostgreSQL listen on 127.0.0.1 only; HAProxy listens on
127.0.0.1:8500 unless --listen says otherwise (the one address students need). Every replica
reads the same secrets file (the rooms' database URL) and the same cookie secret, so a browser
that lands on another replica (when its replica dies) works there too. PostgreSQL's data
stays in the state folder between runs (rooms survive a restart), unless --database names a
server of your own. Stopping stops everything this command started, in reverse order.
"""

import argparse
import contextlib
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = Path(__file__).resolve().parent / "haproxy.cfg"
COOKIE = "d2l_replica"          # HAProxy's sticky cookie (haproxy.cfg)
HEADER = "X-D2L-Replica"        # which replica answered (haproxy.cfg)
DATABASE = "d2l_classroom"
START_TIMEOUT = 180.0           # seconds for one replica to answer: torch imports on a busy box


def default_state() -> Path:
    """Root: /var/lib/d2l-linear-networks/cluster (PostgreSQL runs as `postgres` and cannot
    enter /root); others: $XDG_DATA_HOME (or ~/.local/share)/d2l-linear-networks/cluster."""
    if os.geteuid() == 0:
        return Path("/var/lib/d2l-linear-networks/cluster")
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "d2l-linear-networks" / "cluster"


class ClusterError(RuntimeError):
    """A part did not start; the message names its log."""


def pg_bin(name: str) -> str:
    """Debian keeps initdb and postgres off the PATH, under /usr/lib/postgresql/<version>/bin."""
    found = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"))
    path = str(found[-1]) if found else shutil.which(name)
    if not path:
        raise ClusterError(f"{name} not found: apt-get install postgresql (or pass --database)")
    return path


def _wait(what: str, ready, proc: subprocess.Popen | None, timeout: float, log: Path) -> None:
    """Until ready() is true; ClusterError with the log's tail when proc dies or time runs out."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if ready():
            return
        if proc is not None and proc.poll() is not None:
            break
        time.sleep(0.2)
    tail = log.read_text(errors="replace")[-1500:] if log.exists() else ""
    raise ClusterError(f"{what} did not start (see {log}):\n{tail}")


def _answers(url: str, timeout: float = 2.0) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status == 200
    except OSError:
        return False


def _stop(proc: subprocess.Popen, sig: int = signal.SIGTERM, grace: float = 20.0) -> None:
    if proc.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            proc.send_signal(sig)
        try:
            proc.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=grace)


class Cluster:
    """PostgreSQL (unless `database` is given), `replicas` × `streamlit run`, HAProxy.

    Use as a context manager, or start() then stop(); stop() ends every process that start()
    began, also after a start that failed half way.
    """

    def __init__(self, replicas: int = 2, state: Path | None = None,
                 listen: str = "127.0.0.1:8500", first_port: int = 8501,
                 ports: list[int] | None = None, pg_port: int = 8499,
                 database: str | None = None, base_url: str | None = None):
        if replicas < 1:
            raise ValueError("at least one replica")
        self.state = Path(state or default_state()).resolve()
        self.listen = listen
        self.ports = list(ports or range(first_port, first_port + replicas))[:replicas]
        self.pg_port, self.base_url = pg_port, base_url
        self.database_url = database
        self.names = [f"r{i}" for i in range(1, replicas + 1)]
        self.postgres: subprocess.Popen | None = None
        self.replicas: dict[str, subprocess.Popen] = {}
        self.haproxy: subprocess.Popen | None = None
        self._commands: dict[str, tuple[list[str], dict]] = {}
        self._logs: list = []

    @property
    def url(self) -> str:
        host, port = self.listen.rsplit(":", 1)
        return f"http://{'127.0.0.1' if host in ('', '0.0.0.0', '*') else host}:{port}"

    @property
    def haproxy_log(self) -> Path:
        return self.state / "haproxy.log"

    def __enter__(self) -> "Cluster":
        try:
            self.start()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *_exc) -> None:
        self.stop()

    # -- starting ---------------------------------------------------------------------------

    def _popen(self, cmd: list[str], log: Path, **kwargs) -> subprocess.Popen:
        out = open(log, "ab")  # noqa: SIM115 (closed in stop())
        self._logs.append(out)
        # A session of its own: Ctrl-C reaches this script, which stops them in order.
        return subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                start_new_session=True, **kwargs)

    def start(self) -> None:
        self.state.mkdir(parents=True, exist_ok=True)
        os.chmod(self.state, 0o711)  # PostgreSQL (as `postgres` under root) enters its folder
        if self.database_url is None:
            self.database_url = self._start_postgres()
        secrets_file = self._write_secrets()
        cookie_secret = self._kept_secret("cookie_secret")
        env = {**os.environ, "STREAMLIT_SERVER_COOKIE_SECRET": cookie_secret}
        if "D2L_TRAIN_SLOTS" not in env:  # each replica's training workers: its share of
            cores = len(os.sched_getaffinity(0))  # the cores, not every core of the machine
            env["D2L_TRAIN_SLOTS"] = str(max(1, cores // len(self.names)))
        if self.base_url:
            env["D2L_BASE_URL"] = self.base_url  # the room's QR code: the balancer's address
        own = ROOT / ".streamlit" / "secrets.toml"  # kept, but the cluster's file wins
        files = [*([str(own)] if own.exists() else []), str(secrets_file)]
        for name, port in zip(self.names, self.ports, strict=True):
            cmd = [sys.executable, "-m", "streamlit", "run", "streamlit_app.py",
                   "--server.headless", "true", "--server.address", "127.0.0.1",
                   "--server.port", str(port), "--browser.gatherUsageStats", "false"]
            for path in files:
                cmd += ["--secrets.files", path]
            self._commands[name] = (cmd, env)
            self.start_replica(name)
        for name in self.names:
            self.wait_for_replica(name)
        self._start_haproxy()

    def start_replica(self, name: str) -> None:
        cmd, env = self._commands[name]
        self.replicas[name] = self._popen(cmd, self.state / f"{name}.log", cwd=ROOT, env=env)

    def wait_for_replica(self, name: str) -> None:
        base = f"http://127.0.0.1:{self.ports[self.names.index(name)]}"
        _wait(f"replica {name}", lambda: _answers(f"{base}/_stcore/health"),
              self.replicas[name], START_TIMEOUT, self.state / f"{name}.log")
        # One script run settles the page routing (a first deep link is never 'not found').
        _answers(f"{base}/_stcore/script-health-check", timeout=START_TIMEOUT)

    def _kept_secret(self, name: str) -> str:
        """A random secret made once and kept in the state folder (readable by its owner)."""
        path = self.state / name
        if not path.exists():
            path.touch(mode=0o600)
            path.write_text(secrets.token_hex(32))
        return path.read_text().strip()

    def _write_secrets(self) -> Path:
        path = self.state / "secrets.toml"
        path.touch(mode=0o600)
        os.chmod(path, 0o600)
        path.write_text("# Written by deploy/cluster.py for every replica.\n"
                        "[connections.classroom]\n"
                        f"url = {json.dumps(self.database_url)}\n")  # a TOML string
        return path

    def _start_postgres(self) -> str:
        root = self.state / "postgres"
        data = root / "data"
        user = {}
        if os.geteuid() == 0:  # the server refuses root: it runs as `postgres`
            user = {"user": "postgres", "group": "postgres"}
        password = self._kept_secret("postgres_password")
        if not (data / "PG_VERSION").exists():
            root.mkdir(exist_ok=True)
            pwfile = root / "pwfile"
            pwfile.write_text(password + "\n")
            if user:
                for path in (root, pwfile):
                    shutil.chown(path, "postgres", "postgres")
            try:
                subprocess.run([pg_bin("initdb"), "-D", str(data), "-U", "postgres",
                                "--auth-local=scram-sha-256", "--auth-host=scram-sha-256",
                                f"--pwfile={pwfile}", "-E", "UTF8"],
                               check=True, capture_output=True, timeout=300, cwd=root, **user)
            except subprocess.CalledProcessError as e:
                raise ClusterError(f"initdb failed: {e.stderr.decode(errors='replace')}") from e
            finally:
                pwfile.unlink(missing_ok=True)
        self.postgres = self._popen(
            [pg_bin("postgres"), "-D", str(data), "-p", str(self.pg_port), "-k", str(root),
             "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
            self.state / "postgres.log", cwd=root, **user)
        admin = f"postgresql+psycopg://postgres:{password}@127.0.0.1:{self.pg_port}/postgres"
        _wait("PostgreSQL", lambda: self._create_database(admin), self.postgres, 120,
              self.state / "postgres.log")
        return admin.rsplit("/", 1)[0] + f"/{DATABASE}"

    @staticmethod
    def _create_database(admin_url: str) -> bool:
        """The rooms' database exists (made on the first start); False while the server boots."""
        import sqlalchemy as sa

        engine = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
        try:
            with engine.connect() as conn:
                exists = conn.execute(sa.text("SELECT 1 FROM pg_database WHERE datname = :d"),
                                      {"d": DATABASE}).first()
                if exists is None:
                    conn.execute(sa.text(f'CREATE DATABASE "{DATABASE}"'))
            return True
        except sa.exc.OperationalError:
            return False
        finally:
            engine.dispose()

    def haproxy_config(self) -> str:
        servers = "\n    ".join(f"server {name} 127.0.0.1:{port} cookie {name}"
                                for name, port in zip(self.names, self.ports, strict=True))
        stats = f"stats socket {self.state / 'haproxy.sock'} mode 600 level admin"
        return (TEMPLATE.read_text().replace("@LISTEN@", self.listen)
                .replace("@STATS@", stats).replace("@SERVERS@", servers))

    def _start_haproxy(self) -> None:
        haproxy = shutil.which("haproxy") or "/usr/sbin/haproxy"
        if not Path(haproxy).exists():
            raise ClusterError("haproxy not found: apt-get install haproxy")
        config = self.state / "haproxy.cfg"
        config.write_text(self.haproxy_config())
        check = subprocess.run([haproxy, "-c", "-q", "-f", str(config)], capture_output=True,
                               text=True, timeout=60)
        if check.returncode != 0:
            raise ClusterError(f"haproxy refused {config}:\n{check.stdout}{check.stderr}")
        self.haproxy = self._popen([haproxy, "-db", "-f", str(config)], self.haproxy_log)
        _wait("HAProxy", lambda: _answers(f"{self.url}/_stcore/health"), self.haproxy, 60,
              self.haproxy_log)

    # -- running and stopping ---------------------------------------------------------------

    def postgres_alive(self) -> bool:
        return self.postgres is None or self.postgres.poll() is None

    def kill_replica(self, name: str) -> None:
        """A replica dies at once (SIGKILL: no goodbye to its browsers)."""
        _stop(self.replicas[name], signal.SIGKILL)

    def stop(self) -> None:
        """Everything this object started, balancer first, database last."""
        if self.haproxy is not None:
            _stop(self.haproxy)
        for proc in self.replicas.values():
            with contextlib.suppress(ProcessLookupError):
                if proc.poll() is None:
                    proc.terminate()
        for proc in self.replicas.values():
            _stop(proc)
        if self.postgres is not None:
            _stop(self.postgres, signal.SIGINT, grace=60)  # "fast" shutdown: rolls back, flushes
        for out in self._logs:
            out.close()
        self._logs.clear()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    up = sub.add_parser("up", help="start N replicas, HAProxy and PostgreSQL; Ctrl-C stops")
    up.add_argument("replicas", type=int, nargs="?", default=2)
    up.add_argument("--listen", default="127.0.0.1:8500",
                    help="HAProxy's address (0.0.0.0:8500: reachable from the classroom)")
    up.add_argument("--first-port", type=int, default=8501, help="replicas: 8501, 8502, …")
    up.add_argument("--pg-port", type=int, default=8499)
    up.add_argument("--database", help="an existing PostgreSQL URL instead of starting one")
    up.add_argument("--base-url", default=os.environ.get("D2L_BASE_URL"),
                    help="the address students open (for QR codes), e.g. http://10.0.0.5:8500")
    up.add_argument("--state", type=Path, default=None, help=f"default: {default_state()}")
    down = sub.add_parser("down", help="stop a cluster that `up` started")
    down.add_argument("--state", type=Path, default=None)
    args = parser.parse_args(argv)
    state = (args.state or default_state()).resolve()
    pidfile = state / "cluster.pid"
    if args.command == "down":
        if not pidfile.exists():
            raise SystemExit(f"no cluster is running from {state}")
        try:
            os.kill(int(pidfile.read_text()), signal.SIGTERM)  # `up` stops what it started
        except (ProcessLookupError, ValueError):
            pidfile.unlink(missing_ok=True)
            raise SystemExit(f"no cluster is running from {state} (a stale pid file)") from None
        return
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # `down`: the finally below runs
    signal.signal(signal.SIGINT, signal.default_int_handler)  # Ctrl-C, even if started with &
    cluster = Cluster(args.replicas, state, args.listen, args.first_port, pg_port=args.pg_port,
                      database=args.database, base_url=args.base_url)
    try:
        with cluster:
            pidfile.write_text(str(os.getpid()))
            print(f"{args.replicas} replicas behind {cluster.url} (HAProxy {args.listen}); "
                  f"logs in {state}. Ctrl-C or `deploy/cluster.py down` stops.", flush=True)
            while cluster.haproxy.poll() is None and cluster.postgres_alive():
                for name, proc in cluster.replicas.items():
                    if proc.poll() is not None:  # its browsers already went to the others
                        print(f"replica {name} ended ({proc.returncode}): restarting it; "
                              f"see {state / (name + '.log')}", file=sys.stderr, flush=True)
                        cluster.start_replica(name)
                        try:
                            cluster.wait_for_replica(name)  # warmed before its first browser
                        except ClusterError as e:
                            print(e, file=sys.stderr, flush=True)  # tried again next round
                time.sleep(2)
            print("HAProxy or PostgreSQL ended: stopping the rest (see the logs in "
                  f"{state})", file=sys.stderr)
    except KeyboardInterrupt:
        pass
    except ClusterError as e:
        raise SystemExit(str(e)) from None
    finally:
        pidfile.unlink(missing_ok=True)


if __name__ == "__main__":
    main()
