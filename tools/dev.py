"""Developer tasks for the cloudai.control collection.

    python3 tools/dev.py demo         run playbooks/demo.yml against the local emulator
    python3 tools/dev.py test         every suite on the default ansible-core and the version matrix, side by side (CI)
    python3 tools/dev.py matrix [MINOR ...]  the version matrix rows only
    python3 tools/dev.py sanity       ansible-test sanity
    python3 tools/dev.py bench        the benchmarks under tests/bench against the emulator; writes docs/performance.md
    python3 tools/dev.py reliability  the reliability suites in full; writes docs/reliability.md from their figures
    python3 tools/dev.py lint         ansible-lint --offline
    python3 tools/dev.py integration [TARGET ...]
    python3 tools/dev.py units [PYTEST ARGS ...]
    python3 tools/dev.py emulator     run the emulator in the foreground and print the variables to export
    python3 tools/dev.py docs         build the docs site into build/docs (html/index.html, index.png)
    python3 tools/dev.py changelog    fold changelogs/fragments and new modules into the release, CHANGELOG.rst
    python3 tools/dev.py build        build the collection tarball into build/
    python3 tools/dev.py venv         create or refresh .venv/ only

Needs only Python 3 and access to PyPI. Every command first makes sure .venv/ (in the repository
root) holds requirements-dev.txt, made with a Python that the default ansible-core supports (from
pyenv's versions directory or PATH), then calls the tools inside it; the matrix rows have venvs of
their own under .venv-matrix/. Work directories are temporary and removed at the end.
"""

import argparse
import contextlib
import hashlib
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import docsite  # tools/docsite.py

REPO = Path(__file__).resolve().parent.parent
# CLOUDAI_DEV_VENV: use that venv instead (a test that runs this tool from a copy of the repository passes its own).
VENV = Path(os.environ.get("CLOUDAI_DEV_VENV") or REPO / ".venv")
VENV_BIN = VENV / "bin"
REQUIREMENTS = REPO / "requirements-dev.txt"
STAMP_NAME = "requirements.sha256"

# Throw-away credentials that the emulator accepts; the same as in shared/api/testdata.
OCI_USER = "ocid1.user.oc1..aaaaaaaatestuser000000000000000000000000000000000000000000000"
OCI_TENANCY = "ocid1.tenancy.oc1..aaaaaaaatesttenancy0000000000000000000000000000000000000000"
OCI_REGION = "us-chicago-1"
HUAWEI_AK = "TESTAK0123456789ABCD"
HUAWEI_SK = "testSecretKey0123456789abcdefghijklmnopqr"
HUAWEI_PROJECT_ID = "0123456789abcdef0123456789abcdef"

# Left out of the collection copy that ansible-test and pytest work on (paths relative to the repo).
COPY_EXCLUDES = {
    ".venv", ".venv-matrix", ".git", ".ansible", ".pytest_cache", ".hypothesis", "__pycache__", "build", "tests/output",
    "tests/integration/integration_config.yml", "tests/integration/inventory",
}
UNIT_TEST_DIRS = ("tests/unit", "tests/oracle", "tests/release", "tests/reliability")  # the last in its short mode
BUILD_DIR = REPO / "build"
EMULATOR_START_TIMEOUT = 30
REQUEST_LOG = "integration-requests.jsonl"  # written by the integration step's emulator, read by tests/oracle
REQUEST_ORACLE = "tests/oracle/test_requests_with_sdk.py"  # what checks it against the SDKs
INTEGRATION_SHARDS = 3

# The ansible-core versions the collection supports and tests: the newest patch of each minor, with the
# controller Pythons it supports in the order they are tried. DEFAULT_CORE is requirements-dev.txt's: the
# full suites run on it; every other row runs sanity, the in-controller parity target, one target per
# service in both paths and the demo from the built tarball (matrix_row).
MATRIX = {
    "2.16": ("2.16.19", ("3.10", "3.11", "3.12")),
    "2.17": ("2.17.14", ("3.11", "3.10", "3.12")),
    "2.18": ("2.18.19", ("3.13", "3.11", "3.12")),
    "2.19": ("2.19.14", ("3.11", "3.12", "3.13")),
    "2.20": ("2.20.10", ("3.13", "3.12")),
    "2.21": ("2.21.5", ("3.12", "3.13")),
}
DEFAULT_CORE = "2.21"
MATRIX_VENVS = REPO / ".venv-matrix"
# The integration targets every matrix row runs, once in the controller and once as module processes: the parity
# target (a resource module's create, check mode, diff, re-run and delete both ways) and the smallest target of
# each service.
MATRIX_TARGETS = ("in_controller", "genai_work_request_info", "vision_analyze_image", "fabric_base_model_info")


class StepFailed(Exception):
    pass


class Untestable(Exception):
    """A matrix row that this machine cannot run (no Python for it): said, not failed, outside CI."""


# Where run() prints: a step that runs beside others writes to a log file of its own (Step.run).
OUTPUT = threading.local()


def output():
    return getattr(OUTPUT, "stream", None) or sys.stdout


def say(text):
    print(text, file=output(), flush=True)


