"""The groups of demos/src/split.rs's wasm modules, read by split_wasm.py (which hands them to
wasm-split-cli, tools/wasm-split-chunks.patch) and by size.py (a demo's page is a group's).

`group=module,module` or `group` (a group of one module). The code a group shares only with the
modules in no group (the tour, the exercises, the project), which reach every demo's model, is a
chunk of that group's, so a demo's page does not fetch the other groups'. The HCL parser's module
is only ever fetched on IaC drift's page, so it goes with iac.
"""
SPEC = "deploying iac=iac,hcl scaling budgets serving"
DEMO_GROUPS = tuple(group.split("=")[0] for group in SPEC.split())
