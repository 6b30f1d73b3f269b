"""Check mode and diff, for every module: under check mode no module sends a mutating request (the emulator's
request log says so), and each resource module's prediction of create, update and delete (``changed`` and
``diff``) is what the real run then does; an analysis under check mode answers what the real run answers and
writes nothing.

What a resource module goes through follows what it manages: a module that creates starts with a create (one that
follows a work request given by id starts by following it, which changes nothing); one whose resource can change
is updated; every one deletes or cancels. A resource the service cannot list (a batch job) is found by the id its
start returned once it is started. Finished work (a job that succeeded, a work request that is done) cannot be
cancelled: for such modules what they follow is made slow (the emulator's lifecycles take LONG emulated
seconds) and nothing waits for it."""

import pytest

from reliability import catalogue
from reliability.harness import Converged, has_traceback, record, run_module
from reliability.scenarios import ABSENT, Name, Resource

LONG = 600  # emulated seconds of a lifecycle transition that must still be in flight


def prepare(module, subject, service, emulated, run):
    """Converge what the subject needs; return options every phase adds (no waiting for work kept in flight)."""
    before = catalogue.prerequisites(service, [subject.label])
    if not module.done_when_ready:
        run.converge(before)
        return {}
    creating = [s for s in before + [subject] if isinstance(s, Resource) and catalogue.by_name(s.module).name_option]
    assert creating, "%s: nothing in its steps makes the work it follows (scenarios.py)" % module.name
    slow = creating[-1]  # the subject itself (a job), or what made the work request it follows
    steps = before + [subject]
    run.converge(steps[:steps.index(slow)])
    emulated.admin.settings(delay=LONG)
    if slow is not subject:
        run.run(slow, {"wait": False})
        run.converge(steps[steps.index(slow) + 1:-1])
    return {"wait": False}


@pytest.mark.parametrize("module", catalogue.resource_modules(), ids=str)
def test_check_mode_predicts_create_update_and_delete(module, emulated):
    service = catalogue.service_of(module)
    subject = catalogue.update_step(module)
    run = Converged(service, emulated.credentials, "check")
    extra = prepare(module, subject, service, emulated, run)
    phases = [("create" if module.name_option else "follow", extra, bool(module.name_option))]
    if module.changeable:
        phases.append(("update", dict(extra, **subject.update), True))
    phases.append(("delete", dict(extra, state="absent"), True))
    mutating_seen = matched = 0
    resource_id = None
    for phase, options, changes in phases:
        args = run.args(subject, options)
        if resource_id and not module.finds_by_name:
            args["id"] = resource_id  # what its start returned: the service cannot find it by name
        since = emulated.admin.last_seq()
        predicted = run_module(module.name, args, check=True, diff=True)
        mutating = emulated.admin.mutating(since)
        mutating_seen += len(mutating)
        real = run_module(module.name, args, diff=True)
        resource_id = resource_id or (real.get(module.kind) or {}).get("id")
        if resource_id and not module.finds_by_name:
            args["id"] = resource_id
        again = run_module(module.name, args, check=True, diff=True)
        for result in (predicted, real, again):
            assert not result.get("failed") and not has_traceback(result), "%s %s: %s" % (module.name, phase, result.get("msg"))
        assert mutating == [], "%s %s in check mode sent %s" % (module.name, phase, mutating)
        assert predicted["changed"] is changes and real["changed"] is changes, (phase, predicted["changed"], real["changed"])
        assert predicted["diff"] == real["diff"], "%s %s: check mode predicted %s, the real run did %s" % (
            module.name, phase, predicted["diff"], real["diff"])
        assert predicted[module.kind] is not None if phase != "delete" else predicted[module.kind] is None
        assert again["changed"] is False, "%s %s: check mode after the real run still predicts a change" % (module.name, phase)
        matched += 1
    record("check_mode", module=module.name, kind="resource", runs=len(phases) * 2, mutating=mutating_seen,
           predictions=len(phases), matched=matched)


def converged_for(module, service, emulated, arg_sets):
    labels = set(label for args in arg_sets for label in catalogue.refs_in(args) + names_in(args))
    run = Converged(service, emulated.credentials, "info")
    run.converge(catalogue.needed(service, labels))
    return run


@pytest.mark.parametrize("module", catalogue.info_modules(), ids=str)
def test_info_module_in_check_mode_lists_without_mutating(module, emulated):
    service = catalogue.service_of(module)
    arg_sets = catalogue.option_sets(module)
    run = converged_for(module, service, emulated, arg_sets)
    since = emulated.admin.last_seq()
    for args in arg_sets:
        result = run_module(module.name, dict(emulated.credentials.args(module.cloud),
                                              **catalogue.render(args, run.name_of, run.ids.__getitem__)), check=True)
        assert not result.get("failed") and not has_traceback(result), "%s: %s" % (module.name, result.get("msg"))
        assert result["changed"] is False and isinstance(result[module.plural], list) and result[module.plural], result
    mutating = emulated.admin.mutating(since)
    assert mutating == [], "%s in check mode sent %s" % (module.name, mutating)
    record("check_mode", module=module.name, kind="info", runs=len(arg_sets), mutating=len(mutating))


@pytest.mark.parametrize("module", catalogue.action_modules(), ids=str)
def test_analysis_in_check_mode_answers_as_the_real_run_and_writes_nothing(module, emulated):
    """An analysis changes nothing but what it is told to write (a document's result into Object Storage): under
    check mode it answers the same and writes nothing."""
    service = catalogue.service_of(module)
    arg_sets = catalogue.option_sets(module)
    run = converged_for(module, service, emulated, arg_sets)
    since = emulated.admin.last_seq()
    matched = 0
    for args in arg_sets:
        args = dict(emulated.credentials.args(module.cloud), **catalogue.render(args, run.name_of, run.ids.__getitem__))
        stored = emulated.admin.get("/objects")["objects"]
        predicted = run_module(module.name, args, check=True, diff=True)
        assert emulated.admin.get("/objects")["objects"] == stored, "%s wrote to Object Storage in check mode" % module.name
        real = run_module(module.name, args, diff=True)
        for result in (predicted, real):
            assert not result.get("failed") and not has_traceback(result), "%s: %s" % (module.name, result.get("msg"))
            assert result["changed"] is False and result[module.kind], result
        assert predicted[module.kind] == real[module.kind], "%s: check mode answered otherwise than the real run" % module.name
        matched += 1
    mutating = emulated.admin.mutating(since)
    assert mutating == [], "%s sent %s" % (module.name, mutating)
    record("check_mode", module=module.name, kind="action", runs=len(arg_sets), mutating=len(mutating),
           predictions=len(arg_sets), matched=matched)


def names_in(value):
    if isinstance(value, Name):
        return [value.label]
    if isinstance(value, dict):
        return [label for item in value.values() for label in names_in(item)]
    if isinstance(value, list):
        return [label for item in value for label in names_in(item)]
    return []


def test_steps_deleted_by_the_update_phase_are_leaves():
    """Scenario data check: nothing that stays refers to a step the update phase deletes (ABSENT)."""
    for module in catalogue.resource_modules():
        service = catalogue.service_of(module)
        catalogue.subject(module)
        deleted = set(s.label for s in service.steps if isinstance(s, Resource) and s.update == ABSENT)
        for one_step in service.steps:
            if one_step.label not in deleted:
                assert not deleted.intersection(catalogue.refs_in(catalogue.step_args(one_step))), one_step.label