def reap(process, timeout=None):
    """Wait for process to end and count its CPU time (its own and its waited-for children's) toward the step
    running in this thread. Returns the exit code, or None if it is still running after timeout seconds."""
    deadline = None if timeout is None else time.monotonic() + timeout
    while True:
        pid, status, usage = os.wait4(process.pid, 0 if deadline is None else os.WNOHANG)
        if pid:
            break
        if time.monotonic() > deadline:
            return None
        time.sleep(0.05)
    process.returncode = os.waitstatus_to_exitcode(status)
    OUTPUT.cpu_seconds = getattr(OUTPUT, "cpu_seconds", 0.0) + usage.ru_utime + usage.ru_stime
    return process.returncode


def run(cmd, cwd, env):
    stream = output()
    say("$ " + " ".join(str(part) for part in cmd))  # flushes the stream before the child writes to it
    started, cpu_before = time.monotonic(), getattr(OUTPUT, "cpu_seconds", 0.0)
    code = reap(subprocess.Popen([str(part) for part in cmd], cwd=str(cwd), env=env,
                                 stdout=None if stream is sys.stdout else stream,
                                 stderr=subprocess.STDOUT if stream is not sys.stdout else None))
    say("(%s: %.0f s, %.0f s CPU)" % (Path(str(cmd[0])).name if cmd[1:2] != ["-m"] else cmd[2],
                                      time.monotonic() - started, OUTPUT.cpu_seconds - cpu_before))
    if code != 0:
        program = cmd[2] if cmd[1] == "-m" else Path(str(cmd[0])).name
        raise StepFailed("%s exited with %d" % (program, code))


