//! VM vs container — the lesson of §2: a VM carries a whole guest OS, so fewer
//! app instances fit on a host and each boots for tens of seconds; containers
//! share the host's kernel and image cache, so more fit and they start in about
//! the time it takes to pull the image. A microVM keeps a VM's isolation at
//! close to a container's cost, and a multi-stage build ships a smaller image,
//! so every scale-out pulls less.

use crate::chart::{summary_of, Bar, Chart, ChartSpec, Tone};
use crate::documented::DocumentedSection;
use crate::drawn::{element, put, At, Row, Rows};
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
use wasm_bindgen::JsCast;

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

/// A view per kind the outcome compares (none while the params are invalid). Which kinds is
/// the views' only shape: they are rebuilt only when it changes, each figure in them is bound
/// to the outcome on its own.
fn per_kind<V>(
    outcome: Outcome,
    view: impl Fn(Isolation) -> V + Send + Sync + 'static,
) -> impl Fn() -> Vec<V> + Send + Sync + 'static {
    let kinds = Memo::new(move |_| {
        outcome.with(|o| {
            o.as_ref()
                .map(|o| o.kinds.iter().map(|k| k.kind).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    move || kinds.get().into_iter().map(&view).collect()
}

/// One kind's text, bound to the outcome on its own, so a move rewrites only the texts it changes.
fn kind_text(
    outcome: Outcome,
    kind: Isolation,
    text: fn(&VmVsContainerOutcome, &KindOutcome) -> String,
) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    move || {
        outcome.with(|o| {
            o.as_ref()
                .ok()
                .and_then(|o| o.kind(kind).map(|k| text(o, k)))
                .unwrap_or_default()
        })
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
    let figures = per_kind(outcome, move |kind| {
        view! {
            <div>
                <dt>{kind.label()}</dt>
                <dd class="big" data-testid=format!("stage-fit-{}", kind.slug())>
                    {kind_text(outcome, kind, |_, k| format!("{} per host", k.fits_per_host))}
                </dd>
                <dd>{kind_text(outcome, kind, |_, k| match &k.startup {
                    Some(s) => format!("all serve in {}", format::seconds(s.total_s)),
                    None => "does not fit".into(),
                })}</dd>
            </div>
        }
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
                    {figures}
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

/// One block of a bar, in % (formatted): where it starts and how wide it is, then the app's
/// and the isolation's shares of it.
#[derive(Clone, Default, PartialEq)]
struct Block {
    left: String,
    width: String,
    app: String,
    over: String,
}

/// One resource of one host as its bar draws it. Kept apart from the outcome, so a move
/// rewrites only the blocks, words and flag that changed.
#[derive(Clone, Default, PartialEq)]
struct HostBar {
    label: String,
    runs_out: bool,
    /// Past `MAX_DRAWN` instances, the used part as one block (all of it the app's colour).
    blocks: Vec<Block>,
}

impl HostBar {
    /// One resource (CPU, else memory) of one kind's host, filling up instance by instance.
    fn of(k: &HostLayout, free: Footprint, cpu: bool) -> HostBar {
        let amount = |f: Footprint| if cpu { f.vcpu } else { f.memory_gib };
        let (name, unit) = if cpu {
            ("CPU", "vCPU")
        } else {
            ("Memory", "GiB")
        };
        let runs_out = matches!(
            (k.binding, cpu),
            (Binding::Both, _) | (Binding::Cpu, true) | (Binding::Memory, false)
        );
        let placed = &k.packing.placed;
        let free = amount(free);
        let label = format!(
            "{name}: {} instances placed, {} {unit} of {} {unit} left{}",
            placed.len(),
            format::trimmed(amount(k.packing.left), 2),
            format::trimmed(free, 2),
            if runs_out { "; runs out first" } else { "" }
        );
        let share = |x: f64, of: f64| format!("{:.3}%", pct(x, of));
        let from = |p: &Placement| if cpu { p.vcpu_from } else { p.memory_gib_from };
        let blocks = if placed.len() > MAX_DRAWN {
            let end = placed.last().map_or(0.0, |p| {
                from(p) + amount(p.demand.app) + amount(p.demand.overhead)
            });
            vec![Block {
                left: "0%".into(),
                width: share(end, free),
                app: "100%".into(),
                over: "0%".into(),
            }]
        } else {
            placed
                .iter()
                .map(|p| {
                    let (app, over) = (amount(p.demand.app), amount(p.demand.overhead));
                    Block {
                        left: share(from(p), free),
                        width: share(app + over, free),
                        app: share(app, app + over),
                        over: share(over, app + over),
                    }
                })
                .collect()
        };
        HostBar {
            label,
            runs_out,
            blocks,
        }
    }
}

/// A bar built once. Its blocks (a host takes up to thousands) are drawn by an effect, as a
/// chart is painted: a block made in the view costs an owner, four effects and their
/// subscriptions, and a move that changes how many fit makes and drops dozens of them.
fn resource_bar(name: &'static str, bar: Memo<HostBar>) -> impl IntoView {
    let runs_out = move || bar.with(|b| b.runs_out);
    view! {
        <div class="resource">
            <span class="resource-name">{name}{move || runs_out().then_some(" ⚑")}</span>
            <div class="host-bar" class:binding=runs_out role="img" aria-label=move || bar.with(|b| b.label.clone()) use:blocks=bar></div>
        </div>
    }
}

/// Draws a bar's blocks in `host` from the moment it is made, so its first blocks join the
/// page with it, and again whenever the bar changes, for as long as the bar's view lives.
fn blocks(host: web_sys::Element, bar: Memo<HostBar>) {
    let effect = RenderEffect::new(move |drawn: Option<Rows<DrawnBlock>>| {
        let mut drawn = drawn.unwrap_or_default();
        bar.with(|b| drawn.draw(&host, &b.blocks, DrawnBlock::show));
        drawn
    });
    // The view's owner keeps the effect, and drops it with the view.
    StoredValue::new_local(effect);
}

/// One block on the page: its slot, the styles of the slot and of its app's and isolation's
/// parts (kept, so a move sets a style in one call), and what they show.
struct DrawnBlock {
    slot: web_sys::Element,
    styles: [web_sys::CssStyleDeclaration; 3],
    shows: Block,
}

impl Row for DrawnBlock {
    /// A block with no styles: the slot and its app's and isolation's parts.
    fn empty() -> Option<web_sys::Element> {
        let slot = element("span", "slot", false)?;
        let (app, over) = (
            element("span", "slot-app", false)?,
            element("span", "slot-over", false)?,
        );
        slot.append_with_node_2(&app, &over).ok()?;
        Some(slot)
    }

    fn copy(empty: &web_sys::Element) -> Option<Self> {
        let slot: web_sys::HtmlElement = empty.clone_node_with_deep(true).ok()?.dyn_into().ok()?;
        let app: web_sys::HtmlElement = slot.first_element_child()?.dyn_into().ok()?;
        let over: web_sys::HtmlElement = slot.last_element_child()?.dyn_into().ok()?;
        Some(DrawnBlock {
            styles: [slot.style(), app.style(), over.style()],
            slot: slot.into(),
            shows: Block::default(),
        })
    }

    fn node(&self) -> &web_sys::Element {
        &self.slot
    }
}

impl DrawnBlock {
    /// Sets only the styles that changed: a move rewrites no more than it must.
    fn show(&mut self, b: &Block) {
        let [slot, app, over] = &self.styles;
        let shows = &mut self.shows;
        put(At::Style(slot, "left"), &mut shows.left, &b.left);
        put(At::Style(slot, "width"), &mut shows.width, &b.width);
        put(At::Style(app, "width"), &mut shows.app, &b.app);
        put(At::Style(over, "width"), &mut shows.over, &b.over);
    }
}

/// What the hosts draw of one kind: unchanged by the scale-out and the image, so moving
/// those leaves the blocks alone.
#[derive(Clone, PartialEq)]
struct HostLayout {
    kind: Isolation,
    binding: Binding,
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
                        binding: k.binding,
                        packing: k.packing.clone(),
                    })
                    .collect();
                (o.free, kinds)
            })
        })
    });
    // One kind's bar of one resource, redrawn only when the layout changes.
    let bar_of = move |kind: Isolation, cpu: bool| {
        Memo::new(move |_| {
            layout.with(|l| {
                l.as_ref()
                    .and_then(|(free, kinds)| {
                        let k = kinds.iter().find(|k| k.kind == kind)?;
                        Some(HostBar::of(k, *free, cpu))
                    })
                    .unwrap_or_default()
            })
        })
    };
    let hosts = per_kind(outcome, move |kind| {
        let slug = kind.slug();
        view! {
            <div class="host" data-testid=format!("host-{slug}")>
                <h3>
                    {kind.label()}": "
                    <strong data-testid=format!("fit-{slug}")>{kind_text(outcome, kind, |_, k| k.fits_per_host.to_string())}</strong>" per host"
                </h3>
                <p class="host-facts">
                    <span data-testid=format!("binding-{slug}")>{kind_text(outcome, kind, |_, k| binding_text(k.binding).into())}</span>
                    " · "
                    <span data-testid=format!("density-{slug}")>{kind_text(outcome, kind, |_, k| match k.density_vs_full_vm {
                        Some(d) => format!("{}× as many as full VMs", format::trimmed(d, 2)),
                        None => "no full VM fits".into(),
                    })}</span>
                </p>
                {resource_bar("CPU", bar_of(kind, true))}
                {resource_bar("Memory", bar_of(kind, false))}
            </div>
        }
    });
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

