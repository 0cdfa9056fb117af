//! VM vs container: what each isolation costs in memory per host, which resource runs out
//! first, and how fast each starts.

use super::{number, Exercise, Kind};
use crate::vm_vs_container::{
    Binding, Isolation, KindOutcome, StartStep, VmVsContainerOutcome, VmVsContainerParams,
};

type P = VmVsContainerParams;
type O = VmVsContainerOutcome;

fn kind(o: &O, isolation: Isolation) -> Option<&KindOutcome> {
    o.kinds.iter().find(|k| k.kind == isolation)
}

/// The packing formula with the kind's numbers.
fn packing(o: &O, isolation: Isolation) -> String {
    let Some(k) = kind(o, isolation) else {
        return String::new();
    };
    let d = k.per_instance;
    let vcpu = d.app.vcpu + d.overhead.vcpu;
    let gib = d.app.memory_gib + d.overhead.memory_gib;
    format!(
        "Each instance needs {} vCPU and {} GiB with its overhead; the host has {} vCPU and {} \
         GiB free: ⌊{} ÷ {}⌋ = {} by CPU, ⌊{} ÷ {}⌋ = {} by memory, so {} fit ({} runs out \
         first).",
        number(vcpu),
        number(gib),
        number(o.free.vcpu),
        number(o.free.memory_gib),
        number(o.free.vcpu),
        number(vcpu),
        (o.free.vcpu / vcpu).floor(),
        number(o.free.memory_gib),
        number(gib),
        (o.free.memory_gib / gib).floor(),
        k.fits_per_host,
        match k.binding {
            Binding::Cpu => "CPU",
            Binding::Memory => "memory",
            Binding::Both => "both",
        }
    )
}

/// The startup the goal asks for, in seconds.
const START_GOAL_S: f64 = 10.0;

pub const EXERCISES: [Exercise<P, O>; 3] = [
    Exercise {
        slug: "vms-per-host",
        title: "Full VMs on one host",
        setup: |_| {},
        question: |p, o| {
            let overhead = kind(o, Isolation::FullVm).map(|k| k.per_instance.overhead);
            format!(
                "A host has {} vCPU and {} GiB, and keeps {} GiB for itself. An app instance \
                 needs {} vCPU and {} GiB; a full VM around it adds {} vCPU and {} GiB of its \
                 own. How many full VMs fit on the host?",
                number(p.host.vcpu),
                number(p.host.memory_gib),
                number(p.host_reserved.memory_gib),
                number(p.app.vcpu),
                number(p.app.memory_gib),
                number(overhead.map_or(0.0, |f| f.vcpu)),
                number(overhead.map_or(0.0, |f| f.memory_gib))
            )
        },
        kind: Kind::predict(
            |_, o| kind(o, Isolation::FullVm).map_or(0.0, |k| f64::from(k.fits_per_host)),
            0.0,
            "VMs",
        ),
        hint: "Work out how many fit by CPU and how many by memory; the smaller number wins.",
        why: |_, o| packing(o, Isolation::FullVm),
    },
    Exercise {
        slug: "containers-run-out-of",
        title: "What containers run out of",
        setup: |_| {},
        question: |_, _| {
            "Packing the same app as containers on that host, which resource runs out first?"
                .to_string()
        },
        kind: Kind::Choose {
            options: &["CPU", "Memory", "Both at the same count"],
            answer: |_, o| match kind(o, Isolation::Container).map(|k| k.binding) {
                Some(Binding::Cpu) => 0,
                Some(Binding::Memory) => 1,
                Some(Binding::Both) | None => 2,
            },
        },
        hint: "A container has no guest OS: its overhead is tiny, so compare the app's own ratio \
               of vCPU to memory with the host's.",
        why: |_, o| packing(o, Isolation::Container),
    },
    Exercise {
        slug: "start-within-ten-seconds",
        title: "Start the instances within 10 s",
        setup: |p| p.shown = Isolation::FullVm,
        question: |p, o| {
            let total = kind(o, p.shown)
                .and_then(|k| k.startup.as_ref())
                .map_or(0.0, |s| s.total_s);
            format!(
                "As full VMs, {} instances take {} s to start. Choose how to run them so that \
                 all of them start within {} s.",
                p.instances,
                number(total),
                number(START_GOAL_S)
            )
        },
        kind: Kind::Goal {
            met: |p, o| {
                kind(o, p.shown)
                    .and_then(|k| k.startup.as_ref())
                    .is_some_and(|s| s.total_s <= START_GOAL_S)
            },
            show_me: |p| p.shown = Isolation::Container,
        },
        hint: "A VM boots a kernel and an OS before the app can start; a container starts a \
               process on a kernel that is already running.",
        why: |p, o| match kind(o, p.shown).and_then(|k| k.startup.as_ref()) {
            Some(s) => {
                let phases: Vec<String> = s
                    .phases
                    .iter()
                    .map(|ph| {
                        let what = match ph.step {
                            StartStep::Start => "start",
                            StartStep::Pull => "image pull",
                            StartStep::AppStart => "app start",
                        };
                        format!("{what} {} s", number(ph.to_s - ph.from_s))
                    })
                    .collect();
                format!(
                    "{} instance(s) on the busiest of {} host(s): {}; all serve after {} s.",
                    s.per_host,
                    s.hosts,
                    phases.join(" + "),
                    number(s.total_s)
                )
            }
            None => "Nothing to start.".into(),
        },
    },
];
