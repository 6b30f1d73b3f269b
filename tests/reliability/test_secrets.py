"""Secrets never leak: one playbook uses every secret the modules take (OCI key_content, a pass phrase with an
encrypted copy of the test key, one in the config file, a session token, the Huawei SK, security token and IAM
token against a DataArts Fabric module, and every module option that is no_log, such as the Hugging Face
access_token of an imported model), with tasks that succeed, tasks that fail on a wrong secret and tasks given each
Huawei credential in the shapes a file or a YAML block gives it (newline-terminated, padded, ...), and makes and
reads the resources whose answers carry secrets (a Fabric endpoint's invoke tokens). It runs at -vvvv, with
ANSIBLE_DEBUG=1, and with --check --diff; every byte printed, the log file, every registered result and the
emulator's request log are searched for each secret in every written form (as is, quoted, escaped), for every
Authorization, X-Auth-Token and X-Security-Token value the emulator received and for every secret the emulator's
answers carried. None may appear."""

import json
import time
import uuid

from reliability import catalogue
from reliability.harness import (
    TRACEBACK, Probe, playbook_env, playbook_value, put_objects, record, run_playbook, shapes, written_forms,
)
from reliability.keys import encrypted_copy, fingerprint, new_key, pem_lines, public_pem, session_token, the_test_key_pem
from reliability.scenarios import Resource

from emulator.config import TEST_REGION, TEST_TENANCY, TEST_USER
from emulator.testing import TEST_KEY_ID

RUNS = [("-vvvv", ["-vvvv", "--diff"], {}), ("ANSIBLE_DEBUG=1", ["--diff"], {"ANSIBLE_DEBUG": "1"}),
        ("--check --diff", ["--check", "--diff", "-vvvv"], {})]


CREDENTIALS = {"oci": ("key_content", "pass_phrase"), "huaweicloud": ("ak", "sk", "security_token", "auth_token")}


def secret_options(module):
    """Paths of the module's no_log options other than the cloud's credentials (which the probes cover)."""
    found = []

    def walk(spec, prefix):
        for name, option_spec in spec.items():
            path = prefix + (name,)
            if option_spec.get("no_log") and not (prefix == () and name in CREDENTIALS[module.cloud]):
                found.append(path)
            if option_spec.get("options"):
                walk(option_spec["options"], path)
    walk(module.argspec, ())
    return found


def sets(value, path):
    for key in path:
        if not isinstance(value, dict) or key not in value:
            return False
        value = value[key]
    return value is not None


def answered_secrets(module):
    """wire key -> keys of the secrets the service's answers carry for the module's resources (never returned)."""
    return {} if module.action else module.described.secrets


def secret_tasks(secrets, connection):
    """Create, read, update, predict and delete each resource of a step that sets a module's own secret options, and
    of a module whose resources the service answers with secrets. ``connection``: cloud -> connection options."""
    tasks = []
    for module in catalogue.resource_modules():
        paths = secret_options(module)
        if not paths and not answered_secrets(module):
            continue
        service = catalogue.service_of(module)
        steps = [s for s in service.steps if isinstance(s, Resource) and s.module == module.name
                 and all(sets(s.create, path) for path in paths)]
        assert steps, "%s has secret options %s that no step in scenarios.py sets" % (module.name, paths)
        subject = steps[0]
        for path in paths:
            value = subject.create
            for key in path:
                value = value[key]
            secrets["%s %s" % (module.name, ".".join(path))] = value
        for one_step in catalogue.prerequisites(service, [subject.label]) + [subject]:
            tasks.append(task("prepare %s" % one_step.label, one_step.module, connection,
                              playbook_value(catalogue.step_args(one_step), service, one_step.label),
                              register="r_" + one_step.label))
        made = set(s.label for s in catalogue.needed(service, [subject.label]))
        for info in [info for info in catalogue.info_modules() if info.described is module.described]:
            for number, args in enumerate(catalogue.option_sets(info)):
                if set(catalogue.refs_in(args)) <= made:  # read what was made (not under --check: nothing was)
                    tasks.append(task("read %s %d" % (info.name, number), info.name, connection,
                                      playbook_value(args, service, None), register="r_%s_%d" % (info.name, number),
                                      when="not ansible_check_mode"))
        args = playbook_value(subject.create, service, subject.label)
        update = playbook_value(subject.update, service, subject.label) if isinstance(subject.update, dict) else {}
        for name, extra, check in (("update", update, False), ("delete predicted", {"state": "absent"}, True),
                                   ("delete", {"state": "absent"}, False)):
            tasks.append(task("%s %s" % (name, subject.label), subject.module, connection, dict(args, **extra),
                              register="r_%s_%s" % (subject.label, name.replace(" ", "_")), check_mode=check))
    return tasks


