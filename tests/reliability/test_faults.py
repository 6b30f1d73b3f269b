"""Faults and throttling, per service, with real playbooks: several hosts (forks, so requests overlap) each
converge their slice of the service's steps (scenarios.py) while the emulator throttles (429 + Retry-After),
answers 500/502/503/504 and HTML error pages, drops connections before the request reaches it and loses answers
after it committed creates, updates and deletes. After each run the emulator holds exactly the resources asked
for (none missing, no duplicates); a second run reports changed=0. The update phase runs under --check first:
no mutating request, and the same changed and diff per task as the real run that follows. Resources the service
cannot list (batch jobs) are started by name in the create phase; the update phase gives the ids the create phase
returned, as their modules' documentation says to."""

import json

import pytest

from reliability import catalogue
from reliability.harness import TRACEBACK, mode, playbook_env, playbook_value, put_objects, record, records, run_playbook
from reliability.scenarios import ABSENT, SERVICES, Lookup, Resource

HOSTS = mode(short=2, full=4)
DELAY = mode(short=0, full=0.5)  # emulated seconds each lifecycle change takes (0: done at the next read)
SEED = 20261123


def fault_rules(service):
    """Each kind once for sure (on the first request it can hit), then about one request in ten is hit, and one
    mutating answer in ten is lost after the service committed it."""
    rules = [dict(kind="throttle", retry_after=1, rate=0.03)]
    rules += [dict(kind="error", status=status, rate=0.01) for status in (500, 502, 503, 504)]
    rules += [dict(kind="html", status=502, rate=0.01), dict(kind="drop_before", rate=0.01),
              dict(kind="drop_after", methods=["POST", "PUT", "DELETE"], rate=0.1)]
    once = [dict(rule, rate=1, count=1) for rule in rules]
    return [dict(rule, service=service.name) for rule in once + rules]


def phase_args(one_step, phase):
    if isinstance(one_step, Lookup):
        return one_step.args
    if phase == "update" and one_step.update == ABSENT:
        return dict(one_step.create, state="absent")
    if phase == "update" and one_step.update:
        return dict(one_step.create, **one_step.update)
    return one_step.create


def task_args(one_step, phase, service):
    args = playbook_value(phase_args(one_step, phase), service, one_step.label)
    module = catalogue.by_name(one_step.module)
    if phase == "update" and module.resource and module.name_option and not module.finds_by_name:
        args["id"] = "{{ created.%s.%s.id }}" % (one_step.label, module.kind)
    return args


def plays(service, phase, connection, out_dir, tag):
    cloud_group = "group/cloudai.control.%s" % service.cloud
    tasks = [{"name": "%s %s" % (phase, one_step.label), catalogue.by_name(one_step.module).fqcn:
              task_args(one_step, phase, service), "register": "r_" + one_step.label} for one_step in service.steps]
    if phase == "update":  # the ids of what the create phase made, for the modules that cannot find it by name
        tasks.insert(0, {"name": "The results of the create phase", "ansible.builtin.set_fact": {
            "created": "{{ lookup('ansible.builtin.file', '%s/' ~ inventory_hostname ~ '-create.json') | from_json }}"
                       % out_dir}})
    everything = ", ".join("'%s': r_%s" % (s.label, s.label) for s in service.steps)
    tasks.append({"name": "Keep the results", "ansible.builtin.copy": {
        "content": "{{ {%s} | to_json }}" % everything, "dest": "%s/{{ inventory_hostname }}-%s.json" % (out_dir, tag)},
        "check_mode": False, "changed_when": False})
    return [{"name": "%s %s" % (service.name, phase), "hosts": "reliability", "gather_facts": False,
             "module_defaults": {cloud_group: connection}, "tasks": tasks}]


def host_names():
    return ["rel-%d" % number for number in range(HOSTS)]


def expected_names(service, phase):
    """(module, name) of every resource that must exist after the phase, and of those that must not."""
    present, absent = [], []
    for one_step in service.steps:
        if isinstance(one_step, Resource) and service.store_kinds.get(one_step.module):
            gone = phase == "update" and one_step.update == ABSENT
            for host in host_names():
                (absent if gone else present).append((one_step.module, "%s-%s" % (host, one_step.label.replace("_", "-"))))
    return present, absent


def count(handle, service, phase):
    present, absent = expected_names(service, phase)
    live = {}
    for module, fields in records(handle, service):
        if fields.get("lifecycleState") not in service.gone_states:
            live.setdefault((module, fields.get(service.name_field_of(module))), []).append(fields)
    found = [key for key in present if key in live]
    duplicates = sum(len(items) - 1 for items in live.values() if len(items) > 1)
    leftovers = [key for key in absent if key in live]
    unexpected = [key for key in live if key not in present]
    return dict(expected=len(present), found=len(found), duplicates=duplicates, leftovers=len(leftovers),
                unexpected=len(unexpected)), live


def snake_to_camel(value):
    """Update options in OCI's wire form: keys camelCase, tag dictionaries as they are."""
    if not isinstance(value, dict):
        return value
    return dict((_camel(key), item if key.endswith("tags") else snake_to_camel(item)) for key, item in value.items())


