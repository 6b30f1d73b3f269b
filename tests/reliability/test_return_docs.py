"""Every key a module returns is documented in its RETURN: each module is run against the emulator with options that
work (the resource created, then converged again; the info modules over it), and every key of the result, and of the
documented dicts and lists of dicts in it (``contains``), must be in the documentation."""

import pytest
import yaml

from reliability import catalogue
from reliability.harness import run_module
from reliability.test_bad_input import good_options

# what Ansible and every module add to a result, documented by Ansible rather than by each module
COMMON_KEYS = {"changed", "failed", "msg", "warnings", "deprecations", "invocation", "diff"}


def undocumented(value, doc, path):
    """Dotted paths of the keys in ``value`` that ``doc`` (a RETURN entry's ``contains``) does not document."""
    found = []
    items = value if isinstance(value, list) else [value]
    for item in items:
        if not isinstance(item, dict):
            continue
        for key, inner in item.items():
            if key not in doc:
                found.append(path + key)
            elif doc[key].get("contains") and inner is not None:
                found.extend(undocumented(inner, doc[key]["contains"], path + key + "."))
    return sorted(set(found))


@pytest.mark.parametrize("module", catalogue.modules(), ids=str)
def test_every_returned_key_is_documented(module, emulated):
    args, _own_type, first = good_options(module, emulated, diff=True)
    again = run_module(module.name, args, diff=True)
    assert not again.get("failed"), again.get("msg")
    returned = yaml.safe_load(__import__("%s.%s" % (catalogue.PACKAGE, module.name), fromlist=["RETURN"]).RETURN)
    for result in (first, again):
        top = sorted(set(result) - COMMON_KEYS - set(returned))
        assert top == [], "%s returns %s, which its RETURN does not document" % (module.name, ", ".join(top))
        nested = [path for key, doc in returned.items() if doc.get("contains") and result.get(key) is not None
                  for path in undocumented(result[key], doc["contains"], key + ".")]
        assert nested == [], "%s returns %s, which its RETURN does not document" % (module.name, ", ".join(nested))