def task(name, module_name, connection, args, **extra):
    """A playbook task of the module with the cloud's ``connection`` options (those not in module_defaults); no_log
    where the module's result shows secrets once, as its documentation says to."""
    module = catalogue.by_name(module_name)
    if module.reveals:
        extra["no_log"] = True
    return dict({"name": name, module.fqcn: dict(connection.get(module.cloud, {}), **args), "diff": True}, **extra)


def shown_once(results):
    """Take out of the registered results the keys that show secrets once (``Module.reveals``): {task: value}."""
    keys = set(key for module in catalogue.modules() for key in module.reveals)
    return dict(("%s %s" % (name, key), result.pop(key)) for name, result in results.items()
                for key in sorted(keys) if isinstance(result, dict) and key in result)


def secrets_in(answer, keys):
    """The values under ``keys`` (wire key -> secret keys) anywhere in a JSON answer."""
    found = []
    if isinstance(answer, list):
        for item in answer:
            found.extend(secrets_in(item, keys))
    elif isinstance(answer, dict):
        for key, value in answer.items():
            if key in keys:
                for item in value if isinstance(value, list) else [value]:
                    found.extend(item[name] for name in keys[key] if isinstance(item, dict) and item.get(name))
            found.extend(secrets_in(value, keys))
    return found