def find_python(versions):
    """(version, path) of the first interpreter found for one of versions, or (None, None).

    Looks in pyenv's versions directory, then on PATH (where a pyenv shim of a missing version exits 127,
    so every candidate is asked its version)."""
    pyenv_versions = Path(os.environ.get("PYENV_ROOT") or Path.home() / ".pyenv") / "versions"
    for version in versions:
        candidates = sorted(pyenv_versions.glob("%s.*/bin/python%s" % (version, version)), reverse=True)
        candidates += [Path(found) for found in [shutil.which("python" + version)] if found]
        for candidate in candidates:
            probe = subprocess.run([str(candidate), "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
                                   capture_output=True, text=True, check=False)
            if probe.returncode == 0 and probe.stdout.strip() == version:
                return version, candidate
    return None, None


class Venv:
    """A virtual environment made from a requirements text with the first of some Python versions found."""

    def __init__(self, path, requirements, pythons, label):
        self.path, self.requirements, self.pythons, self.label = path, requirements, pythons, label
        self.bin = path / "bin"
        self.python_version = None

    def env(self, **extra):
        env = dict(os.environ)
        env.pop("PYTHONHOME", None)
        env["VIRTUAL_ENV"] = str(self.path)
        env["PATH"] = str(self.bin) + os.pathsep + env.get("PATH", "")
        env.update({key: str(value) for key, value in extra.items()})
        return env

    def ensure(self):
        """Create the venv unless it already matches; return the seconds spent creating it."""
        version, interpreter = find_python(self.pythons)
        if interpreter is None:
            raise Untestable("%s needs Python %s: none found in pyenv's versions or on PATH"
                             % (self.label, " or ".join(self.pythons)))
        self.python_version = version
        stamp = self.path / STAMP_NAME
        wanted = hashlib.sha256(self.requirements.encode() + version.encode()).hexdigest()
        if (self.bin / "python").exists() and stamp.exists() and stamp.read_text().strip() == wanted:
            return 0.0
        say("Creating %s (%s) with Python %s" % (self.path, self.label, version))
        started = time.monotonic()
        run([interpreter, "-m", "venv", "--clear", self.path], REPO, None)
        requirements = self.path / "requirements.txt"
        requirements.write_text(self.requirements)
        run([self.bin / "python", "-m", "pip", "install", "--disable-pip-version-check", "--quiet",
             "-r", requirements], REPO, self.env())
        stamp.write_text(wanted + "\n")
        spent = time.monotonic() - started
        say("%s ready in %.0f s" % (self.path, spent))
        return spent


def pinned(name):
    """The pin of a package in requirements-dev.txt, as a requirement line."""
    return re.search(r"^%s==\S+$" % re.escape(name), REQUIREMENTS.read_text(), re.M).group(0)


def matrix_venv(minor, core_version=None):
    """The venv of a matrix row: that ansible-core with the collection's run-time requirements."""
    version, pythons = MATRIX.get(minor) or (core_version, MATRIX[max(MATRIX, key=minor_key)][1])
    return Venv(MATRIX_VENVS / minor, "ansible-core==%s\n%s\n%s\n" % (
        core_version or version, pinned("requests"), pinned("cryptography")), pythons,
        "ansible-core %s" % (core_version or version))


def minor_key(minor):
    return tuple(int(part) for part in minor.split("."))


def other_minors():
    """The matrix rows besides the default's, oldest first."""
    return [minor for minor in sorted(MATRIX, key=minor_key) if minor != DEFAULT_CORE]


DEFAULT = Venv(VENV, REQUIREMENTS.read_text(), MATRIX[DEFAULT_CORE][1],
               "ansible-core %s (requirements-dev.txt)" % MATRIX[DEFAULT_CORE][0])


def venv_env(**extra):
    return DEFAULT.env(**extra)


def ensure_venv():
    """Create .venv/ from requirements-dev.txt with the default ansible-core's Python, unless it already matches."""
    try:
        return DEFAULT.ensure()
    except Untestable as error:
        raise StepFailed(str(error))


@contextlib.contextmanager
def work_dir():
    path = Path(tempfile.mkdtemp(prefix="cloudai-control-"))
    try:
        yield path
    finally:
        shutil.rmtree(str(path), ignore_errors=True)


def collection_path(root):
    return root / "ansible_collections" / "cloudai" / "control"


def link_collection(root):
    """Make the repo importable as cloudai.control under root (enough for ansible-playbook and pytest)."""
    path = collection_path(root)
    path.parent.mkdir(parents=True)
    path.symlink_to(REPO, target_is_directory=True)
    return path


def copy_collection(root):
    """Copy the repo to root/ansible_collections/cloudai/control: ansible-test refuses symlinks."""
    def ignore(directory, names):
        relative = Path(directory).relative_to(REPO)
        return [name for name in names if name in COPY_EXCLUDES or (relative / name).as_posix() in COPY_EXCLUDES]

    path = collection_path(root)
    shutil.copytree(str(REPO), str(path), symlinks=True, ignore=ignore)
    return path


def write_oci_config(directory):
    """Write an OCI config file (profile DEFAULT) for the test user; return (config path, key path). The emulator's
    test key pair is generated on first use (tests/emulator/config.py), never shipped."""
    test_key = subprocess.run(
        [str(VENV_BIN / "python"), "-c", "from emulator import config; print(config.TEST_KEY_FILE, config.TEST_FINGERPRINT)"],
        env=venv_env(PYTHONPATH=REPO / "tests"), stdout=subprocess.PIPE, check=True, universal_newlines=True)
    test_key_file, fingerprint = test_key.stdout.split()
    key_file = directory / "oci_api_key.pem"
    shutil.copyfile(test_key_file, str(key_file))
    key_file.chmod(0o600)
    config_file = directory / "oci_config"
    config_file.write_text(
        "[DEFAULT]\nuser=%s\nfingerprint=%s\ntenancy=%s\nregion=%s\nkey_file=%s\n"
        % (OCI_USER, fingerprint, OCI_TENANCY, OCI_REGION, key_file))
    config_file.chmod(0o600)
    return config_file, key_file


def cloud_env(url, oci_config):
    """Variables that point the modules at the emulator with the test credentials."""
    return {
        "OCI_CONFIG_FILE": oci_config,
        "CLOUDAI_OCI_ENDPOINT": url,
        "HUAWEICLOUD_SDK_AK": HUAWEI_AK,
        "HUAWEICLOUD_SDK_SK": HUAWEI_SK,
        "HUAWEICLOUD_SDK_PROJECT_ID": HUAWEI_PROJECT_ID,
        "CLOUDAI_HUAWEICLOUD_ENDPOINT": url,
    }


@contextlib.contextmanager
def emulator(directory, log_file=None, request_log=None):
    """Run the emulator on a free loopback port; yield its base URL; stop it on the way out."""
    port_file = directory / "emulator.port"
    if port_file.exists():  # left by an earlier emulator in the same directory
        port_file.unlink()
    log = open(str(log_file), "wb") if log_file else None
    process = subprocess.Popen(
        [str(VENV_BIN / "python"), "-m", "emulator", "--host", "127.0.0.1", "--port", "0",
         "--port-file", str(port_file), "--delay", "1"] + (["--request-log", str(request_log)] if request_log else []),
        env=venv_env(PYTHONPATH=REPO / "tests"), stdout=log, stderr=subprocess.STDOUT if log else None)
    try:
        url = "http://127.0.0.1:%d" % wait_for_port(process, port_file)
        if log_file:  # else the emulator says it itself
            say("emulator listening on %s" % url)
        yield url
    except Exception:
        if log_file:
            log.flush()
            print_tail(log_file)
        raise
    finally:
        process.terminate()
        if reap(process, timeout=10) is None:
            process.kill()
            reap(process)
        if log:
            log.close()


def wait_for_port(process, port_file):
    deadline = time.monotonic() + EMULATOR_START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise StepFailed("the emulator exited with %d before it was ready" % process.returncode)
        text = port_file.read_text().strip() if port_file.exists() else ""
        if text.isdigit():
            return int(text)
        time.sleep(0.05)
    raise StepFailed("the emulator did not write %s within %d s" % (port_file, EMULATOR_START_TIMEOUT))


def print_tail(path, lines=40):
    tail = path.read_text(errors="replace").splitlines()[-lines:]
    if tail:
        say("--- last lines of the emulator log ---\n" + "\n".join(tail))


def write_get_pip_stand_in(venv):
    """ansible-test bootstraps pip in its sanity venvs with a get-pip script downloaded from a host
    that is not reachable here; a cached script is used instead, so cache one that uses ensurepip."""
    source = next(venv.path.glob("lib/python*/site-packages/ansible_test/_internal/python_requirements.py"))
    version = re.search(r"default_packages = dict\(\s*pip='([0-9.]+)'", source.read_text()).group(1)
    path = Path.home() / ".ansible" / "test" / "cache" / ("get_pip_%s.py" % version.replace(".", "_"))
    if path.exists():
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".%d.tmp" % os.getpid())  # sanity runs of several versions may write it at once
    partial.write_text(
        '"""Stand-in for get-pip.py written by cloudai.control tools/dev.py: ensurepip, then pip install."""\n'
        "import subprocess\nimport sys\n\n"
        "args = [arg for arg in sys.argv[1:] if arg not in ('--no-setuptools', '--no-wheel')]\n"
        "subprocess.check_call([sys.executable, '-m', 'ensurepip', '--default-pip'])\n"
        "subprocess.check_call([sys.executable, '-m', 'pip', 'install', '--upgrade'] + args)\n")
    partial.replace(path)


