//! VM vs container — the lesson of §2: a VM carries a whole guest OS, so fewer
//! app instances fit on a host and each boots for tens of seconds; containers
//! share the host's kernel and image cache, so more fit and they start in about
//! the time it takes to pull the image. A microVM keeps a VM's isolation at
//! close to a container's cost, and a multi-stage build ships a smaller image,
//! so every scale-out pulls less.

use crate::chart::{Bar, Chart, ChartSpec, Tone};
use crate::documented::DocumentedSection;
use crate::format;
use crate::frame::{demo_page, Page};
use crate::lab::field_number;
use crate::results::{from_ok, problems_view, WorkedExample};
use cloud_lab_model::link::Query;
use cloud_lab_model::photoshare;
use cloud_lab_model::vm_vs_container::*;
use leptos::prelude::*;

pub fn page(query: &Query) -> AnyView {
    demo_page::<VmVsContainer, _>(query, |page: Page<VmVsContainer>| {
        let (params, outcome) = (page.params, page.outcome);
        view! {
            <Controls params outcome/>
            {problems_view(outcome)}
            <Hosts outcome/>
            <ScaleOut params outcome/>
            <Image params outcome/>
            <Overheads params/>
            <Sources/>
            <DocumentedSection items=&DOCUMENTED/>
        }
    })
}

type Outcome = Memo<Result<VmVsContainerOutcome, Vec<String>>>;
type Params = RwSignal<VmVsContainerParams>;

fn binding_text(b: Binding) -> &'static str {
    match b {
        Binding::Cpu => "CPU runs out first",
        Binding::Memory => "memory runs out first",
        Binding::Both => "CPU and memory run out together",
    }
}

fn step_text(s: StartStep) -> &'static str {
    match s {
        StartStep::Start => "boot / create",
        StartStep::Pull => "pull the image",
        StartStep::AppStart => "app starts",
    }
}

fn step_tone(s: StartStep) -> Tone {
    match s {
        StartStep::Start => Tone::First,
        StartStep::Pull => Tone::Second,
        StartStep::AppStart => Tone::Third,
    }
}

/// A slider for one of the main continuous controls, with its value beside it.
#[component]
fn Slider(
    label: &'static str,
    unit: &'static str,
    min: f64,
    max: f64,
    step: f64,
    testid: &'static str,
    #[prop(into)] value: Signal<f64>,
    set: impl Fn(f64) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    view! {
        <label class="slider">
            <span>{label}</span>
            <input type="range" min=min max=max step=step data-testid=testid
                prop:value=move || format::field(value.get())
                on:input=move |ev| set(field_number(&ev))/>
            <output>{move || format!("{} {unit}", format::trimmed(value.get(), 3))}</output>
        </label>
    }
}

