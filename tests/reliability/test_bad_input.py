"""Bad input, property-based: for every option and sub-option of every module, hypothesis generates bad values
(wrong types, empty and overlong strings, bad ids, regions and endpoints, malformed tags and nested options,
unknown enum values, unknown options). Put into options that work (the module succeeds with them first), each must
give a clean failure whose message names the option: no Python traceback, and no request sent."""

from unittest import mock

import pytest
import requests
from hypothesis import HealthCheck, given, settings

from reliability import bad_values, catalogue
from reliability.harness import SYSLOG_NUL, Converged, has_traceback, mode, record, run_module

EXAMPLES = mode(short=5, full=100)  # per option and sub-option


class Refused(Exception):
    pass


def good_options(module, emulated, diff=False):
    """Options the module succeeds with against the emulator, the OCID type of its own resources, and the result of
    the module's first run with them (in diff mode with ``diff``)."""
    service = catalogue.service_of(module)
    run = Converged(service, emulated.credentials, "bad-input")
    if module.resource:
        subject = catalogue.subject(module)
        run.converge(catalogue.prerequisites(service, [subject.label]))
        args = run.args(subject)
    else:
        arg_set = catalogue.option_sets(module)[-1]
        run.converge(catalogue.needed(service, catalogue.refs_in(arg_set)))
        args = dict(emulated.credentials.args(module.cloud), **catalogue.render(arg_set, run.name_of, run.ids.__getitem__))
    result = run_module(module.name, args, diff=diff)
    assert not result.get("failed"), "%s fails with its good options: %s" % (module.name, result.get("msg"))
    found = result.get(module.kind) if module.resource or module.action else (result.get(module.plural) or [None])[0]
    own_id = (found or {}).get("id") if not module.action else None
    return args, (own_id.split(".")[1] if own_id and module.cloud == "oci" else None), result


def refused_by_syslog(case, result):
    """AnsibleModule logs its arguments to syslog before the module's code runs, and a value with a NUL character fails
    that log (seen with ansible-core 2.21 on Python 3.12): ansible-core refuses the task before the module can name
    the option, cleanly (no request, no traceback, no value in the message)."""
    return "\\x00" in repr(case) and result.get("msg", "").startswith(SYSLOG_NUL)


@pytest.mark.parametrize("module", catalogue.modules(), ids=str)
def test_bad_values_fail_cleanly_naming_the_option_before_any_request(module, emulated):
    args, own_type, _result = good_options(module, emulated)
    service = catalogue.service_of(module)
    sent = []

    def refuse(*call, **options):
        sent.append(call[1:3])
        raise Refused("the bad-input suite allows no request")

    tried, all_sent = [], []
    with mock.patch.object(requests.Session, "request", refuse):  # what the transport sends through, once signed
        for path, strategy in sorted(bad_values.cases(module, service, own_type).items()):
            @settings(max_examples=EXAMPLES, deadline=None, database=None,
                      suppress_health_check=[HealthCheck.filter_too_much, HealthCheck.too_slow])
            @given(case=strategy)
            def fails_cleanly(case):
                del sent[:]
                result = run_module(module.name, case.apply(args, module.argspec))
                tried.append(case)
                all_sent.extend(sent)
                assert sent == [], "%s with %r sent %s" % (module.name, case, sent)
                assert not has_traceback(result), "%s with %r: %s" % (module.name, case, result)
                assert result.get("failed") is True, "%s accepted %r: %s" % (module.name, case, result)
                assert case.named_in(result.get("msg")) or refused_by_syslog(case, result), (
                    "%s with %r: the message does not name %s: %s" % (
                        module.name, case, " and ".join(case.words), result.get("msg")))

            fails_cleanly()
    record("bad_input", module=module.name, options=len(bad_values.cases(module, service, own_type)), tried=len(tried),
           requests=len(all_sent))