def test_no_secret_appears_in_any_output_or_result(start, tmp_path):
    session_key, session_pem = new_key(tmp_path / "session.pem")
    token = session_token(time.time() + 3600)
    huawei_ak, huawei_sk = "RELIABILITYAK0000002", "huawei-secret-key-%s" % uuid.uuid4().hex
    iam_token, security_token = "iam-token-%s" % uuid.uuid4().hex, "security-token-%s" % uuid.uuid4().hex
    emulated = start(config={"oci": {"keys": {"ST$" + token: public_pem(session_key)}},
                             "huawei": {"credentials": {huawei_ak: huawei_sk}, "tokens": ["test-iam-token", iam_token]}})
    heard, answered = set(), set()
    emulator = emulated.handle.emulator
    dispatch = emulator.dispatch
    keys = {}
    for module in catalogue.modules():
        for wire, names in answered_secrets(module).items():
            keys[wire] = tuple(sorted(set(keys.get(wire, ()) + tuple(names))))

    def listening(request):
        for header in ("authorization", "x-auth-token", "x-security-token"):
            value = request.header(header)
            if value:
                heard.add(value)
                heard.update(part.split("=", 1)[1].strip('"') for part in value.split(",") if part.strip().startswith("signature="))
        response = dispatch(request)
        try:
            answered.update(secrets_in(json.loads(response.body or b"null"), keys))
        except ValueError:
            pass
        return response

    emulator.dispatch = listening
    directory = emulated.credentials.directory
    pass_phrase, config_pass_phrase, wrong_pass_phrase = ("pass-phrase-%s" % uuid.uuid4().hex for dummy in range(3))
    encrypted = encrypted_copy(directory / "encrypted.pem", pass_phrase)
    config_encrypted = encrypted_copy(directory / "config-encrypted.pem", config_pass_phrase)
    unknown_key, unknown_pem = new_key()
    secrets = {"pass_phrase": pass_phrase, "pass_phrase in the config file": config_pass_phrase,
               "wrong pass_phrase": wrong_pass_phrase, "session token": token, "Huawei SK": huawei_sk,
               "IAM token": iam_token, "security token": security_token, "wrong SK": "wrong-%s" % huawei_sk}
    for name, pem in (("test key", the_test_key_pem()), ("encrypted key", encrypted.read_bytes()),
                      ("config-file key", config_encrypted.read_bytes()), ("session key", session_pem),
                      ("unknown key", unknown_pem)):
        secrets.update(("%s line %d" % (name, number), line) for number, line in enumerate(pem_lines(pem)))

    oci, huawei = Probe("oci"), Probe("huaweicloud")
    identity = dict(tenancy=TEST_TENANCY, user=TEST_USER, fingerprint=TEST_KEY_ID.rsplit("/", 1)[-1], region=TEST_REGION,
                    endpoint=emulated.url)
    oci_configs = {
        "pass phrase in the config file": emulated.credentials.oci_config(config_encrypted, "cfg-pass",
                                                                          pass_phrase=config_pass_phrase),
        "session token": emulated.credentials.oci_config(
            tmp_path / "session.pem", "cfg-session", user=None, fingerprint=None,
            security_token_file=str(write(directory / "token", token))),
    }
    probes = [
        ("oci key_content", oci, dict(identity, key_content=the_test_key_pem().decode("ascii")), True),
        ("oci encrypted key and pass_phrase", oci, dict(identity, key_file=str(encrypted), pass_phrase=pass_phrase), True),
        ("oci pass_phrase in the config file", oci, dict(config_file=str(oci_configs["pass phrase in the config file"]),
                                                         endpoint=emulated.url), True),
        ("oci session token", oci, dict(config_file=str(oci_configs["session token"]), auth_type="security_token",
                                        endpoint=emulated.url), True),
        ("oci wrong pass_phrase", oci, dict(identity, key_file=str(encrypted), pass_phrase=wrong_pass_phrase), False),
        ("oci unknown key", oci, dict(identity, key_content=unknown_pem.decode("ascii"), fingerprint=fingerprint(unknown_key)),
         False),
        ("huawei ak and sk", huawei, dict(ak=huawei_ak, sk=huawei_sk), True),
        ("huawei temporary ak, sk and security token", huawei, dict(ak=huawei_ak, sk=huawei_sk, security_token=security_token),
         True),
        ("huawei IAM token", huawei, dict(auth_token=iam_token), True),
        ("huawei wrong sk", huawei, dict(ak=huawei_ak, sk=secrets["wrong SK"]), False),
        ("oci pass_phrase newline-terminated", oci, dict(identity, key_file=str(encrypted), pass_phrase=pass_phrase + "\n"),
         False),
    ]
    # every Huawei credential in the shapes a file or a YAML block gives it: refused by name, never printed
    for option, value in (("ak", huawei_ak), ("sk", huawei_sk), ("security_token", security_token), ("auth_token", iam_token)):
        for shape, shaped in shapes(value).items():
            if "\x00" in shaped:
                continue  # a playbook cannot carry it
            good = dict(auth_token=iam_token) if option == "auth_token" else dict(ak=huawei_ak, sk=huawei_sk)
            probes.append(("huawei %s %s" % (option, shape), huawei, dict(good, **{option: shaped}), False))
    huawei_base = dict(project_id=emulated.credentials.args("huaweicloud")["project_id"], region="cn-north-4",
                       endpoint=emulated.url)
    tasks = []
    for number, (name, probe, args, succeeds) in enumerate(probes):
        options = dict(probe.args, retries=0, **(huawei_base if probe is huawei else {}))
        options.update(args)
        tasks.append({"name": name, probe.fqcn: options, "register": "r_probe_%d" % number, "ignore_errors": not succeeds})
    for service in set(catalogue.service_of(module) for module in catalogue.modules()):
        put_objects(emulated.url, service)
    tasks += secret_tasks(secrets, {"huaweicloud": dict(huawei_base, ak=huawei_ak, sk=huawei_sk)})
    registered = [task["register"] for task in tasks]
    results_file = tmp_path / "results.json"
    tasks.append({"name": "Keep every registered result", "ansible.builtin.copy": {
        "content": "{{ {%s} | to_json }}" % ", ".join("'%s': %s" % (name, name) for name in registered),
        # no_log: its arguments at -vvvv would print the results, which are searched in the file itself
        "dest": str(results_file)}, "check_mode": False, "changed_when": False, "no_log": True})
    module_defaults = {"group/cloudai.control.oci": emulated.credentials.args("oci")}

    searched = leaks = 0
    where = []
    for label, args, extra_env in RUNS:
        log_file = tmp_path / ("ansible-%d.log" % len(where))
        env = playbook_env(tmp_path, ANSIBLE_LOG_PATH=str(log_file), **extra_env)
        plays = [{"name": "secrets", "hosts": "localhost", "gather_facts": False, "module_defaults": module_defaults,
                  "tasks": tasks}]
        outcome = run_playbook(tmp_path, plays, args=args, env=env)
        assert outcome.returncode == 0, outcome.output[-6000:]
        assert not TRACEBACK.search(outcome.output), outcome.output[-6000:]
        results = json.loads(results_file.read_text())
        for number, (name, probe, dummy, succeeds) in enumerate(probes):
            assert bool(results["r_probe_%d" % number].get("failed")) is not succeeds, (label, name, results["r_probe_%d" % number])
        revealed = shown_once(results)
        if label != "--check --diff":  # the create answered the new key's secret, and its task's result shows it
            assert any(value in json.dumps(revealed) for value in answered), (label, sorted(revealed))
        texts = {"output": outcome.output, "log file": log_file.read_text(), "registered results": json.dumps(results),
                 "emulator request log": json.dumps(emulated.handle.emulator.log.since(0))}
        values = dict(secrets, **dict(("header value %d" % number, value) for number, value in enumerate(sorted(heard))))
        values.update(("secret %d in an answer" % number, value) for number, value in enumerate(sorted(answered)))
        for text_name, text in texts.items():
            searched += len(text.encode("utf-8"))
            for secret_name, value in values.items():
                forms = [form for form in written_forms(value) if form and form in text] if value else []
                if forms:
                    leaks += 1
                    where.append("%s: %s in the %s (%s)" % (label, secret_name, text_name, forms[0][:20]))
        where.append(None)
    assert heard, "the emulator heard no credentials: the playbook did not reach it"
    assert answered or not keys, "the emulator's answers carried none of the secrets %s: nothing was tested" % keys
    leaked = [entry for entry in where if entry]
    assert leaks == 0 and leaked == [], leaked
    record("secrets", runs=[label for label, dummy, dummy2 in RUNS], secrets=len(secrets), header_values=len(heard),
           shaped_probes=len([probe for probe in probes if "-terminated" in probe[0] or "-led" in probe[0]]),
           bytes_searched=searched, leaks=leaks, tasks=len(tasks), answered_secrets=len(answered), huawei_module=huawei.name)


def write(path, text):
    path.write_text(text)
    path.chmod(0o600)
    return path


def test_every_module_runs_through_the_collections_action():
    """The collection's action runs a module in the controller's worker or, as a module, hides its arguments from
    ANSIBLE_DEBUG's output: each module needs plugins/action/<module>.py importing
    plugin_utils.in_controller.ActionModule (one line). Read, not imported:
    importing controller code here would turn this process's module warnings into controller warnings."""
    actions = catalogue.modules_dir().parent / "action"
    line = "from ansible_collections.cloudai.control.plugins.plugin_utils.in_controller import ActionModule"
    missing = [module.name for module in catalogue.modules()
               if not (actions / (module.name + ".py")).is_file() or line not in (actions / (module.name + ".py")).read_text()]
    assert missing == [], "add plugins/action/<module>.py for %s (copy any file there)" % ", ".join(missing)