#[component]
fn Controls(params: Params, outcome: Outcome) -> impl IntoView {
    let fargate = from_ok(outcome, |o| Some(o.fargate));
    let app_agrees = Signal::derive(move || {
        params.with(|p| {
            p.app.vcpu == photoshare::cost::TASK_VCPU
                && p.app.memory_gib == photoshare::cost::TASK_MEMORY_GB
        })
    });
    let burst_agrees =
        Signal::derive(move || params.with(|p| p.instances == photoshare::printed::TASKS_BURST));
    view! {
        <section aria-labelledby="controls-heading">
            <h2 id="controls-heading">"A host and PhotoShare's task"</h2>
            <div class="choices sliders">
                <fieldset>
                    <legend>"The host"</legend>
                    <Slider label="vCPU" unit="vCPU" min=1.0 max=64.0 step=1.0 testid="host-vcpu"
                        value=Signal::derive(move || params.with(|p| p.host.vcpu))
                        set=move |x| params.update(|p| p.host.vcpu = x)/>
                    <Slider label="Memory" unit="GiB" min=1.0 max=256.0 step=1.0 testid="host-memory"
                        value=Signal::derive(move || params.with(|p| p.host.memory_gib))
                        set=move |x| params.update(|p| p.host.memory_gib = x)/>
                    <label>"Kept by the host's own OS and agent: "
                        <input type="number" min="0" step="0.25" aria-label="Host reserve, GiB"
                            prop:value=move || params.with(|p| format::field(p.host_reserved.memory_gib))
                            on:change=move |ev| { let x = field_number(&ev); params.update(|p| p.host_reserved.memory_gib = x) }/>
                        " GiB"</label>
                </fieldset>
                <fieldset>
                    <legend>"One app instance"</legend>
                    <Slider label="CPU" unit="vCPU" min=0.25 max=8.0 step=0.25 testid="app-vcpu"
                        value=Signal::derive(move || params.with(|p| p.app.vcpu))
                        set=move |x| params.update(|p| p.app.vcpu = x)/>
                    <Slider label="Memory" unit="GiB" min=0.25 max=16.0 step=0.25 testid="app-memory"
                        value=Signal::derive(move || params.with(|p| p.app.memory_gib))
                        set=move |x| params.update(|p| p.app.memory_gib = x)/>
                    <WorkedExample printed="1 vCPU + 2 GB a task" agrees=app_agrees/>
                    <p class="note" data-testid="fargate-size">{move || fargate().map(fargate_text)}</p>
                </fieldset>
                <fieldset>
                    <legend>"A scale-out"</legend>
                    <Slider label="Instances to start" unit="" min=1.0 max=40.0 step=1.0 testid="instances"
                        value=Signal::derive(move || params.with(|p| f64::from(p.instances)))
                        set=move |x| params.update(|p| p.instances = if x.is_finite() && x >= 1.0 { x.round() as u32 } else { 0 })/>
                    <WorkedExample printed="8 tasks for the 9,000 req/s burst" agrees=burst_agrees/>
                    <label>"Pull rate, Mbit/s "
                        <input type="number" min="1" step="50" data-testid="pull-rate"
                            prop:value=move || params.with(|p| format::field(p.pull_mbit_per_s))
                            on:change=move |ev| { let x = field_number(&ev); params.update(|p| p.pull_mbit_per_s = x) }/>
                    </label>
                </fieldset>
            </div>
        </section>
    }
}

/// How the app instance reads as a Fargate task.
fn fargate_text(f: FargateSize) -> String {
    match (f.exact, f.smallest) {
        (true, _) => "One of Fargate's task sizes.".into(),
        (false, Some(s)) => format!(
            "Not a Fargate task size: Fargate would run it as {} vCPU, {} GB.",
            format::field(s.vcpu),
            format::field(s.memory_gib)
        ),
        (false, None) => "Larger than any Fargate task (16 vCPU, 120 GB).".into(),
    }
}

/// Position and size along a bar, in % of the host.
fn pct(x: f64, of: f64) -> f64 {
    if of > 0.0 {
        (x / of * 100.0).clamp(0.0, 100.0)
    } else {
        0.0
    }
}

/// Beyond this many instances a bar draws the used part as one block.
const MAX_DRAWN: usize = 200;

/// One resource of one host, filling up instance by instance.
fn resource_bar(
    name: &'static str,
    unit: &'static str,
    free: f64,
    left: f64,
    slots: Vec<(f64, f64, f64)>,
    runs_out: bool,
) -> impl IntoView {
    let label = format!(
        "{name}: {} instances placed, {} {unit} of {} {unit} left{}",
        slots.len(),
        format::trimmed(left, 2),
        format::trimmed(free, 2),
        if runs_out { "; runs out first" } else { "" }
    );
    let blocks = if slots.len() > MAX_DRAWN {
        let end = slots
            .last()
            .map(|(from, app, over)| from + app + over)
            .unwrap_or(0.0);
        vec![view! {
            <span class="slot" style:left="0%" style:width=format!("{:.3}%", pct(end, free))>
                <span class="slot-app" style:width="100%"></span>
            </span>
        }
        .into_any()]
    } else {
        slots
            .into_iter()
            .map(|(from, app, over)| {
                let total = app + over;
                view! {
                    <span class="slot" style:left=format!("{:.3}%", pct(from, free)) style:width=format!("{:.3}%", pct(total, free))>
                        <span class="slot-app" style:width=format!("{:.3}%", pct(app, total))></span>
                        <span class="slot-over" style:width=format!("{:.3}%", pct(over, total))></span>
                    </span>
                }
                .into_any()
            })
            .collect()
    };
    view! {
        <div class="resource">
            <span class="resource-name">{name}{runs_out.then_some(" ⚑")}</span>
            <div class="host-bar" class:binding=runs_out role="img" aria-label=label>{blocks}</div>
        </div>
    }
}

