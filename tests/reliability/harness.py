"""What the suites share: running a module in this process (as Ansible would, from its JSON arguments), the test
credentials for each cloud, converging a service's steps, running generated playbooks, and keeping figures for
docs/reliability.md (``python3 tools/dev.py reliability``)."""

import contextlib
import io
import json
import os
import re
import subprocess
import sys
import time
import traceback
from pathlib import Path

from ansible.module_utils.common import warnings as ansible_warnings
from ansible.module_utils.testing import patch_module_args

from emulator.config import (
    TEST_HUAWEI_AK, TEST_HUAWEI_PROJECT, TEST_HUAWEI_SK, TEST_KEY_FILE, TEST_REGION, TEST_TENANCY, TEST_USER,
)
from emulator.oci_resources import settle
from emulator.testing import TEST_KEY_ID, AdminClient
from emulator.vision import JOBS
from reliability import catalogue
from reliability.scenarios import ABSENT, Lookup, Name, Ref

FULL = os.environ.get("CLOUDAI_RELIABILITY") == "full"
FIGURES_DIR = os.environ.get("CLOUDAI_RELIABILITY_FIGURES")
# in playbook output: a Python traceback, Ansible's word for a module that died, or cloud_module's catch-all
TRACEBACK = re.compile(r"Traceback \(most recent call last\)|MODULE FAILURE|unexpected error: ")


# what this process ran and saw, kept for the report at the end of the session (conftest.py)
COUNTS = {"module_runs": 0, "module_tracebacks": 0, "playbook_runs": 0, "playbook_tracebacks": 0}


def mode(short, full):
    """The short figure for the test command, the full one for the report."""
    return full if FULL else short


