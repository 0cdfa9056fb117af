//! VM vs container — the lesson of §2: a VM carries a whole guest OS, so fewer
//! app instances fit on a host and each boots for tens of seconds; containers
//! share the host's kernel and image cache, so more fit and they start in about
//! the time it takes to pull the image. A microVM keeps a VM's isolation at
//! close to a container's cost, and a multi-stage build ships a smaller image,
//! so every scale-out pulls less.

use crate::chart::{summary_of, Bar, Chart, ChartSpec, Tone};
use crate::documented::DocumentedSection;
use crate::field::{Choices, Number, Slider};
use crate::format;
use crate::frame::{demo_page, Page};
use crate::lab::field_number;
use crate::results::{from_ok, problems_view, Results, Section};
use crate::scroll_box::ScrollBox;
use crate::stage::{Stage as Staged, StageChart, StageControls, StageFigures};
use cloud_lab_model::link::Query;
use cloud_lab_model::vm_vs_container::*;
use leptos::prelude::*;

pub fn page(query: &Query) -> AnyView {
    demo_page::<VmVsContainer, _>(query, |page: Page<VmVsContainer>| {
        let (params, outcome) = (page.params, page.outcome);
        view! {
            <VmStage page/>
            {problems_view(outcome)}
            <Controls page/>
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

/// The lesson on one screen: how many instances a host takes and how long a scale-out
/// takes to serve, VM against container, with the image the build ships.
#[component]
fn VmStage(page: Page<VmVsContainer>) -> impl IntoView {
    let (params, outcome) = (page.params, page.outcome);
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
            let steps = [StartStep::Start, StartStep::Pull, StartStep::AppStart];
            ChartSpec::new("isolation", "seconds until all serve")
                .bar_legend(&steps.map(|s| (step_text(s), step_tone(s))))
                .bars(bars)
                .fit_y()
        })
    });
    let summary = summary_of(outcome, move |o| {
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
    });
    let kinds = page.from_ok(|o| {
        o.kinds
            .iter()
            .map(|k| {
                (
                    k.kind,
                    k.fits_per_host,
                    k.startup.as_ref().map(|s| s.total_s),
                )
            })
            .collect::<Vec<_>>()
    });
    view! {
        <Staged label="Density and start-up">
            <StageControls slot>
                <Slider params field=VmVsContainerParams::INSTANCES travel=(1.0, 40.0)/>
                {page.badge(&VmVsContainer::BURST_TASKS)}
                <Choices params field=VmVsContainerParams::BUILD/>
            </StageControls>
            <StageFigures slot>
                <dl class="figures" class:invalid=move || outcome.with(|o| o.is_err()) aria-live="polite">
                    {move || kinds().into_iter().map(|(kind, fits, total)| view! {
                        <div>
                            <dt>{kind.label()}</dt>
                            <dd class="big" data-testid=format!("stage-fit-{}", kind.slug())>{format!("{fits} per host")}</dd>
                            <dd>{match total {
                                Some(t) => format!("all serve in {}", format::seconds(t)),
                                None => "does not fit".into(),
                            }}</dd>
                        </div>
                    }).collect_view()}
                </dl>
            </StageFigures>
            <StageChart slot>
                <Chart spec summary testid="startup-chart"/>
            </StageChart>
        </Staged>
    }
}

