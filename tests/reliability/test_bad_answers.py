"""Bad answers, for every module: the emulator answers with bodies that are not JSON, truncated JSON, objects
without the fields the API defines and HTML error pages. Each module fails with a clear message naming what was
wrong (no traceback, no guess: a list answer without its items is never taken for an empty list, so nothing is
created twice); when a create's own answer was spoilt, the module fails clearly or (where the cloud has no retry
tokens) looks the name up, and running the task again finds the resource it made. Extra, unknown fields are
ignored and passed on. Hostile answers, whose ids and id headers are crafted (placeholders, path syntax, an OCID
naming another host), never put those ids into a path or a host: the module refuses them, naming the answer."""

import re
from urllib.parse import unquote

import pytest

from ansible_collections.cloudai.control.plugins.module_utils.behaviours import FRESH_START_WINDOW
from emulator.config import TEST_HUAWEI_SK
from reliability import catalogue
from reliability.harness import Converged, has_traceback, mode, paired, records, record, run_module

SPOILT = {
    "malformed": "not valid JSON",
    "truncated": "not valid JSON",
    "unexpected_fields": "not an object with a list of objects under|not a resource object with its '|not an analysis result",
    "html": "HTML page",
}


def options_of(module, emulated):
    """(Converged, the module's options) with what the options refer to already there. A resource the service cannot
    find by name (a batch job) is read by the id its start returned: without it the module's first request starts
    one."""
    service = catalogue.service_of(module)
    run = Converged(service, emulated.credentials, "answers")
    if module.resource:
        subject = catalogue.subject(module)
        run.converge(catalogue.prerequisites(service, [subject.label]))
        args = run.args(subject, {"retries": 1})
        if module.name_option and not module.finds_by_name:
            args["id"] = run.run(subject)[module.kind]["id"]
        elif module.id_key != "id":  # read by its name, which answers 404 until it exists
            run.run(subject)
        return run, args
    args = catalogue.option_sets(module)[-1]
    run.converge(catalogue.needed(service, catalogue.refs_in(args)))
    return run, dict(emulated.credentials.args(module.cloud), retries=1,
                     **catalogue.render(args, run.name_of, run.ids.__getitem__))


def read_method(module):
    """How the module asks: an action as it says (an analysis posts what it asks about), everything else with GET."""
    return module.described.reads if module.action else "GET"


def live_named(emulated, service, module, name):
    return [fields for kind, fields in records(emulated.handle, service)
            if kind == module.name and fields.get(service.name_field_of(module.name)) == name
            and fields.get("lifecycleState") not in service.gone_states]


@pytest.mark.parametrize("module, kind", paired(catalogue.modules(), sorted(SPOILT)), ids=str)
def test_spoilt_reads_fail_clearly_and_change_nothing(module, kind, emulated):
    if module.action and not module.described.answer_fields:
        pytest.skip("the service's answer has no fields (a health check): any 200 body means the same, and an error "
                    "page is its answer 'unhealthy'")
    service = catalogue.service_of(module)
    dummy, args = options_of(module, emulated)
    since = emulated.admin.last_seq()
    emulated.admin.faults([{"kind": kind, "service": service.name, "methods": [read_method(module)]}])
    result = run_module(module.name, args)
    assert not has_traceback(result), result
    assert result.get("failed") is True, "%s took a %s answer: %s" % (module.name, kind, result)
    assert any(phrase in result["msg"] for phrase in SPOILT[kind].split("|")), result["msg"]
    assert read_method(module) + " " in result["msg"] and emulated.url in result["msg"], result["msg"]
    assert emulated.admin.mutating(since) == [], "%s acted on a %s answer" % (module.name, kind)
    record("bad_answers", module=module.name, kind=kind, clean=1)


@pytest.mark.parametrize("module, kind", paired([module for module in catalogue.resource_modules() if module.name_option],
                                                sorted(SPOILT)), ids=str)