def paired(modules, kinds):
    """(module, kind) cases: every kind for every module in the full run; in the short one each module with two kinds
    in turn, so that every module and every kind is still tested."""
    if FULL:
        return [(module, kind) for module in modules for kind in kinds]
    return [(module, kinds[(number + shift) % len(kinds)])
            for number, module in enumerate(modules) for shift in (0, len(kinds) // 2)]


def record(suite, **figures):
    """Keep figures of a suite for the report (only when the report asked for them)."""
    if not FIGURES_DIR:
        return
    with open(os.path.join(FIGURES_DIR, "%s-%d.jsonl" % (suite, os.getpid())), "a") as handle:
        handle.write(json.dumps(figures, sort_keys=True) + "\n")


# ---------------------------------------------------------------------------------------------------------
# modules in this process

def run_module(name, args, check=False, diff=False):
    """The module's result, as Ansible would get it. A Python exception escaping main() is returned as a failure
    with ``traceback`` set (the suites require none)."""
    main = __import__("%s.%s" % (catalogue.PACKAGE, name), fromlist=["main"]).main
    ansible_warnings._global_warnings.clear()  # pylint: disable=protected-access
    ansible_warnings._global_deprecations.clear()  # pylint: disable=protected-access
    out = io.StringIO()
    arguments = dict(args, _ansible_check_mode=check, _ansible_diff=diff)
    result = {"failed": True, "msg": "the module returned without exit_json or fail_json", "traceback": "(none)"}
    try:
        with patch_module_args(arguments), as_module_process(), contextlib.redirect_stdout(out):
            main()
    except SystemExit:
        result = json.loads(out.getvalue())
    except Exception:  # pylint: disable=broad-except
        result = {"failed": True, "msg": "a Python exception escaped the module", "traceback": traceback.format_exc()}
    COUNTS["module_runs"] += 1
    COUNTS["module_tracebacks"] += has_traceback(result)
    return result


# ansible-core's refusal of a module argument with a NUL character (its syslog call fails before the module runs).
SYSLOG_NUL = "Failed to log to syslog (embedded null character)"


@contextlib.contextmanager
def as_module_process():
    """From ansible-core 2.19 on, once controller code is imported into a process (as a unit test of the action
    plugins does in the same pytest worker), module warnings go to the controller's display instead of the result.
    A module process has no controller code: run the module as it would run there."""
    internal = sys.modules.get("ansible.module_utils._internal")
    was = getattr(internal, "is_controller", None)
    if was:
        internal.is_controller = False
    try:
        yield
    finally:
        if was:
            internal.is_controller = was


def has_traceback(result):
    """A module result that comes from an exception rather than a message (cloud_module's catch-all included)."""
    message = result.get("msg") or ""
    return bool(result.get("traceback") or result.get("exception") or message.startswith("unexpected error: ")
                or "Traceback (most recent call last)" in message)


# ---------------------------------------------------------------------------------------------------------
# credentials

def shapes(value):
    """The shapes a secret takes when it is read with its line end (a YAML | block, ansible-vault encrypt_string from
    standard input, slurp | b64decode), pasted with spaces, or carries a control character."""
    return {"newline-terminated": value + "\n", "CRLF-terminated": value + "\r\n", "space-led": " " + value,
            "space-terminated": value + " ", "NUL inside": value[:4] + "\x00" + value[4:], "NEL-terminated": value + "\x85"}


def written_forms(value):
    """Every way a value can be printed: as is, quoted and escaped as Python and JSON write it, and its core."""
    return {value, value.strip(), repr(value), repr(value)[1:-1], json.dumps(value), json.dumps(value)[1:-1]}


class Credentials:
    """Connection options for each cloud pointing at one emulator, with the throw-away test credentials."""

    def __init__(self, url, directory):
        self.url = url
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        self.key_file = self.directory / "oci_api_key.pem"
        self.key_file.write_bytes(Path(TEST_KEY_FILE).read_bytes())
        self.key_file.chmod(0o600)
        self.config_file = self.oci_config(self.key_file)

    def oci_config(self, key_file, name="oci_config", **values):
        """An OCI config file (profile DEFAULT) for the test user; ``values`` add or replace keys."""
        keys = dict(user=TEST_USER, fingerprint=TEST_KEY_ID.rsplit("/", 1)[-1], tenancy=TEST_TENANCY, region=TEST_REGION,
                    key_file=str(key_file))
        keys.update(values)
        path = self.directory / name
        path.write_text("[DEFAULT]\n" + "".join("%s=%s\n" % item for item in keys.items() if item[1] is not None))
        path.chmod(0o600)
        return path

    def args(self, cloud):
        if cloud == "oci":
            return dict(config_file=str(self.config_file), endpoint=self.url)
        return dict(ak=TEST_HUAWEI_AK, sk=TEST_HUAWEI_SK, project_id=TEST_HUAWEI_PROJECT, region="cn-north-4",
                    endpoint=self.url)


# ---------------------------------------------------------------------------------------------------------
# converging steps in this process

class Converged:
    """Runs steps of a service in this process and remembers the ids they produced. The emulator's Object Storage
    gets the service's objects first."""

    def __init__(self, service, credentials, prefix):
        self.service = service
        self.credentials = credentials
        self.prefix = prefix
        self.ids = {}
        self.results = {}
        put_objects(credentials.url, service)

    def name_of(self, label):
        """Letters, digits and '-' only: every service takes such names."""
        return ("%s-%s" % (self.prefix, label)).replace("_", "-")

    def args(self, one_step, extra=None):
        """A step's options rendered (names, ids) with the connection options; ``extra`` adds or replaces."""
        module = catalogue.by_name(one_step.module)
        args = dict(self.credentials.args(module.cloud))
        args.update(catalogue.render(catalogue.step_args(one_step), self.name_of, self.ids.__getitem__, one_step.label))
        args.update(catalogue.render(extra or {}, self.name_of, self.ids.__getitem__, one_step.label))
        return args

    def update_args(self, one_step):
        if one_step.update == ABSENT:
            return self.args(one_step, {"state": "absent"})
        return self.args(one_step, one_step.update)

    def run(self, one_step, extra=None, **flags):
        result = run_module(one_step.module, self.args(one_step, extra), **flags)
        assert not result.get("failed"), "%s (%s) failed: %s" % (one_step.label, one_step.module, result.get("msg"))
        self.results[one_step.label] = result
        if isinstance(one_step, Lookup):
            self.ids[one_step.label] = catalogue.pick(result, one_step.pick)
        elif result.get(catalogue.by_name(one_step.module).kind):
            module = catalogue.by_name(one_step.module)
            self.ids[one_step.label] = result[module.kind][module.id_key]
        return result

    def converge(self, steps):
        for one_step in steps:
            if one_step.label not in self.ids:
                self.run(one_step)
        return self


# ---------------------------------------------------------------------------------------------------------
# the emulator

class EmulatorAdmin(AdminClient):
    """The admin API plus what the suites ask of it often."""

    def reset(self, delay=0.2):
        self.call("POST", "/reset")
        self.put("/settings", {"delay": delay})

    def settings(self, **changes):
        return self.put("/settings", changes)

    def faults(self, rules, seed=1):
        return self.put("/faults", {"seed": seed, "faults": rules})

    def clear_log(self):
        self.call("DELETE", "/requests")

    def mutating(self, since=0):
        return [entry for entry in self.requests_log(since) if entry["mutating"]]

    def last_seq(self):
        entries = self.requests_log()
        return entries[-1]["seq"] if entries else 0


def put_objects(url, service):
    """The service's objects into the emulated Object Storage (what jobs, trainings and analyses read)."""
    if service.objects:
        AdminClient(url).put("/objects", {"objects": service.objects})


def records(handle, service):
    """Every record of the service's resource kinds in the emulator, as the service shows it now (a transition whose
    time has come finished, a batch job's state worked out, an endpoint gone once deleted)."""
    emulator = handle.emulator
    served = emulator.services[service.name].handle.__self__
    found = []
    with emulator.lock:
        now = emulator.clock.now()
        for module, table in service.store_kinds.items():
            for record_ in emulator.store.all(table) if table else ():
                fields = current_fields(served, record_, now)
                if fields is not None:
                    found.append((module, fields))
    return found


def current_fields(served, record_, now):
    """The fields of one record as its service would answer now; None when it is gone."""
    if getattr(record_, "view", None) is not None:  # a GenAI file sync: its state is worked out when it is read
        return record_.view()
    if getattr(record_, "run", None) is not None:  # a Vision batch job: its state is worked out when it is read
        return served.job_view(next(job for job in JOBS if job.name == record_.kind), record_)
    if hasattr(served, "_settle"):  # DataArts Fabric: endpoints move on (and go) when read
        return None if served._settle(record_) else record_.fields  # pylint: disable=protected-access
    if record_.pending is not None:
        settle(record_, now)
    return record_.fields


# ---------------------------------------------------------------------------------------------------------
# playbooks

def playbook_value(value, service, own):
    """Step options as playbook text: names per host, ids from the registered results of earlier steps."""
    if isinstance(value, Name):
        return "{{ inventory_hostname }}-%s" % (value.label or own).replace("_", "-")
    if isinstance(value, Ref):
        target = catalogue.step(service, value.label)
        if isinstance(target, Lookup):
            path = "".join("[%d]" % key if isinstance(key, int) else ".%s" % key for key in target.pick)
            return "{{ r_%s%s }}" % (value.label, path)
        return "{{ r_%s.%s.id }}" % (value.label, catalogue.by_name(target.module).kind)
    if isinstance(value, dict):
        return dict((key, playbook_value(item, service, own)) for key, item in value.items())
    if isinstance(value, list):
        return [playbook_value(item, service, own) for item in value]
    return value


def collections_root():
    """The directory holding ansible_collections/cloudai/control (for ANSIBLE_COLLECTIONS_PATH)."""
    for entry in sys.path:
        if entry and (Path(entry) / "ansible_collections" / "cloudai" / "control" / "plugins").is_dir():
            return entry
    raise AssertionError("no ansible_collections/cloudai/control on sys.path (run the suites through tools/dev.py)")


def playbook_env(directory, **extra):
    env = dict((key, value) for key, value in os.environ.items()
               if not key.startswith(("OCI_", "HUAWEICLOUD_", "CLOUDAI_", "ANSIBLE_")))
    env.update(
        ANSIBLE_COLLECTIONS_PATH=collections_root(),
        ANSIBLE_LOCAL_TEMP=str(Path(directory) / "ansible-local"),
        ANSIBLE_REMOTE_TEMP=str(Path(directory) / "ansible-remote"),
        ANSIBLE_HOME=str(Path(directory) / "ansible-home"),
        ANSIBLE_LOCALHOST_WARNING="false",
        ANSIBLE_INVENTORY_UNPARSED_WARNING="false",
        ANSIBLE_RETRY_FILES_ENABLED="false",
        ANSIBLE_NOCOLOR="1",
        ANSIBLE_PYTHON_INTERPRETER=sys.executable,
        ANSIBLE_PIPELINING="false",
    )
    env.update(extra)
    return env


def inventory(directory, hosts):
    path = Path(directory) / "inventory.ini"
    path.write_text("[reliability]\n" + "".join("%s ansible_connection=local\n" % host for host in hosts))
    return path


class PlaybookRun:
    def __init__(self, returncode, stdout, stderr, seconds):
        self.returncode = returncode
        self.stdout = stdout
        self.stderr = stderr
        self.seconds = seconds

    @property
    def output(self):
        return self.stdout + self.stderr

    def recap(self):
        """host -> {ok, changed, failed, ...} from the PLAY RECAP."""
        stats = {}
        for host, fields in re.findall(r"^(\S+)\s+:\s+(ok=.*)$", self.stdout, re.M):
            stats[host] = dict((key, int(value)) for key, value in re.findall(r"(\w+)=(\d+)", fields))
        return stats

    def changed(self):
        return sum(host["changed"] for host in self.recap().values())

    def failed(self):
        return sum(host["failed"] + host["unreachable"] for host in self.recap().values())


def run_playbook(directory, plays, hosts=("localhost",), args=(), env=None, timeout=1800):
    """Write ``plays`` (JSON is YAML) and run ansible-playbook on them; returns a PlaybookRun."""
    directory = Path(directory)
    path = directory / ("playbook-%d.yml" % time.monotonic_ns())
    path.write_text(json.dumps(plays, indent=1))
    command = [str(Path(sys.executable).parent / "ansible-playbook"), "-i", str(inventory(directory, hosts)), str(path)]
    started = time.monotonic()
    process = subprocess.run(command + list(args), env=env or playbook_env(directory), capture_output=True, text=True,
                             timeout=timeout, check=False)
    COUNTS["playbook_runs"] += 1
    COUNTS["playbook_tracebacks"] += bool(TRACEBACK.search(process.stdout + process.stderr))
    return PlaybookRun(process.returncode, process.stdout, process.stderr, time.monotonic() - started)


# ---------------------------------------------------------------------------------------------------------
# connection options, tried on one module per cloud

class Probe:
    """One info module per cloud to try connection options with (the first that lists with options needing no other
    resource): ``name``, ``fqcn``, ``plural``, ``args`` (its own options), ``run(args)`` (in this process)."""

    def __init__(self, cloud):
        modules = [module for module in catalogue.info_modules() if module.cloud == cloud]
        if not modules:
            raise AssertionError("no %s info module to try connection options with" % cloud)
        module = modules[0]
        plain = [args for args in catalogue.option_sets(module) if not catalogue.refs_in(args)]
        if not plain:
            raise AssertionError("%s: the suites need an info option set without Ref() in scenarios.py" % module.name)
        self.name, self.fqcn, self.plural = module.name, module.fqcn, module.plural
        self.args = catalogue.render(plain[0], lambda label: "probe-" + label, None)

    def run(self, args, check=False):
        return run_module(self.name, dict(self.args, **args), check=check)
