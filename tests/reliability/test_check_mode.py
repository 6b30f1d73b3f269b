"""Check mode and diff, for every module: under check mode no module sends a mutating request (the emulator's
request log says so), and each resource module's prediction of create, update and delete (``changed`` and
``diff``) is what the real run then does."""

import pytest

from reliability import catalogue
from reliability.harness import Converged, has_traceback, record, run_module
from reliability.scenarios import ABSENT, Name, Resource


def update_step(module):
    """The first step of the module whose update phase changes options (not ABSENT)."""
    service = catalogue.service_of(module)
    found = [s for s in service.steps if isinstance(s, Resource) and s.module == module.name and isinstance(s.update, dict)]
    if not found:
        raise AssertionError("%s: no Resource step in scenarios.py has update options (a dict) to check updates with"
                             % module.name)
    return found[0]


@pytest.mark.parametrize("module", catalogue.resource_modules(), ids=str)
def test_check_mode_predicts_create_update_and_delete(module, emulated):
    service = catalogue.service_of(module)
    subject = update_step(module)
    run = Converged(service, emulated.credentials, "check-%s" % module.name)
    run.converge(catalogue.prerequisites(service, [subject.label]))
    phases = [("create", run.args(subject)), ("update", run.args(subject, subject.update)),
              ("delete", run.args(subject, {"state": "absent"}))]
    mutating_seen = matched = 0
    for phase, args in phases:
        since = emulated.admin.last_seq()
        predicted = run_module(module.name, args, check=True, diff=True)
        mutating = emulated.admin.mutating(since)
        mutating_seen += len(mutating)
        real = run_module(module.name, args, diff=True)
        again = run_module(module.name, args, check=True, diff=True)
        for result in (predicted, real, again):
            assert not result.get("failed") and not has_traceback(result), "%s %s: %s" % (module.name, phase, result.get("msg"))
        assert mutating == [], "%s %s in check mode sent %s" % (module.name, phase, mutating)
        assert predicted["changed"] is True and real["changed"] is True, (phase, predicted["changed"], real["changed"])
        assert predicted["diff"] == real["diff"], "%s %s: check mode predicted %s, the real run did %s" % (
            module.name, phase, predicted["diff"], real["diff"])
        assert predicted[module.kind] is not None if phase != "delete" else predicted[module.kind] is None
        assert again["changed"] is False, "%s %s: check mode after the real run still predicts a change" % (module.name, phase)
        matched += 1
    record("check_mode", module=module.name, kind="resource", runs=len(phases) * 2, mutating=mutating_seen,
           predictions=len(phases), matched=matched)


@pytest.mark.parametrize("module", catalogue.info_modules(), ids=str)
def test_info_module_in_check_mode_lists_without_mutating(module, emulated):
    service = catalogue.service_of(module)
    arg_sets = service.info.get(module.name)
    assert arg_sets, "%s: no option sets in its service's info (scenarios.py)" % module.name
    labels = set(label for args in arg_sets for label in catalogue.refs_in(args) + names_in(args))
    run = Converged(service, emulated.credentials, "info-%s" % module.name)
    run.converge(catalogue.prerequisites(service, labels) + [s for s in service.steps if s.label in labels])
    since = emulated.admin.last_seq()
    for args in arg_sets:
        result = run_module(module.name, dict(emulated.credentials.args(module.cloud),
                                              **catalogue.render(args, run.name_of, run.ids.__getitem__)), check=True)
        assert not result.get("failed") and not has_traceback(result), "%s: %s" % (module.name, result.get("msg"))
        assert result["changed"] is False and isinstance(result[module.plural], list) and result[module.plural], result
    mutating = emulated.admin.mutating(since)
    assert mutating == [], "%s in check mode sent %s" % (module.name, mutating)
    record("check_mode", module=module.name, kind="info", runs=len(arg_sets), mutating=len(mutating))


def names_in(value):
    if isinstance(value, Name):
        return [value.label]
    if isinstance(value, dict):
        return [label for item in value.values() for label in names_in(item)]
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
