#!/usr/bin/env bash
# This target has the name of the collection role it tests, and ansible-test's own play (roles: [vision_custom_model])
# would run the collection's role instead of the target: run the target's tasks from a playbook instead.
set -eux
ANSIBLE_ROLES_PATH=.. ansible-playbook -i "${INVENTORY_PATH}" -e @../../integration_config.yml playbook.yml "$@"