def sanity(collection, venv=DEFAULT, skip=()):
    write_get_pip_stand_in(venv)
    run([venv.bin / "ansible-test", "sanity", "--local", "--python", venv.python_version]
        + ["--skip-test=" + test for test in skip], collection, venv.env())


def lint(root):
    # Offline, ansible-lint does not install the collection it lints: point it at root's copy or link.
    run([VENV_BIN / "ansible-lint", "--offline"] + ([] if sys.stdout.isatty() else ["--nocolor"]),
        REPO, venv_env(ANSIBLE_COLLECTIONS_PATH=root))


def integration(root, collection, targets=(), venv=DEFAULT, in_controller=True):
    """ansible-test integration of targets (all by default) against an emulator of its own.

    With in_controller false, every task runs as a module process (the variable the action plugins read
    comes in as an extra variable, from integration_config.yml)."""
    targets_dir = collection / "tests" / "integration" / "targets"
    if not targets_dir.is_dir() or not any(path.is_dir() for path in targets_dir.iterdir()):
        say("No integration targets under tests/integration/targets: nothing to run.")
        return
    oci_config, oci_key = write_oci_config(root)
    with emulator(root, log_file=root / "emulator.log", request_log=root / REQUEST_LOG) as url:
        (collection / "tests" / "integration" / "integration_config.yml").write_text(
            "emulator_url: %s\noci_config_file: %s\noci_key_file: %s\n"
            "huawei_ak: %s\nhuawei_sk: %s\nhuawei_project_id: %s\n%s"
            % (url, oci_config, oci_key, HUAWEI_AK, HUAWEI_SK, HUAWEI_PROJECT_ID,
               "" if in_controller else "cloudai_control_in_controller: false\n"))
        run([venv.bin / "ansible-test", "integration", "--local", "--python", venv.python_version] + list(targets),
            collection, venv.env())


def units(root, collection, pytest_args=(), workers=2):
    # Paths given by the caller are relative to their cwd; without any, run all unit and oracle tests.
    args = [str(Path(arg).resolve()) if Path(arg).exists() else arg for arg in pytest_args]
    if not any(Path(arg).is_absolute() for arg in args):
        args += UNIT_TEST_DIRS
    # after the integration step, tests/oracle checks every request it sent against the SDKs
    request_log = {"CLOUDAI_REQUEST_LOG": root / REQUEST_LOG} if (root / REQUEST_LOG).exists() else {}
    run([VENV_BIN / "python", "-m", "pytest", "-n", str(workers)] + args, collection,
        venv_env(PYTHONPATH=os.pathsep.join([str(root), str(collection / "tests")]), **request_log))


def integration_targets(shard=0, shards=1):
    """The integration targets (not the hidden ones, which others use), the shard-th of shards groups of them.

    The groups are balanced by the number of tasks (named steps) of each target, largest first into the lightest
    group: a target's time follows its task count closely enough."""
    targets_dir = REPO / "tests" / "integration" / "targets"
    weights = dict((path.name, sum(len(re.findall(r"(?m)^\s*- name:", yml.read_text())) for yml in path.rglob("*.yml")))
                   for path in targets_dir.iterdir()
                   if path.is_dir() and "hidden" not in (path / "aliases").read_text().split())
    groups = [[] for _number in range(shards)]
    for name in sorted(weights, key=lambda name: (-weights[name], name)):
        min(groups, key=lambda group: sum(weights[member] for member in group)).append(name)
    return sorted(groups[shard])


def integration_and_request_oracle(root, targets):
    """Integration targets on a collection copy and an emulator of their own, then every request they sent checked
    against the official SDKs."""
    collection = copy_collection(root)
    integration(root, collection, targets)
    run([VENV_BIN / "python", "-m", "pytest", "-q", REQUEST_ORACLE], collection,
        venv_env(PYTHONPATH=os.pathsep.join([str(root), str(collection / "tests")]),
                 CLOUDAI_REQUEST_LOG=root / REQUEST_LOG))