def _camel(name):
    head, dummy, rest = name.partition("_")
    return head + "".join(part.capitalize() for part in rest.split("_")) if rest else head


def holds(have, want):
    if isinstance(want, dict):
        return isinstance(have, dict) and all(holds(have.get(key), item) for key, item in want.items())
    return have == want


def updates_applied(service, live):
    """Steps whose update options the records do not show. Options of a module's part (such as a Fabric model's
    versions, which are not fields of the record) are proven by the re-run instead: it would change them again."""
    wrong = []
    for one_step in service.steps:
        if isinstance(one_step, Resource) and isinstance(one_step.update, dict):
            fields = catalogue.by_name(one_step.module).described.fields
            update = dict((option, value) for option, value in one_step.update.items()
                          if option not in fields or fields[option].wire)
            want = snake_to_camel(update) if service.cloud == "oci" else update
            for host in host_names():
                name = "%s-%s" % (host, one_step.label.replace("_", "-"))
                for fields in live.get((one_step.module, name), []):
                    if not holds(fields, want):
                        wrong.append((name, want))
    return wrong


def results(out_dir, tag):
    merged = {}
    for host in host_names():
        with open("%s/%s-%s.json" % (out_dir, host, tag)) as handle:
            for label, result in json.load(handle).items():
                merged["%s/%s" % (host, label)] = result
    return merged


@pytest.mark.parametrize("service", SERVICES, ids=lambda service: service.name)
def test_playbooks_converge_exactly_under_faults_and_rerun_unchanged(service, start, tmp_path):
    for module in catalogue.modules():
        catalogue.service_of(module)  # every module has scenario data, or this fails saying what to add
    emulated = start(delay=DELAY)
    put_objects(emulated.url, service)
    connection = emulated.credentials.args(service.cloud)
    env = playbook_env(tmp_path, ANSIBLE_FORKS=str(HOSTS))
    emulated.admin.faults(fault_rules(service), seed=SEED)
    figures = dict(service=service.name, hosts=HOSTS, steps=len(service.steps))

    def run(phase, tag, *args):
        outcome = run_playbook(tmp_path, plays(service, phase, connection, tmp_path, tag), host_names(), args, env)
        assert not TRACEBACK.search(outcome.output), outcome.output[-5000:]
        assert outcome.returncode == 0 and outcome.failed() == 0, "%s run failed:\n%s" % (tag, outcome.output[-8000:])
        figures["seconds_" + tag] = round(outcome.seconds, 1)
        return outcome

    created = run("create", "create")
    assert created.changed() > 0
    counted, live = count(emulated.handle, service, "create")
    assert counted["found"] == counted["expected"] and counted["duplicates"] == 0 and counted["unexpected"] == 0, counted
    figures.update(("create_" + key, value) for key, value in counted.items())
    figures["create_changed"] = created.changed()
    figures["create_rerun_changed"] = run("create", "create-again").changed()
    assert figures["create_rerun_changed"] == 0

    since = emulated.admin.last_seq()
    checked = run("update", "update-check", "--check", "--diff")
    figures["check_mutating"] = len(emulated.admin.mutating(since))
    assert figures["check_mutating"] == 0, emulated.admin.mutating(since)
    updated = run("update", "update", "--diff")
    predicted, real = results(tmp_path, "update-check"), results(tmp_path, "update")
    mismatched = [key for key in real if (predicted[key].get("changed"), predicted[key].get("diff"))
                  != (real[key].get("changed"), real[key].get("diff"))]
    assert mismatched == [], [(key, predicted[key].get("diff"), real[key].get("diff")) for key in mismatched]
    assert checked.changed() == updated.changed() > 0
    figures.update(update_changed=updated.changed(), check_predicted_changed=checked.changed(),
                   check_tasks_compared=len(real), check_mismatched=len(mismatched))
    counted, live = count(emulated.handle, service, "update")
    assert counted["found"] == counted["expected"] and counted["duplicates"] == 0 and counted["leftovers"] == 0, counted
    assert counted["unexpected"] == 0 and updates_applied(service, live) == [], (counted, updates_applied(service, live))
    figures.update(("update_" + key, value) for key, value in counted.items())
    figures["update_rerun_changed"] = run("update", "update-again").changed()
    assert figures["update_rerun_changed"] == 0

    faults = emulated.admin.get("/faults")["faults"]
    log = [entry for entry in emulated.admin.requests_log() if entry["service"] == service.name]
    figures["requests"] = len(log)
    figures["mutating_requests"] = len([entry for entry in log if entry["mutating"]])
    figures["faults"] = {}
    for rule in faults:
        kind = rule["kind"] + (" %s" % rule["status"] if rule.get("status") else "")
        figures["faults"][kind] = figures["faults"].get(kind, 0) + rule["injected"]
    figures["faults_injected"] = sum(rule["injected"] for rule in faults)
    assert figures["faults_injected"] == len([entry for entry in log if entry["fault"]]) > 0
    assert all(figures["faults"].values()), figures["faults"]  # every kind of fault was injected at least once
    record("faults", **figures)