def test_spoilt_create_answer_fails_clearly_or_is_looked_up_and_the_rerun_finds_the_resource(module, kind, emulated):
    """Every module that creates (one that follows a work request given by id creates nothing). A client that cannot
    repeat a create safely (Huawei: no retry tokens) looks the name up after an answer it cannot read; it must then
    have made exactly the one resource it returns."""
    service = catalogue.service_of(module)
    run = Converged(service, emulated.credentials, "answers")
    subject = catalogue.subject(module)
    run.converge(catalogue.prerequisites(service, [subject.label]))
    args = run.args(subject, {"retries": 1})
    emulated.admin.faults([{"kind": kind, "service": service.name, "methods": ["POST"]}])
    since = emulated.admin.last_seq()
    result = run_module(module.name, args)
    assert not has_traceback(result), result
    name = args[module.name_option]
    if not result.get("failed"):  # a client without retry tokens (Huawei) looks the name up instead of trusting it
        log = emulated.admin.requests_log(since)
        creates = [entry for entry in log if entry["method"] == "POST"]  # a behaviour may post more (a workspace's tags)
        posts = [entry["seq"] for entry in creates if entry["path"] == creates[0]["path"]]
        assert len(posts) == 1 and any(entry["method"] == "GET" and entry["seq"] > posts[0] for entry in log), (
            "%s took a %s answer to its create: %s" % (module.name, kind, log))
        live = live_named(emulated, service, module, name)
        assert result["changed"] is True and [fields["id"] for fields in live] == [result[module.kind]["id"]], result
    else:
        assert any(phrase in result["msg"] for phrase in SPOILT[kind].split("|")), result["msg"]
    emulated.admin.faults([])
    # the task runs again later (a start-once job tells a later run from its own retry by the service's clock)
    emulated.handle.emulator.clock.advance(FRESH_START_WINDOW + 1)
    again = run_module(module.name, args)
    assert not again.get("failed"), again.get("msg")
    assert len(live_named(emulated, service, module, name)) == 1, "%s: %s made a duplicate" % (module.name, kind)
    if kind != "html":  # the first create reached the service: the second run found it
        assert again["changed"] is False, again
    record("bad_answers", module=module.name, kind=kind + " (create)", clean=1, recovered=not result.get("failed"))


@pytest.mark.parametrize("module", catalogue.modules(), ids=str)
def test_extra_fields_are_ignored_and_passed_on(module, emulated):
    if module.action and not module.described.answer_fields:
        pytest.skip("the service's answer has no fields to add one to (a health check)")
    service = catalogue.service_of(module)
    dummy, args = options_of(module, emulated)
    emulated.admin.faults([{"kind": "extra_fields", "service": service.name}])
    result = run_module(module.name, args)
    assert not result.get("failed"), result.get("msg")
    found = result[module.kind] if module.resource or module.action else result[module.plural][0]
    # passed on as the module returns keys: converted to snake_case from camelCase wires, as sent from snake_case ones
    wire_case = getattr(module.described, "wire_case", "snake" if module.cloud == "huaweicloud" else "camel")
    key = "unexpectedField" if wire_case == "snake" else "unexpected_field"
    assert found[key] == "added by the emulator", found
    assert sum(rule["injected"] for rule in emulated.admin.get("/faults")["faults"]) > 0


# crafted ids a service (or whoever answers in its name) may send: placeholders that str.format would fill with an
# option (the SK), path and query syntax, and for OCI an OCID whose region names another host
HOSTILE_IDS = {
    "oci": ["ocid1.x.oc1.x@127.0.0.1:1/#.aaa", "{sk}", "../x", "a?b", "a/b"],
    "huaweicloud": ["{sk}", "{0}", "../x", "a?b", "a/b", "ocid1.x.oc1.x@127.0.0.1:1/#.aaa"],
}


def hostile_cases():
    return [(module, value) for module in catalogue.modules()
            for value in mode(HOSTILE_IDS[module.cloud][:2], HOSTILE_IDS[module.cloud])]


@pytest.mark.parametrize("module, value", hostile_cases(), ids=str)
def test_hostile_ids_in_answers_never_enter_a_path_or_pick_a_host(module, value, emulated):
    """Every answer of the service carries a crafted id (every ``id`` of its bodies, its work request and next page
    headers). The module may return what it read, but an id that is not one of the cloud never goes into a request:
    it fails naming the answer, sends nothing that changes anything, and no request's path holds the crafted id or
    the secret key. Resource modules are asked to delete what exists, so that they act on the ids they read (finished
jobs and work requests have nothing left to cancel); for a resource that its name identifies, the crafted value is
its name in the answers."""
    service = catalogue.service_of(module)
    run, args = options_of(module, emulated)
    if module.resource:
        subject = catalogue.subject(module)
        if module.name_option and module.finds_by_name:
            run.run(subject)
        args = dict(args, state="absent")
    since = emulated.admin.last_seq()
    emulated.admin.faults([{"kind": "hostile_ids", "service": service.name, "value": value, "key": module.id_key}])
    result = run_module(module.name, args)
    assert not has_traceback(result), result
    log = emulated.admin.requests_log(since)
    assert [entry for entry in log if entry["mutating"]] == [], "%s acted on the id %r: %s" % (module.name, value, log)
    paths = [unquote(entry["path"]) for entry in log]
    assert not [path for path in paths if value in path or TEST_HUAWEI_SK in path or "/../" in path + "/"], paths
    if result.get("failed"):
        assert re.search(r"not an OCID|not a resource id|not the one asked for", result["msg"]), result["msg"]
    refused = bool(result.get("failed"))
    assert refused or not result.get("changed"), "%s says it changed something it could not: %s" % (module.name, result)
    record("hostile_answers", module=module.name, value=value, refused=int(refused), returned=int(not refused),
           requests=len(log), mutating=0, injected=sum(rule["injected"] for rule in emulated.admin.get("/faults")["faults"]))
