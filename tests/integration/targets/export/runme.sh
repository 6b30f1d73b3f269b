#!/usr/bin/env bash
# The playbook cloudai.control.export writes a playbook that recreates what a compartment and a Fabric workspace
# hold: run against an empty emulator it recreates them, its second run changes nothing, and exporting again gives
# the same playbook.
set -eux
run() { ANSIBLE_ROLES_PATH=.. ansible-playbook -i "${INVENTORY_PATH}" -e @../../integration_config.yml "$@"; }
eval "$(python3 -c '
import sys, yaml
c = yaml.safe_load(open("../../integration_config.yml"))
print("export OCI_CONFIG_FILE=%s CLOUDAI_OCI_ENDPOINT=%s CLOUDAI_HUAWEICLOUD_ENDPOINT=%s" % (c["oci_config_file"], c["emulator_url"], c["emulator_url"]))
print("export HUAWEICLOUD_SDK_AK=%s HUAWEICLOUD_SDK_SK=%s HUAWEICLOUD_SDK_PROJECT_ID=%s" % (c["huawei_ak"], c["huawei_sk"], c["huawei_project_id"]))
')"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

run setup.yml -e export_work="$WORK"
export_both() {
    run cloudai.control.export -e export_compartment_id=ocid1.compartment.oc1..aaaaaaaaexportcompartment \
        -e "export_dest=$WORK/compartment-$1.yml"
    run cloudai.control.export -e "export_workspace_id=$(cat "$WORK/workspace_id")" -e "export_dest=$WORK/workspace-$1.yml"
}
export_both first
grep -q "description: exported" "$WORK/compartment-first.yml"  # the project in full, not its summary
cat "$WORK/compartment-first.yml" "$WORK/workspace-first.yml"

run reset.yml
run "$WORK/compartment-first.yml" | tee "$WORK/run-1.log"
run "$WORK/workspace-first.yml" | tee -a "$WORK/run-1.log"
grep -E "changed=[1-9]" "$WORK/run-1.log"
run "$WORK/compartment-first.yml" | tee "$WORK/run-2.log"
run "$WORK/workspace-first.yml" | tee -a "$WORK/run-2.log"
test "$(grep -cE 'changed=0 +unreachable=0 +failed=0' "$WORK/run-2.log")" = 2

run setup.yml -e export_work="$WORK" -e export_find_only=true
export_both again
diff "$WORK/compartment-first.yml" "$WORK/compartment-again.yml"
diff <(grep -v "^- name: Recreate what" "$WORK/workspace-first.yml") <(grep -v "^- name: Recreate what" "$WORK/workspace-again.yml")