def playbook_env(venv, root, collections, url, oci_config):
    """venv's environment for ansible-playbook with the collection from collections, run against the emulator at url."""
    return venv.env(ANSIBLE_COLLECTIONS_PATH=collections, ANSIBLE_LOCAL_TEMP=root / "ansible-local",
                    ANSIBLE_REMOTE_TEMP=root / "ansible-remote", ANSIBLE_LOCALHOST_WARNING="false",
                    ANSIBLE_INVENTORY_UNPARSED_WARNING="false", **cloud_env(url, oci_config))


def demo_from_tarball(root, tarball, venv=DEFAULT):
    """Install the built tarball with venv's ansible-galaxy into a fresh path and run the demo from there."""
    installed = root / "installed"
    run([venv.bin / "ansible-galaxy", "collection", "install", "--force", tarball, "-p", installed], root, venv.env())
    oci_config, _key = write_oci_config(root)
    with emulator(root, log_file=root / "emulator-demo.log") as url:
        run([venv.bin / "ansible-playbook", REPO / "playbooks" / "demo.yml", "-e", "emulator_url=" + url], root,
            playbook_env(venv, root, installed, url, oci_config))


def matrix_row(root, venv, tarball):
    """What every supported ansible-core runs: sanity (all but pylint), the in-controller parity target (which runs
    its modules in both paths and compares them), one target per service, and the demo from the built tarball.
    The service targets run as module processes on the default ansible-core only: that path is plain AnsiballZ, and
    the parity target proves it on every row."""
    collection = copy_collection(root)
    # pylint reads the source text and costs more than half of sanity: it runs once, on the default ansible-core.
    # What differs between versions (how modules load, the docs schema, imports on that Python) runs on every row.
    sanity(collection, venv, skip=["pylint"])
    integration(root, collection, MATRIX_TARGETS, venv)
    demo_from_tarball(root, tarball, venv)


def as_module_processes(root, collection, venv=DEFAULT):
    """The matrix targets of each service (the parity target runs both paths itself) with every task run as a
    module process, as on other hosts."""
    integration(root, collection, [target for target in MATRIX_TARGETS if target != "in_controller"], venv,
                in_controller=False)


def prerelease_row(root, venv, tarball):
    venv.ensure()
    matrix_row(root, venv, tarball)


def build_tarball(out):
    run([VENV_BIN / "ansible-galaxy", "collection", "build", "--force", "--output-path", out, REPO], REPO, venv_env())
    return next(out.glob("cloudai-control-*.tar.gz"))


def next_core_prerelease():
    """(minor, version) of a pre-release of the ansible-core minor after the newest of MATRIX that the
    package index serves, or None. It runs as a report that does not fail the command."""
    answer = subprocess.run([str(VENV_BIN / "python"), "-m", "pip", "index", "versions", "--pre",
                             "--disable-pip-version-check", "ansible-core"],
                            capture_output=True, text=True, check=False, env=venv_env())
    match = re.search(r"^ansible-core \(([^)]+)\)", answer.stdout, re.M)
    newest = max(MATRIX, key=minor_key)
    if answer.returncode != 0 or not match:
        say("could not ask the package index for ansible-core pre-releases: %s" % (answer.stderr.strip()[-200:]))
        return None
    version = match.group(1)
    minor = ".".join(version.split(".")[:2])
    if re.search(r"(a|b|rc|dev)[0-9]*$", version) and minor_key(minor) > minor_key(newest):
        return minor, version
    return None


class Step:
    """One step of the test command. Steps run side by side, each writing to a log file of its own,
    which is printed when it ends (in full when it failed)."""

    def __init__(self, name, action, required=True, outcome="not run"):
        self.name, self.action, self.required = name, action, required
        self.seconds = self.cpu_seconds = None
        self.outcome = outcome
        self.log = None

    def times_line(self):
        figures = "%4.0f s %4.0f s CPU" % (self.seconds, self.cpu_seconds) if self.seconds is not None else "-"
        return "%17s  %s: %s%s" % (figures, self.name, self.outcome,
                                   "" if self.required else " (does not fail the command)")

    def run(self, log_dir):
        self.log = log_dir / ("%s.log" % re.sub(r"[^A-Za-z0-9.]+", "-", self.name))
        started = time.monotonic()
        with open(str(self.log), "w") as stream:
            OUTPUT.stream, OUTPUT.cpu_seconds = stream, 0.0
            try:
                self.action()
                self.outcome = "passed"
            except Untestable as error:
                self.outcome = "not tested: %s" % error
            except Exception as error:  # pylint: disable=broad-except
                self.outcome = "FAILED: %s" % error
            finally:
                OUTPUT.stream = None
        self.seconds, self.cpu_seconds = time.monotonic() - started, OUTPUT.cpu_seconds

    @property
    def failed(self):
        return self.outcome.startswith("FAILED")


