"""Bad answers, for every module: the emulator answers with bodies that are not JSON, truncated JSON, objects
without the fields the API defines and HTML error pages. Each module fails with a clear message naming what was
wrong (no traceback, no guess: a list answer without its items is never taken for an empty list, so nothing is
created twice); when a create's own answer was spoilt, running the task again finds the resource it made. Extra,
unknown fields are ignored and passed on."""

import pytest

from reliability import catalogue
from reliability.harness import Converged, has_traceback, records, record, run_module

SPOILT = {
    "malformed": "not valid JSON",
    "truncated": "not valid JSON",
    "unexpected_fields": "not an object with a list of objects under|not a resource object with an 'id'",
    "html": "HTML page",
}


def options_of(module, emulated):
    """(Converged, the module's options) with what the options refer to already there."""
    service = catalogue.service_of(module)
    run = Converged(service, emulated.credentials, "answers")
    if module.resource:
        subject = catalogue.subject(module)
        run.converge(catalogue.prerequisites(service, [subject.label]))
        return run, run.args(subject, {"retries": 1})
    args = service.info[module.name][-1]
    labels = catalogue.refs_in(args)
    run.converge(catalogue.prerequisites(service, labels) + [s for s in service.steps if s.label in labels])
    return run, dict(emulated.credentials.args(module.cloud), retries=1,
                     **catalogue.render(args, run.name_of, run.ids.__getitem__))


def live_named(emulated, service, module, name):
    return [fields for kind, fields in records(emulated.handle, service)
            if kind == module.name and fields.get(service.name_field) == name
            and fields.get("lifecycleState") not in service.gone_states]


@pytest.mark.parametrize("kind", sorted(SPOILT))
@pytest.mark.parametrize("module", catalogue.modules(), ids=str)
def test_spoilt_reads_fail_clearly_and_change_nothing(module, kind, emulated):
    service = catalogue.service_of(module)
    dummy, args = options_of(module, emulated)
    since = emulated.admin.last_seq()
    emulated.admin.faults([{"kind": kind, "service": service.name, "methods": ["GET"]}])
    result = run_module(module.name, args)
    assert not has_traceback(result), result
    assert result.get("failed") is True, "%s took a %s answer: %s" % (module.name, kind, result)
    assert any(phrase in result["msg"] for phrase in SPOILT[kind].split("|")), result["msg"]
    assert "GET " in result["msg"] and emulated.url in result["msg"], result["msg"]
    assert emulated.admin.mutating(since) == [], "%s acted on a %s answer" % (module.name, kind)
    record("bad_answers", module=module.name, kind=kind, clean=1)


@pytest.mark.parametrize("kind", sorted(SPOILT))
@pytest.mark.parametrize("module", catalogue.resource_modules(), ids=str)
def test_spoilt_create_answer_fails_clearly_and_the_rerun_finds_the_resource(module, kind, emulated):
    service = catalogue.service_of(module)
    run, args = options_of(module, emulated)
    emulated.admin.faults([{"kind": kind, "service": service.name, "methods": ["POST"]}])
    result = run_module(module.name, args)
    assert not has_traceback(result), result
    assert result.get("failed") is True, "%s took a %s answer to its create: %s" % (module.name, kind, result)
    assert any(phrase in result["msg"] for phrase in SPOILT[kind].split("|")), result["msg"]
    emulated.admin.faults([])
    again = run_module(module.name, args)
    assert not again.get("failed"), again.get("msg")
    name = args[module.name_option]
    assert len(live_named(emulated, service, module, name)) == 1, "%s: %s made a duplicate" % (module.name, kind)
    if kind != "html":  # the first create reached the service: the second run found it
        assert again["changed"] is False, again
    record("bad_answers", module=module.name, kind=kind + " (create)", clean=1)


@pytest.mark.parametrize("module", catalogue.modules(), ids=str)
def test_extra_fields_are_ignored_and_passed_on(module, emulated):
    service = catalogue.service_of(module)
    dummy, args = options_of(module, emulated)
    emulated.admin.faults([{"kind": "extra_fields", "service": service.name}])
    result = run_module(module.name, args)
    assert not result.get("failed"), result.get("msg")
    found = result[module.kind] if module.resource else result[module.plural][0]
    assert found["unexpected_field"] == "added by the emulator"
    assert sum(rule["injected"] for rule in emulated.admin.get("/faults")["faults"]) > 0