/// One kind's figure of its scale-out, or `none` when the kind does not fit on the host.
fn startup_text(
    outcome: Outcome,
    kind: Isolation,
    text: fn(&VmVsContainerOutcome, &Startup) -> String,
    none: &'static str,
) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    move || {
        outcome.with(|o| {
            let Ok(o) = o else { return String::new() };
            match o.kind(kind).and_then(|k| k.startup.as_ref()) {
                Some(s) => text(o, s),
                None => none.into(),
            }
        })
    }
}

/// A scale-out's phases in order, each with how long it takes.
fn phases_text(s: &Startup) -> String {
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
        .join(", then ")
}

#[component]
fn ScaleOut(params: Params, outcome: Outcome) -> impl IntoView {
    let n = move || params.with(|p| p.instances);
    let rows = per_kind(outcome, move |kind| {
        let startup = |text, none| startup_text(outcome, kind, text, none);
        view! {
            <tr>
                <th scope="row">{kind.label()}</th>
                <td>{startup(|_, s| s.hosts.to_string(), "—")}</td>
                <td>{startup(|o, s| format!("{} × {}", s.image_copies_per_host, format::seconds(o.image.shipped.pull_s)), "—")}</td>
                <td class="text">{startup(|_, s| phases_text(s), "does not fit on the host")}</td>
                <td><strong data-testid=format!("startup-{}", kind.slug())>{startup(|_, s| format::seconds(s.total_s), "—")}</strong></td>
                <td>{kind_text(outcome, kind, |_, k| format!("{} GiB", format::trimmed(k.disk_per_host_gib, 1)))}</td>
            </tr>
        }
    });
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
    // The layers change only with the image's inputs; the build moves only which are shipped.
    let layers = Memo::new(move |_| image().map(|i| i.layers).unwrap_or_default());
    let layer_rows = move || {
        layers
            .get()
            .into_iter()
            .map(|l| {
                let shipped = move || l.stage == shipped_stage();
                view! {
                    <tr class:shipped=shipped>
                        <td class="text">{match l.stage { Stage::Build => "build", Stage::Runtime => "runtime" }}</td>
                        <td class="text"><code>{l.instruction}</code></td>
                        <td>{format!("{} MB", format::trimmed(l.size.compressed_mb, 1))}</td>
                        <td>{format!("{} MB", format::trimmed(l.size.uncompressed_mb, 1))}</td>
                        <td class="text">{move || if shipped() { "shipped" } else { "thrown away" }}</td>
                    </tr>
                }
            })
            .collect::<Vec<_>>()
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