def run_steps(steps, log_dir, workers):
    """Run steps, at most workers at once, in the order given; print each one's output as it ends."""
    lock = threading.Lock()
    pending = [step for step in steps if step.action]

    def worker():
        while True:
            with lock:
                if not pending:
                    return
                step = pending.pop(0)
                print("=== %s: started" % step.name, flush=True)
            step.run(log_dir)
            with lock:
                text = step.log.read_text(errors="replace")
                lines = text.splitlines()
                shown = lines if step.failed or len(lines) <= 60 else ["[... %d lines, in full in %s]" % (
                    len(lines) - 40, step.log)] + lines[-40:]
                print("\n".join(["=== %s: %s in %.0f s" % (step.name, step.outcome, step.seconds)] + shown),
                      flush=True)

    threads = [threading.Thread(target=worker) for _number in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def cmd_reliability(_args):
    """The reliability suites in full mode; their figures become docs/reliability.md."""
    ensure_venv()
    with work_dir() as root:
        collection = link_collection(root)
        figures = root / "figures"
        figures.mkdir()
        run([VENV_BIN / "python", "-m", "pytest", "-n", "2", "-q", "tests/reliability"], collection,
            venv_env(PYTHONPATH=os.pathsep.join([str(root), str(collection / "tests")]), CLOUDAI_RELIABILITY="full",
                     CLOUDAI_RELIABILITY_FIGURES=figures))
        run([VENV_BIN / "python", REPO / "tests" / "reliability" / "report.py", figures, REPO / "docs" / "reliability.md"],
            REPO, venv_env(PYTHONPATH=REPO / "tests"))


def cmd_venv(_args):
    ensure_venv()
    print("%s is ready (%s): source %s" % (VENV, DEFAULT.label, VENV_BIN / "activate"))


def cmd_sanity(_args):
    ensure_venv()
    with work_dir() as root:
        sanity(copy_collection(root))


def cmd_lint(_args):
    ensure_venv()
    with work_dir() as root:
        link_collection(root)
        lint(root)


def cmd_integration(args):
    ensure_venv()
    with work_dir() as root:
        integration(root, copy_collection(root), args.targets)


def cmd_units(args):
    ensure_venv()
    with work_dir() as root:
        units(root, link_collection(root), args.passthrough)


def matrix_steps(root, minors, tarball, in_ci=False):
    """The steps of the matrix rows of minors, and the seconds spent making their venvs. A row whose Python is
    missing is a step that says so (in CI, where every row must run, it fails the command)."""
    steps, venv_seconds = [], 0.0
    for minor in minors:
        venv = matrix_venv(minor)
        try:
            venv_seconds += venv.ensure()
        except Untestable as error:
            if in_ci:
                raise StepFailed("CI tests every supported ansible-core: %s" % error)
            steps.append(Step("ansible-core %s" % minor, None, outcome="not tested: %s" % error))
            continue
        steps.append(Step("ansible-core %s (Python %s)" % (MATRIX[minor][0], venv.python_version),
                          lambda minor=minor, venv=venv: matrix_row(root / minor, venv, tarball)))
    return steps, venv_seconds


def cmd_matrix(args):
    """The matrix rows of the versions given (default: every non-default one), side by side."""
    ensure_venv()
    minors = args.minors or other_minors()
    unknown = sorted(set(minors) - set(MATRIX))
    if unknown:
        raise StepFailed("not in the matrix: %s (it has %s)" % (", ".join(unknown), ", ".join(MATRIX)))
    with work_dir() as root:
        tarball = build_tarball(root / "build")
        steps, _venv_seconds = matrix_steps(root, minors, tarball)
        (root / "logs").mkdir()
        run_steps(steps, root / "logs", workers=2)
    for step in steps:
        print(step.times_line())
    if any(step.failed for step in steps):
        raise StepFailed("matrix rows failed")


def make_venvs_quietly(minors):
    """Create the venvs of the matrix rows of minors; a row whose venv cannot be made says so in matrix_steps."""
    for minor in minors:
        try:
            matrix_venv(minor).ensure()
        except (Untestable, StepFailed):
            pass


def cmd_test(_args):
    started = time.monotonic()
    # pip uses one core: the matrix rows' venvs are made on the other while .venv is made
    rows = threading.Thread(target=make_venvs_quietly, args=(other_minors(),))
    rows.start()
    try:
        ensure_venv()
    finally:
        rows.join()
    venv_seconds = time.monotonic() - started
    chromium()  # tests/release render the docs site
    prerelease = next_core_prerelease()
    with work_dir() as root:
        tarball = build_tarball(root / "build")
        matrix, matrix_venv_seconds = matrix_steps(root, other_minors(), tarball, in_ci=bool(os.environ.get("CI")))
        venv_seconds += matrix_venv_seconds
        default_root = root / "default"
        sanity_copy = copy_collection(root / "sanity")
        collection = copy_collection(default_root)
        steps = [  # longest first: the pool of workers takes them in this order
            # the request oracle runs in the integration step, on what it sent
            # three pytest workers on two cores: the fault, wait and docs tests spend much of their time waiting
            Step("units (pytest)", lambda: units(default_root, collection, ["--ignore=" + REQUEST_ORACLE, "--durations=20"],
                                                 workers=3)),
            Step("benchmarks (smoke sizes)", lambda: bench(root / "performance.md", smoke=True)),
        ] + [
            # the targets mostly wait (lifecycles, clocks, retries): they run in shards side by side
            Step("integration %d/%d and request oracle (ansible-core %s)" % (shard + 1, INTEGRATION_SHARDS, DEFAULT_CORE),
                 lambda shard=shard: integration_and_request_oracle(
                     root / ("integration-%d" % shard), integration_targets(shard, INTEGRATION_SHARDS)))
            for shard in range(INTEGRATION_SHARDS)
        ] + [
            Step("sanity (ansible-core %s)" % DEFAULT_CORE, lambda: sanity(sanity_copy)),
            Step("integration as module processes (ansible-core %s)" % DEFAULT_CORE,
                 lambda: as_module_processes(root / "module-path", copy_collection(root / "module-path"))),
        ] + matrix + [
            Step("lint", lambda: lint(default_root)),
        ]
        if prerelease:
            minor, version = prerelease
            steps.append(Step("ansible-core %s pre-release (report only)" % version,
                              lambda: prerelease_row(root / minor, matrix_venv(minor, version), tarball),
                              required=False))
        log_dir = root / "logs"
        log_dir.mkdir()
        # Three at a time on two cores: much of the integration, fault and wait tests is sleeping.
        run_steps(steps, log_dir, workers=3)
        units_log = steps[0].log.read_text(errors="replace")
    print("\n=== times (venvs: %.0f s, total: %.0f s; the steps' CPU: %.0f s) ===" % (
        venv_seconds, time.monotonic() - started, sum(step.cpu_seconds or 0 for step in steps)))
    for step in steps:
        print(step.times_line())
    failed = [step.name for step in steps if step.failed and step.required]
    summary = [line for line in units_log.splitlines() if line.startswith("=")]
    if summary:
        print(summary[-1], flush=True)  # pytest's own summary stays the last line printed
    if failed:
        raise StepFailed("steps failed: %s" % ", ".join(failed))


def chromium():
    try:
        return docsite.ensure_chromium()
    except docsite.DocsError as error:
        raise StepFailed(str(error))


def cmd_docs(_args):
    ensure_venv()
    dest = BUILD_DIR / "docs"
    with work_dir() as root:
        link_collection(root)
        try:
            print("$ antsibull-docs lint-collection-docs --plugin-docs .", flush=True)
            docsite.lint(REPO, VENV_BIN, root)
            print("building the site with antsibull-docs and sphinx-build", flush=True)
            index = docsite.build(REPO, VENV_BIN, root, dest)
            chromium()
            docsite.render(index, root / "chromium", dest / "index.png")
        except docsite.DocsError as error:
            raise StepFailed(str(error))
    print("docs site: %s\nscreenshot of its index (headless Chromium): %s" % (index, dest / "index.png"))


def cmd_changelog(_args):
    """`antsibull-changelog release` for galaxy.yml's version: new fragments and every plugin and role whose
    version_added is that version go into its entry (kept, with its date, if it exists); CHANGELOG.rst is
    written again."""
    ensure_venv()
    version = re.search(r"^version:\s*(\S+)", (REPO / "galaxy.yml").read_text(), re.M).group(1)
    date = re.search(r"^  %s:\n(?:    .*\n)*?    release_date: '([0-9-]+)'" % re.escape(version),
                     (REPO / "changelogs" / "changelog.yaml").read_text(), re.M)
    with work_dir() as root:
        link_collection(root)
        env = venv_env(ANSIBLE_COLLECTIONS_PATH=root)
        run([VENV_BIN / "antsibull-changelog", "lint"], REPO, env)
        run([VENV_BIN / "antsibull-changelog", "release", "--reload-plugins", "--version", version, "--update-existing"]
            + (["--date", date.group(1)] if date else []), REPO, env)


def cmd_build(_args):
    ensure_venv()
    run([VENV_BIN / "ansible-galaxy", "collection", "build", "--force", "--output-path", BUILD_DIR, REPO], REPO,
        venv_env())


@contextlib.contextmanager
def emulator_session():
    """A running emulator and the environment that points ansible-playbook and the modules at it."""
    with work_dir() as root:
        link_collection(root)
        oci_config, _key = write_oci_config(root)
        with emulator(root, log_file=root / "emulator.log") as url:
            yield url, playbook_env(DEFAULT, root, root, url, oci_config)


def cmd_demo(args):
    ensure_venv()
    playbook = Path(args.playbook).resolve()
    if not playbook.exists():
        raise StepFailed("no playbook at %s" % playbook)
    with emulator_session() as (url, env):
        run([VENV_BIN / "ansible-playbook", playbook, "-e", "emulator_url=" + url] + args.passthrough, REPO, env)


def bench(report, smoke=False, names=()):
    """Run tests/bench/report.py against a fresh emulator; it writes the figures to report. The per-task table
    also runs on the oldest ansible-core of the matrix, with the ansible-playbook of its venv."""
    oldest = matrix_venv(min(MATRIX, key=minor_key))
    try:
        oldest.ensure()
    except Untestable as error:
        raise StepFailed("the benchmarks also run on the oldest ansible-core: %s" % error)
    with emulator_session() as (_url, env):
        env["PYTHONPATH"] = os.pathsep.join([str(REPO / "tests" / "bench"), str(REPO / "tests")])
        env["BENCH_OLDEST_ANSIBLE_PLAYBOOK"] = oldest.bin / "ansible-playbook"
        if smoke:
            env["BENCH_SMOKE"] = "1"
        run([VENV_BIN / "python", REPO / "tests" / "bench" / "report.py", report] + list(names), REPO, env)


def cmd_bench(args):
    ensure_venv()
    if args.smoke:
        with work_dir() as root:
            bench(root / "performance.md", smoke=True, names=args.names)
    else:
        bench(REPO / "docs" / "performance.md", names=args.names)


def cmd_emulator(_args):
    ensure_venv()
    with work_dir() as root:
        link_collection(root)
        oci_config, _key = write_oci_config(root)
        with emulator(root) as url:
            exports = dict(cloud_env(url, oci_config), ANSIBLE_COLLECTIONS_PATH=root)
            print("\nIn another shell, activate the venv and export these to run playbooks against the emulator:\n")
            print("source %s" % (VENV_BIN / "activate"))
            for name, value in exports.items():
                print("export %s='%s'" % (name, value))
            print("\n(pass -e emulator_url=%s to playbooks that want it). OCI Vision jobs, trainings and analyses read "
                  "objects of Object Storage, which the emulator holds but serves no API for; put them first with\n"
                  "  curl -X PUT %s/_emulator/objects -H 'Content-Type: application/json' -d '{\"objects\": "
                  "[{\"namespace\": \"ns\", \"bucket\": \"photos\", \"name\": \"a.png\", \"data\": \"<base64>\"}]}'\n"
                  "(or \"text\": \"...\" instead of \"data\"). Ctrl-C stops the emulator.\n" % (url, url), flush=True)
            try:
                while True:
                    time.sleep(3600)
            except KeyboardInterrupt:
                print("stopping the emulator")


def parse_args(argv):
    parser = argparse.ArgumentParser(prog="tools/dev.py", description=__doc__.split("\n\n", maxsplit=1)[0])
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    commands.add_parser("test", help="everything CI runs: sanity, lint, integration, units (with tests/release)").set_defaults(
        func=cmd_test)
    demo = commands.add_parser("demo", allow_abbrev=False, help="run the demo playbook against the emulator",
                               usage="tools/dev.py demo [--playbook FILE] [ANSIBLE-PLAYBOOK ARGS ...]")
    demo.add_argument("--playbook", default=str(REPO / "playbooks" / "demo.yml"), help="playbook to run instead")
    demo.set_defaults(func=cmd_demo)
    commands.add_parser("sanity", help="ansible-test sanity on a copy of the collection").set_defaults(func=cmd_sanity)
    bench_parser = commands.add_parser("bench", help="run the benchmarks under tests/bench against the emulator; "
                                                     "they print figures and write docs/performance.md")
    bench_parser.add_argument("--smoke", action="store_true", help="tiny sizes, to check they work (writes nothing)")
    bench_parser.add_argument("names", nargs="*", help="benchmarks to run (default: all)")
    bench_parser.set_defaults(func=cmd_bench)
    commands.add_parser("lint", help="ansible-lint --offline (production profile)").set_defaults(func=cmd_lint)
    matrix_parser = commands.add_parser("matrix", help="the version matrix rows (sanity, parity and one target per "
                                                       "service in both paths, demo from the tarball)")
    matrix_parser.add_argument("minors", nargs="*", help="ansible-core minors, e.g. 2.16 (default: every non-default one)")
    matrix_parser.set_defaults(func=cmd_matrix)
    commands.add_parser("reliability", help="the reliability suites in full; writes docs/reliability.md").set_defaults(
        func=cmd_reliability)
    integration_parser = commands.add_parser("integration", help="ansible-test integration against the emulator")
    integration_parser.add_argument("targets", nargs="*", help="targets to run (default: all)")
    integration_parser.set_defaults(func=cmd_integration)
    commands.add_parser("units", help="pytest over tests/unit, tests/oracle and tests/release; other arguments go to pytest",
                        usage="tools/dev.py units [PYTEST ARGS ...]").set_defaults(func=cmd_units)
    commands.add_parser("emulator", help="run the emulator in the foreground").set_defaults(func=cmd_emulator)
    commands.add_parser("docs", help="lint and build the docs site into build/docs, screenshot its index").set_defaults(
        func=cmd_docs)
    commands.add_parser("changelog", help="fold changelog fragments and new modules into the release").set_defaults(
        func=cmd_changelog)
    commands.add_parser("build", help="build the collection tarball into build/").set_defaults(func=cmd_build)
    commands.add_parser("venv", help="create or refresh .venv/").set_defaults(func=cmd_venv)
    # demo and units pass the arguments they do not know on to ansible-playbook and pytest.
    args, passthrough = parser.parse_known_args(argv)
    if passthrough and args.command not in ("demo", "units"):
        parser.error("unrecognized arguments: " + " ".join(passthrough))
    args.passthrough = passthrough
    return args


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    # A stop request (e.g. CI's time limit) cleans up like Ctrl-C: emulator stopped, work dirs removed.
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    try:
        args.func(args)
    except StepFailed as error:
        print("\nFAILED: %s" % error, file=sys.stderr, flush=True)
        return 1
    except KeyboardInterrupt:
        print("\ninterrupted", file=sys.stderr)
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