#[component]
fn Controls(page: Page<VmVsContainer>) -> impl IntoView {
    let params = page.params;
    let fargate = page.from_ok(|o| Some(o.fargate));
    view! {
        <Section id="controls" heading="A host and PhotoShare's task">
            <div class="choices sliders">
                <fieldset>
                    <legend>"The host"</legend>
                    <Slider params field=VmVsContainerParams::HOST_VCPU travel=(1.0, 64.0)/>
                    <Slider params field=VmVsContainerParams::HOST_MEMORY travel=(1.0, 256.0)/>
                    <Number params field=VmVsContainerParams::RESERVED_MEMORY/>
                </fieldset>
                <fieldset>
                    <legend>"One app instance"</legend>
                    <Slider params field=VmVsContainerParams::APP_VCPU travel=(0.25, 8.0)/>
                    <Slider params field=VmVsContainerParams::APP_MEMORY travel=(0.25, 16.0)/>
                    {page.badge(&VmVsContainer::TASK)}
                    <p class="note" data-testid="fargate-size">{move || fargate().map(fargate_text)}</p>
                </fieldset>
                <fieldset>
                    <legend>"A scale-out"</legend>
                    <Number params field=VmVsContainerParams::PULL_RATE/>
                </fieldset>
            </div>
        </Section>
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

/// What the hosts draw of one kind: unchanged by the scale-out and the image, so moving
/// those leaves the blocks alone.
#[derive(Clone, PartialEq)]
struct HostLayout {
    kind: Isolation,
    fits_per_host: u32,
    binding: Binding,
    density_vs_full_vm: Option<f64>,
    packing: Packing,
}

#[component]
fn Hosts(outcome: Outcome) -> impl IntoView {
    let layout = Memo::new(move |_| {
        outcome.with(|o| {
            o.as_ref().ok().map(|o| {
                let kinds: Vec<HostLayout> = o
                    .kinds
                    .iter()
                    .map(|k| HostLayout {
                        kind: k.kind,
                        fits_per_host: k.fits_per_host,
                        binding: k.binding,
                        density_vs_full_vm: k.density_vs_full_vm,
                        packing: k.packing.clone(),
                    })
                    .collect();
                (o.free, kinds)
            })
        })
    });
    let hosts = move || {
        layout.with(|l| {
            let Some((free, kinds)) = l else {
                return Vec::new();
            };
            kinds
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
                            {resource_bar("CPU", "vCPU", free.vcpu, k.packing.left.vcpu, slots(true), cpu_out)}
                            {resource_bar("Memory", "GiB", free.memory_gib, k.packing.left.memory_gib, slots(false), mem_out)}
                        </div>
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <Results invalid=move || outcome.with(|o| o.is_err()) id="hosts" heading="How many fit on one host">
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
        </Results>
    }
}

#[component]
fn ScaleOut(params: Params, outcome: Outcome) -> impl IntoView {
    let n = move || params.with(|p| p.instances);
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
            <ScrollBox label="How long each isolation takes to serve"><table class="scale-table" data-testid="scale-table">
                <thead><tr>
                    <th scope="col">"isolation"</th><th scope="col">"hosts"</th><th scope="col">"image pulls per host"</th>
                    <th scope="col">"phases"</th><th scope="col">"until all serve"</th><th scope="col">"disk on a full host"</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table></ScrollBox>
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
        <Results invalid=move || outcome.with(|o| o.is_err()) id="image" heading="The image: a multi-stage build">
            <div class="two-columns">
                <pre class="dockerfile" data-testid="dockerfile" aria-label="The Dockerfile">{DOCKERFILE}</pre>
                <div>
                    <dl class="figures">
                        <div><dt>"Multi-stage"</dt><dd data-testid="multi-size">{size(|i| i.multi_stage)}</dd></div>
                        <div><dt>"Single-stage"</dt><dd data-testid="single-size">{size(|i| i.single_stage)}</dd></div>
                        <div><dt>"The split saves"</dt><dd class="big" data-testid="saved">{move || image().map(|i| format::percent(i.saved, 0)).unwrap_or_default()}</dd><dd>"of the bytes every host pulls"</dd></div>
                    </dl>
                </div>
            </div>
            <ScrollBox label="Layers and their sizes"><table class="layers" data-testid="layers">
                <caption>"Layers and their sizes (settings-only lines add no bytes)"</caption>
                <thead><tr><th scope="col">"stage"</th><th scope="col">"Dockerfile line"</th><th scope="col">"to pull"</th><th scope="col">"unpacked"</th><th scope="col">"in the image"</th></tr></thead>
                <tbody>{layer_rows}</tbody>
            </table></ScrollBox>
            <p data-testid="why-smaller">{why}</p>
        </Results>
    }
}

#[component]
fn Overheads(params: Params) -> impl IntoView {
    let shown = move || params.with(|p| p.shown);
    // One row per cost, one cell per kind: each cell is the kind's field of the table.
    let body = (0..VmVsContainerParams::COSTS[0].len())
        .map(|row| {
            let first = VmVsContainerParams::COSTS[0][row].spec;
            let what = first.label.split_once(": ").map_or(first.label, |(_, w)| w);
            let cells = Isolation::ALL
                .into_iter()
                .filter_map(|kind| VmVsContainerParams::cost_field(kind, row).map(|f| (kind, f)))
                .map(|(kind, field)| {
                    let s = field.spec;
                    view! {
                        <td class:current=move || shown() == kind>
                            <input type="number" min=s.min max=s.max step=s.step
                                aria-label=format!("{}, {}", s.label, s.unit) data-testid=s.key
                                prop:value=move || params.with(|p| field.shown(p).map(format::field).unwrap_or_default())
                                on:change=move |ev| { let x = field_number(&ev); params.update(|p| field.set_shown(p, x)) }/>
                        </td>
                    }
                })
                .collect_view();
            view! { <tr><th scope="row">{format!("{what}, {}", first.unit)}</th>{cells}</tr> }
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
        <Section id="overheads" heading="What isolation costs: the assumptions">
            <p>"Every figure is an assumption you can change; the sources are below."</p>
            <ScrollBox label="What isolation costs per instance"><table class="overheads" data-testid="overheads">
                <thead><tr><th scope="col">"per instance"</th>
                    {Isolation::ALL.map(|k| view! { <th scope="col" class:current=move || shown() == k>{k.label()}</th> })}
                </tr></thead>
                <tbody>{body}</tbody>
            </table></ScrollBox>
            <Number params field=VmVsContainerParams::APP_START/>
            <Choices params field=VmVsContainerParams::SHOWN/>
            <p data-testid="inside">{inside}</p>
        </Section>
    }
}

#[component]
fn Sources() -> impl IntoView {
    view! {
        <Section id="sources" heading="Sources of the default figures">
            <ol class="footnotes" data-testid="sources">
                {SOURCES.map(|(figure, source)| view! { <li><strong>{figure}": "</strong>{source}</li> })}
            </ol>
        </Section>
    }
}
