"""The groups of demos/src/split.rs's wasm modules, read by split_wasm.py (which hands them to
wasm-split-cli, tools/wasm-split-chunks.patch) and by size.py (a demo's page is a group's).

`group=module,module` or `group` (a group of one module). What several groups share is in the main
module. The code a group shares only with the modules in no group (the tour, the exercises, the
project), which reach every demo's model, is a chunk of that group's, so a demo's page does not
fetch the other groups'. The HCL parser's module is only ever fetched on IaC drift's page, so it
goes with iac. Every other demo is a group of one: its page fetches no other demo's code
(docs/measured.md, session 24).
"""
SPEC = ("service_models vm_vs_container rolling_deploy iac=iac,hcl autoscaling failure_drill "
        "availability cost cache_cdn rate_limiting serverless multi_region")
DEMO_GROUPS = tuple(group.split("=")[0] for group in SPEC.split())
