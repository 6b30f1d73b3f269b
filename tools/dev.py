"""Developer tasks for the cloudai.control collection.

    python3 tools/dev.py demo         run playbooks/demo.yml against the local emulator
    python3 tools/dev.py test         sanity, lint, integration, then unit, oracle and release tests (what CI runs)
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
root) holds requirements-dev.txt, then calls the tools inside it; work directories are temporary
and removed at the end.
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
import time
from pathlib import Path

import docsite  # tools/docsite.py

REPO = Path(__file__).resolve().parent.parent
VENV = REPO / ".venv"
VENV_BIN = VENV / "bin"
REQUIREMENTS = REPO / "requirements-dev.txt"
VENV_STAMP = VENV / "requirements-dev.sha256"
PYTHON_VERSION = "%d.%d" % sys.version_info[:2]

# Throw-away credentials that the emulator accepts; the same as in shared/api/testdata.
OCI_USER = "ocid1.user.oc1..aaaaaaaatestuser000000000000000000000000000000000000000000000"
OCI_TENANCY = "ocid1.tenancy.oc1..aaaaaaaatesttenancy0000000000000000000000000000000000000000"
OCI_FINGERPRINT = "d6:2a:52:5a:cc:41:13:d0:62:00:29:42:8a:e9:cd:1e"
OCI_REGION = "us-chicago-1"
OCI_KEY = REPO / "tests" / "emulator" / "credentials" / "oci_api_key.pem"
HUAWEI_AK = "TESTAK0123456789ABCD"
HUAWEI_SK = "testSecretKey0123456789abcdefghijklmnopqr"
HUAWEI_PROJECT_ID = "0123456789abcdef0123456789abcdef"

# Left out of the collection copy that ansible-test and pytest work on (paths relative to the repo).
COPY_EXCLUDES = {
    ".venv", ".git", ".ansible", ".pytest_cache", ".hypothesis", "__pycache__", "build", "tests/output",
    "tests/integration/integration_config.yml", "tests/integration/inventory",
}
UNIT_TEST_DIRS = ("tests/unit", "tests/oracle", "tests/release", "tests/reliability")  # the last in its short mode
BUILD_DIR = REPO / "build"
EMULATOR_START_TIMEOUT = 30


class StepFailed(Exception):
    pass


def run(cmd, cwd, env):
    print("$ " + " ".join(str(part) for part in cmd), flush=True)
    code = subprocess.run([str(part) for part in cmd], cwd=str(cwd), env=env, check=False).returncode
    if code != 0:
        program = cmd[2] if cmd[1] == "-m" else Path(str(cmd[0])).name
        raise StepFailed("%s exited with %d" % (program, code))


def venv_env(**extra):
    env = dict(os.environ)
    env.pop("PYTHONHOME", None)
    env["VIRTUAL_ENV"] = str(VENV)
    env["PATH"] = str(VENV_BIN) + os.pathsep + env.get("PATH", "")
    env.update({key: str(value) for key, value in extra.items()})
    return env


def ensure_venv():
    """Create .venv/ from requirements-dev.txt, unless it already matches them."""
    wanted = hashlib.sha256(REQUIREMENTS.read_bytes() + PYTHON_VERSION.encode()).hexdigest()
    if (VENV_BIN / "python").exists() and VENV_STAMP.exists() and VENV_STAMP.read_text().strip() == wanted:
        return
    print("Creating %s with Python %s from %s" % (VENV, PYTHON_VERSION, REQUIREMENTS.name), flush=True)
    started = time.monotonic()
    # When dev.py itself runs inside a venv, build the new one from the base interpreter.
    base_python = getattr(sys, "_base_executable", sys.executable)
    run([base_python, "-m", "venv", "--clear", VENV], REPO, None)
    run([VENV_BIN / "python", "-m", "pip", "install", "--disable-pip-version-check", "--quiet",
         "-r", REQUIREMENTS], REPO, venv_env())
    VENV_STAMP.write_text(wanted + "\n")
    print("venv ready in %.0f s" % (time.monotonic() - started), flush=True)


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
    """Write an OCI config file (profile DEFAULT) for the test user; return (config path, key path)."""
    key_file = directory / "oci_api_key.pem"
    shutil.copyfile(str(OCI_KEY), str(key_file))
    key_file.chmod(0o600)
    config_file = directory / "oci_config"
    config_file.write_text(
        "[DEFAULT]\nuser=%s\nfingerprint=%s\ntenancy=%s\nregion=%s\nkey_file=%s\n"
        % (OCI_USER, OCI_FINGERPRINT, OCI_TENANCY, OCI_REGION, key_file))
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
def emulator(directory, log_file=None):
    """Run the emulator on a free loopback port; yield its base URL; stop it on the way out."""
    port_file = directory / "emulator.port"
    log = open(str(log_file), "wb") if log_file else None
    process = subprocess.Popen(
        [str(VENV_BIN / "python"), "-m", "emulator", "--host", "127.0.0.1", "--port", "0",
         "--port-file", str(port_file), "--delay", "1"],
        env=venv_env(PYTHONPATH=REPO / "tests"), stdout=log, stderr=subprocess.STDOUT if log else None)
    try:
        url = "http://127.0.0.1:%d" % wait_for_port(process, port_file)
        if log_file:  # else the emulator says it itself
            print("emulator listening on %s" % url, flush=True)
        yield url
    except Exception:
        if log_file:
            log.flush()
            print_tail(log_file)
        raise
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
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
        print("--- last lines of the emulator log ---\n" + "\n".join(tail), flush=True)


def write_get_pip_stand_in():
    """ansible-test bootstraps pip in its sanity venvs with a get-pip script downloaded from a host
    that is not reachable here; a cached script is used instead, so cache one that uses ensurepip."""
    source = next(VENV.glob("lib/python*/site-packages/ansible_test/_internal/python_requirements.py"))
    version = re.search(r"default_packages = dict\(\s*pip='([0-9.]+)'", source.read_text()).group(1)
    path = Path.home() / ".ansible" / "test" / "cache" / ("get_pip_%s.py" % version.replace(".", "_"))
    if path.exists():
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        '"""Stand-in for get-pip.py written by cloudai.control tools/dev.py: ensurepip, then pip install."""\n'
        "import subprocess\nimport sys\n\n"
        "args = [arg for arg in sys.argv[1:] if arg not in ('--no-setuptools', '--no-wheel')]\n"
        "subprocess.check_call([sys.executable, '-m', 'ensurepip', '--default-pip'])\n"
        "subprocess.check_call([sys.executable, '-m', 'pip', 'install', '--upgrade'] + args)\n")


def sanity(collection):
    write_get_pip_stand_in()
    run([VENV_BIN / "ansible-test", "sanity", "--local", "--python", PYTHON_VERSION], collection, venv_env())


def lint(root):
    # Offline, ansible-lint does not install the collection it lints: point it at root's copy or link.
    run([VENV_BIN / "ansible-lint", "--offline"] + ([] if sys.stdout.isatty() else ["--nocolor"]),
        REPO, venv_env(ANSIBLE_COLLECTIONS_PATH=root))


def integration(root, collection, targets=()):
    targets_dir = collection / "tests" / "integration" / "targets"
    if not targets_dir.is_dir() or not any(path.is_dir() for path in targets_dir.iterdir()):
        print("No integration targets under tests/integration/targets: nothing to run.", flush=True)
        return
    oci_config, oci_key = write_oci_config(root)
    with emulator(root, log_file=root / "emulator.log") as url:
        (collection / "tests" / "integration" / "integration_config.yml").write_text(
            "emulator_url: %s\noci_config_file: %s\noci_key_file: %s\n"
            "huawei_ak: %s\nhuawei_sk: %s\nhuawei_project_id: %s\n"
            % (url, oci_config, oci_key, HUAWEI_AK, HUAWEI_SK, HUAWEI_PROJECT_ID))
        run([VENV_BIN / "ansible-test", "integration", "--local", "--python", PYTHON_VERSION] + list(targets),
            collection, venv_env())


def units(root, collection, pytest_args=()):
    # Paths given by the caller are relative to their cwd; without any, run all unit and oracle tests.
    args = [str(Path(arg).resolve()) if Path(arg).exists() else arg for arg in pytest_args]
    if not any(Path(arg).is_absolute() for arg in args):
        args += UNIT_TEST_DIRS
    run([VENV_BIN / "python", "-m", "pytest", "-n", "2"] + args, collection,
        venv_env(PYTHONPATH=os.pathsep.join([str(root), str(collection / "tests")])))


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
    print("%s is ready: source %s" % (VENV, VENV_BIN / "activate"))


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


def cmd_test(_args):
    ensure_venv()
    chromium()  # tests/release render the docs site
    with work_dir() as root:
        collection = copy_collection(root)
        steps = [
            ("sanity", lambda: sanity(collection)),
            ("lint", lambda: lint(root)),
            ("integration", lambda: integration(root, collection)),
            ("benchmarks (smoke sizes)", lambda: bench(root / "performance.md", smoke=True)),
            ("units", lambda: units(root, collection)),
        ]
        for number, (name, step) in enumerate(steps, 1):
            print("\n=== step %d/%d: %s ===" % (number, len(steps), name), flush=True)
            started = time.monotonic()
            try:
                step()
            except StepFailed as error:
                raise StepFailed("step %s failed: %s" % (name, error))
            if number < len(steps):  # pytest's own summary stays the last line printed
                print("=== %s passed in %.1f s ===" % (name, time.monotonic() - started), flush=True)


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
            yield url, venv_env(
                ANSIBLE_COLLECTIONS_PATH=root,
                ANSIBLE_LOCAL_TEMP=root / "ansible-local",
                ANSIBLE_REMOTE_TEMP=root / "ansible-remote",
                ANSIBLE_LOCALHOST_WARNING="false",
                ANSIBLE_INVENTORY_UNPARSED_WARNING="false",
                **cloud_env(url, oci_config))


def cmd_demo(args):
    ensure_venv()
    playbook = Path(args.playbook).resolve()
    if not playbook.exists():
        raise StepFailed("no playbook at %s" % playbook)
    with emulator_session() as (url, env):
        run([VENV_BIN / "ansible-playbook", playbook, "-e", "emulator_url=" + url] + args.passthrough, REPO, env)


def bench(output, smoke=False, names=()):
    """Run tests/bench/report.py against a fresh emulator; it writes the figures to output."""
    with emulator_session() as (_url, env):
        env["PYTHONPATH"] = os.pathsep.join([str(REPO / "tests" / "bench"), str(REPO / "tests")])
        if smoke:
            env["BENCH_SMOKE"] = "1"
        run([VENV_BIN / "python", REPO / "tests" / "bench" / "report.py", output] + list(names), REPO, env)


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