#[component]
fn Hosts(outcome: Outcome) -> impl IntoView {
    let hosts = move || {
        outcome.with(|o| {
            let Ok(o) = o else { return Vec::new() };
            o.kinds
                .iter()
                .map(|k| {
                    let slots = |cpu: bool| {
                        k.packing
                            .placed
                            .iter()
                            .map(|p| {
                                if cpu {
                                    (p.vcpu_from, p.demand.app.vcpu, p.demand.overhead.vcpu)
                                } else {
                                    (
                                        p.memory_gib_from,
                                        p.demand.app.memory_gib,
                                        p.demand.overhead.memory_gib,
                                    )
                                }
                            })
                            .collect::<Vec<_>>()
                    };
                    let cpu_out = matches!(k.binding, Binding::Cpu | Binding::Both);
                    let mem_out = matches!(k.binding, Binding::Memory | Binding::Both);
                    let slug = k.kind.slug();
                    view! {
                        <div class="host" data-testid=format!("host-{slug}")>
                            <h3>
                                {k.kind.label()}": "
                                <strong data-testid=format!("fit-{slug}")>{k.fits_per_host}</strong>" per host"
                            </h3>
                            <p class="host-facts">
                                <span data-testid=format!("binding-{slug}")>{binding_text(k.binding)}</span>
                                " · "
                                <span data-testid=format!("density-{slug}")>{match k.density_vs_full_vm {
                                    Some(d) => format!("{}× as many as full VMs", format::trimmed(d, 2)),
                                    None => "no full VM fits".into(),
                                }}</span>
                            </p>
                            {resource_bar("CPU", "vCPU", o.free.vcpu, k.packing.left.vcpu, slots(true), cpu_out)}
                            {resource_bar("Memory", "GiB", o.free.memory_gib, k.packing.left.memory_gib, slots(false), mem_out)}
                        </div>
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section aria-labelledby="hosts-heading" class="results" class:invalid=move || outcome.with(|o| o.is_err())>
            <h2 id="hosts-heading">"How many fit on one host"</h2>
            <p>
                "Each block is one instance: the app's share, then (hatched) what its isolation adds — a guest OS and the hypervisor for a VM, a shim for a container. "
                "The host fills until one resource runs out (⚑). "
                {from_ok(outcome, |o| format!("Free for instances: {} vCPU and {} GiB.", format::trimmed(o.free.vcpu, 3), format::trimmed(o.free.memory_gib, 3)))}
            </p>
            <p class="legend" aria-hidden="true">
                <span class="slot-sample slot-app"></span>" the app · "
                <span class="slot-sample slot-over"></span>" isolation overhead · "
                <span class="slot-sample slot-free"></span>" free"
            </p>
            <div class="hosts">{hosts}</div>
        </section>
    }
}

#[component]
fn ScaleOut(params: Params, outcome: Outcome) -> impl IntoView {
    let n = move || params.with(|p| p.instances);
    let spec = Signal::derive(move || {
        outcome.with(|o| {
            let bars: Vec<Bar> = match o {
                Ok(o) => o
                    .kinds
                    .iter()
                    .map(|k| Bar {
                        label: k.kind.label().into(),
                        segments: k
                            .startup
                            .iter()
                            .flat_map(|s| s.phases.iter())
                            .map(|ph| {
                                (
                                    step_text(ph.step).to_string(),
                                    ph.to_s - ph.from_s,
                                    step_tone(ph.step),
                                )
                            })
                            .collect(),
                    })
                    .collect(),
                Err(_) => Vec::new(),
            };
            ChartSpec::new("isolation", "seconds until all serve")
                .bars(bars)
                .fit_y()
        })
    });
    let summary = Signal::derive(move || {
        outcome.with(|o| match o {
            Ok(o) => {
                let parts: Vec<String> = o
                    .kinds
                    .iter()
                    .map(|k| match &k.startup {
                        Some(s) => format!("{}: {}", k.kind.label(), format::seconds(s.total_s)),
                        None => format!("{}: does not fit", k.kind.label()),
                    })
                    .collect();
                format!(
                    "Seconds until every new instance serves. {}.",
                    parts.join("; ")
                )
            }
            Err(_) => "No chart: the input is not valid.".into(),
        })
    });
    let rows = move || {
        outcome.with(|o| {
            let Ok(o) = o else { return Vec::new() };
            o.kinds
                .iter()
                .map(|k| {
                    let slug = k.kind.slug();
                    let (hosts, copies, phases, total) = match &k.startup {
                        Some(s) => (
                            s.hosts.to_string(),
                            format!(
                                "{} × {}",
                                s.image_copies_per_host,
                                format::seconds(o.image.shipped.pull_s)
                            ),
                            s.phases
                                .iter()
                                .map(|ph| {
                                    format!(
                                        "{} {}",
                                        step_text(ph.step),
                                        format::seconds(ph.to_s - ph.from_s)
                                    )
                                })
                                .collect::<Vec<_>>()
                                .join(", then "),
                            format::seconds(s.total_s),
                        ),
                        None => (
                            "—".into(),
                            "—".into(),
                            "does not fit on the host".into(),
                            "—".into(),
                        ),
                    };
                    view! {
                        <tr>
                            <th scope="row">{k.kind.label()}</th>
                            <td>{hosts}</td>
                            <td>{copies}</td>
                            <td class="text">{phases}</td>
                            <td><strong data-testid=format!("startup-{slug}")>{total}</strong></td>
                            <td>{format!("{} GiB", format::trimmed(k.disk_per_host_gib, 1))}</td>
                        </tr>
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section aria-labelledby="scale-heading" class="results" class:invalid=move || outcome.with(|o| o.is_err())>
            <h2 id="scale-heading">{move || format!("Starting {} instances at once", n())}</h2>
            <p>
                "A VM boots its own OS, then pulls its own copy of the image over the host's link. "
                "Containers on one host share the image's layers, so the host pulls it once, and creating a container takes well under a second."
            </p>
            <table class="scale-table" data-testid="scale-table">
                <thead><tr>
                    <th scope="col">"isolation"</th><th scope="col">"hosts"</th><th scope="col">"image pulls per host"</th>
                    <th scope="col">"phases"</th><th scope="col">"until all serve"</th><th scope="col">"disk on a full host"</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
            <Chart spec summary testid="startup-chart"/>
            <p class="legend">
                <span class="swatch tone-1"></span>" boot / create · "
                <span class="swatch tone-2"></span>" pull the image · "
                <span class="swatch tone-3"></span>" app starts"
            </p>
        </section>
    }
}

#[component]
fn Image(params: Params, outcome: Outcome) -> impl IntoView {
    let build = move || params.with(|p| p.build);
    let shipped_stage = move || build().shipped_stage();
    let image = from_ok(outcome, |o| Some(o.image.clone()));
    let layer_rows = move || {
        let stage = shipped_stage();
        image()
            .map(|i| {
                i.layers
                    .into_iter()
                    .map(|l| {
                        let shipped = l.stage == stage;
                        view! {
                            <tr class:shipped=shipped>
                                <td class="text">{match l.stage { Stage::Build => "build", Stage::Runtime => "runtime" }}</td>
                                <td class="text"><code>{l.instruction}</code></td>
                                <td>{format!("{} MB", format::trimmed(l.size.compressed_mb, 1))}</td>
                                <td>{format!("{} MB", format::trimmed(l.size.uncompressed_mb, 1))}</td>
                                <td class="text">{if shipped { "shipped" } else { "thrown away" }}</td>
                            </tr>
                        }
                    })
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    };
    let size = move |f: fn(&ImageOutcome) -> ImageSize| {
        move || {
            image()
                .map(|i| {
                    let s = f(&i);
                    format!(
                        "{} MB to pull ({} MB unpacked), {} a copy",
                        format::trimmed(s.compressed_mb, 1),
                        format::trimmed(s.uncompressed_mb, 1),
                        format::seconds(s.pull_s)
                    )
                })
                .unwrap_or_default()
        }
    };
    let why = move || {
        outcome.with(|o| {
            let Ok(o) = o else { return String::new() };
            let vm = o.kind(Isolation::FullVm).and_then(|k| k.startup.as_ref());
            let rate = params.with(|p| p.pull_mbit_per_s);
            let mut text = format!(
                "Every new host pulls the image before its first instance can serve: {} MB at {} Mbit/s is {}, against {} for the single-stage image.",
                format::trimmed(o.image.multi_stage.compressed_mb, 1),
                format::trimmed(rate, 0),
                format::seconds(o.image.multi_stage.pull_s),
                format::seconds(o.image.single_stage.pull_s),
            );
            if let Some(s) = vm {
                text.push_str(&format!(
                    " VMs pull one copy each, so on one host the pull takes {} for {} VMs: image size multiplies.",
                    format::seconds(s.pull_s),
                    s.image_copies_per_host
                ));
            }
            text
        })
    };
    view! {
        <section aria-labelledby="image-heading" class="results" class:invalid=move || outcome.with(|o| o.is_err())>
            <h2 id="image-heading">"The image: a multi-stage build"</h2>
            <div class="two-columns">
                <pre class="dockerfile" data-testid="dockerfile" aria-label="The Dockerfile">{DOCKERFILE}</pre>
                <div>
                    <fieldset>
                        <legend>"Ship"</legend>
                        <label><input type="radio" name="build" data-testid="multi-stage"
                            prop:checked=move || build() == Build::MultiStage
                            on:change=move |_| params.update(|p| p.build = Build::MultiStage)/>" the runtime stage only (multi-stage)"</label>
                        <label><input type="radio" name="build" data-testid="single-stage"
                            prop:checked=move || build() == Build::SingleStage
                            on:change=move |_| params.update(|p| p.build = Build::SingleStage)/>" the build stage as it is (single-stage)"</label>
                    </fieldset>
                    <dl class="figures">
                        <div><dt>"Multi-stage"</dt><dd data-testid="multi-size">{size(|i| i.multi_stage)}</dd></div>
                        <div><dt>"Single-stage"</dt><dd data-testid="single-size">{size(|i| i.single_stage)}</dd></div>
                        <div><dt>"The split saves"</dt><dd class="big" data-testid="saved">{move || image().map(|i| format::percent(i.saved, 0)).unwrap_or_default()}</dd><dd>"of the bytes every host pulls"</dd></div>
                    </dl>
                </div>
            </div>
            <table class="layers" data-testid="layers">
                <caption>"Layers and their sizes (settings-only lines add no bytes)"</caption>
                <thead><tr><th scope="col">"stage"</th><th scope="col">"Dockerfile line"</th><th scope="col">"to pull"</th><th scope="col">"unpacked"</th><th scope="col">"in the image"</th></tr></thead>
                <tbody>{layer_rows}</tbody>
            </table>
            <p data-testid="why-smaller">{why}</p>
        </section>
    }
}

#[component]
fn Overheads(params: Params) -> impl IntoView {
    type Pick = fn(&IsolationCosts) -> f64;
    type Put = fn(&mut IsolationCosts, f64);
    let rows: [(&'static str, &'static str, Pick, Put); 5] = [
        (
            "Guest OS memory",
            "MiB",
            |c| c.guest_os_memory_mib,
            |c, x| c.guest_os_memory_mib = x,
        ),
        (
            "Hypervisor or shim memory",
            "MiB",
            |c| c.isolation_memory_mib,
            |c, x| c.isolation_memory_mib = x,
        ),
        (
            "CPU overhead",
            "vCPU",
            |c| c.cpu_overhead_vcpu,
            |c, x| c.cpu_overhead_vcpu = x,
        ),
        (
            "Guest OS disk",
            "MiB",
            |c| c.guest_os_disk_mib,
            |c, x| c.guest_os_disk_mib = x,
        ),
        ("Boot or create", "s", |c| c.start_s, |c, x| c.start_s = x),
    ];
    let shown = move || params.with(|p| p.shown);
    let body = rows
        .into_iter()
        .map(|(what, unit, pick, put)| {
            let cells = Isolation::ALL
                .into_iter()
                .map(|kind| {
                    view! {
                        <td class:current=move || shown() == kind>
                            <input type="number" min="0" step="any"
                                aria-label=format!("{}: {what}, {unit}", kind.label())
                                data-testid=format!("{}-{}", kind.slug(), what.split(' ').next().unwrap_or(what).to_lowercase())
                                prop:value=move || params.with(|p| format::field(pick(p.costs(kind))))
                                on:change=move |ev| { let x = field_number(&ev); params.update(|p| put(p.costs_mut(kind), x)) }/>
                        </td>
                    }
                })
                .collect_view();
            view! { <tr><th scope="row">{format!("{what}, {unit}")}</th>{cells}</tr> }
        })
        .collect_view();
    let inside = move || {
        params.with(|p| {
            let kind = p.shown;
            let c = p.costs(kind);
            format!(
                "One {} instance takes the app's {} vCPU and {} GiB, plus {} vCPU and {} MiB of memory for its isolation, and {} MiB of its own disk.",
                kind.label(),
                format::trimmed(p.app.vcpu, 3),
                format::trimmed(p.app.memory_gib, 3),
                format::trimmed(c.cpu_overhead_vcpu, 3),
                format::trimmed(c.guest_os_memory_mib + c.isolation_memory_mib, 1),
                format::trimmed(c.guest_os_disk_mib, 0),
            )
        })
    };
    view! {
        <section aria-labelledby="overheads-heading">
            <h2 id="overheads-heading">"What isolation costs: the assumptions"</h2>
            <p>"Every figure is an assumption you can change; the sources are below."</p>
            <table class="overheads" data-testid="overheads">
                <thead><tr><th scope="col">"per instance"</th>
                    {Isolation::ALL.map(|k| view! { <th scope="col" class:current=move || shown() == k>{k.label()}</th> })}
                </tr></thead>
                <tbody>{body}</tbody>
            </table>
            <label>"The app's own start, s "
                <input type="number" min="0" step="0.5"
                    prop:value=move || params.with(|p| format::field(p.app_start_s))
                    on:change=move |ev| { let x = field_number(&ev); params.update(|p| p.app_start_s = x) }/>
            </label>
            <fieldset class="inline">
                <legend>"Look inside one instance of"</legend>
                {Isolation::ALL.map(|k| view! {
                    <label><input type="radio" name="shown" prop:checked=move || shown() == k
                        on:change=move |_| params.update(|p| p.shown = k)/>" "{k.label()}</label>
                })}
            </fieldset>
            <p data-testid="inside">{inside}</p>
        </section>
    }
}

#[component]
fn Sources() -> impl IntoView {
    view! {
        <section aria-labelledby="sources-heading">
            <h2 id="sources-heading">"Sources of the default figures"</h2>
            <ol class="footnotes" data-testid="sources">
                {SOURCES.map(|(figure, source)| view! { <li><strong>{figure}": "</strong>{source}</li> })}
            </ol>
        </section>
    }
}
