//! Autoscaling loop — the lesson of §3: a scaler sees load only through a lagging
//! metric and adds capacity that arrives a minute late, so a spike always meets a
//! few minutes of saturated tasks and dropped requests. Cooldowns and a slow
//! scale-in trade those drops against task-hours; remove capacity as eagerly as
//! you add it and the fleet flaps. The same load runs through two policies side
//! by side, and the sizing formula N = ⌈L ÷ (capacity × target)⌉ sits beside them.
//!
//! The model simulates the whole run once per change of the params; the
//! animation only moves a playhead that reveals the points already computed.

use crate::chart::{Chart, ChartSpec, Mark, Series, Tone};
use crate::documented::DocumentedSection;
use crate::format;
use crate::frame::{demo_page, Page};
use crate::lab::{field_number, field_whole};
use crate::results::{problems_view, WorkedExample};
use cloud_lab_model::autoscaling::*;
use cloud_lab_model::link::Query;
use cloud_lab_model::photoshare::{self, printed};
use gloo_timers::callback::Interval;
use leptos::prelude::*;
use send_wrapper::SendWrapper;

pub fn page(query: &Query) -> AnyView {
    demo_page::<Autoscaling, _>(query, |page: Page<Autoscaling>| {
        let (params, outcome) = (page.params, page.outcome);
        let sizing = Memo::new(move |_| params.with(sizing));
        let player = Player::new(params);
        let runs = move || outcome.with(|o| o.as_ref().map_or(0, |o| o.runs.len()));
        view! {
            <Presets params/>
            <Controls params/>
            {problems_view(outcome)}
            <SizingPanel sizing/>
            <section aria-labelledby="run-heading" class="results" class:invalid=move || outcome.with(|o| o.is_err())>
                <h2 id="run-heading">"The same load through each policy"</h2>
                <PlayerBar player params/>
                <LoadChart outcome player/>
                <div class="runs">
                    <For each=move || 0..runs() key=|i| *i let:i>
                        <RunColumn params outcome player i/>
                    </For>
                </div>
                <Figures params outcome/>
            </section>
            <HowItWorks/>
        }
    })
}

type Outcome = Memo<Result<AutoscalingOutcome, Vec<String>>>;

/// How often the animation advances: 20 frames a second.
const TICK_MS: u32 = 50;
/// Simulated seconds per real second the speed control offers.
const SPEEDS: [(u32, &str); 4] = [
    (60, "1 min a second"),
    (300, "5 min a second"),
    (900, "15 min a second"),
    (3_600, "1 hour a second"),
];

/// The animation's state. It is not part of the params (nor of the link): it only
/// chooses how much of the computed run is shown.
#[derive(Clone, Copy)]
struct Player {
    /// Seconds into the run shown so far; `None` shows the whole run.
    at_s: RwSignal<Option<u32>>,
    playing: RwSignal<bool>,
    /// Simulated seconds per real second.
    speed: RwSignal<u32>,
    duration_s: Signal<u32>,
    step_s: Signal<u32>,
    timer: StoredValue<Option<SendWrapper<Interval>>>,
}

impl Player {
    fn new(params: RwSignal<AutoscalingParams>) -> Player {
        let player = Player {
            at_s: RwSignal::new(None),
            playing: RwSignal::new(false),
            speed: RwSignal::new(300),
            duration_s: Signal::derive(move || params.with(|p| p.duration_s)),
            step_s: Signal::derive(move || {
                params.with(|p| series_step_s(p.duration_s).max(DATAPOINT_S))
            }),
            timer: StoredValue::new(None),
        };
        // New params while paused: show the whole new run rather than a stale playhead.
        Effect::watch(
            move || params.track(),
            move |_, _, _| {
                if !player.playing.get_untracked() {
                    player.at_s.set(None);
                }
            },
            false,
        );
        // Leaving the demo stops the timer.
        on_cleanup(move || {
            player.timer.try_update_value(|t| *t = None);
        });
        player
    }

    fn play(self) {
        if self.at_s.get_untracked().is_none() {
            self.at_s.set(Some(0));
        }
        self.playing.set(true);
        let interval = Interval::new(TICK_MS, move || self.tick());
        self.timer.set_value(Some(SendWrapper::new(interval)));
    }

    fn pause(self) {
        self.playing.set(false);
        self.timer.set_value(None);
    }

    fn advance(self, by_s: u32) {
        let end = self.duration_s.get_untracked();
        let next = self.at_s.get_untracked().map(|t| t.saturating_add(by_s));
        match next {
            Some(t) if t < end => self.at_s.set(Some(t)),
            _ => {
                self.pause();
                self.at_s.set(None);
            }
        }
    }

    fn tick(self) {
        self.advance(self.speed.get_untracked() * TICK_MS / 1_000);
    }

    /// One metric datapoint (or one series point when they are coarser); from the end, back to the start.
    fn step(self) {
        self.pause();
        if self.at_s.get_untracked().is_none() {
            self.at_s.set(Some(0));
        } else {
            self.advance(self.step_s.get_untracked());
        }
    }

    fn to_end(self) {
        self.pause();
        self.at_s.set(None);
    }

    /// Whether a point at `t_s` is shown.
    fn shows(at: Option<u32>, t_s: u32) -> bool {
        at.is_none_or(|a| t_s <= a)
    }
}

#[component]
fn Presets(params: RwSignal<AutoscalingParams>) -> impl IntoView {
    view! {
        <section aria-labelledby="presets-heading">
            <h2 id="presets-heading">"Scenarios"</h2>
            <ul class="presets">
                {Preset::ALL.map(|preset| {
                    let testid = match preset {
                        Preset::WorkedExample => "preset-worked",
                        Preset::LongerCooldown => "preset-cooldown",
                        Preset::Flapping => "preset-flapping",
                        Preset::DiurnalDay => "preset-diurnal",
                    };
                    view! {
                        <li>
                            <button data-testid=testid on:click=move |_| params.set(preset.params())>{preset.title()}</button>
                            " "<span class="note">{preset.summary()}</span>
                        </li>
                    }
                })}
            </ul>
        </section>
    }
}

/// A slider with its value beside it; the chart follows while it is dragged.
#[allow(clippy::too_many_arguments)]
fn slider(
    label: &'static str,
    testid: &'static str,
    (min, max, step): (f64, f64, f64),
    get: impl Fn() -> f64 + Send + Sync + 'static,
    set: impl Fn(f64) + 'static,
    show: impl Fn() -> String + Send + Sync + 'static,
) -> impl IntoView {
    view! {
        <label class="slider">
            <span>{label}</span>
            <input type="range" min=min max=max step=step data-testid=testid
                prop:value=move || format::field(get())
                on:input=move |ev| set(field_number(&ev))/>
            <output>{show}</output>
        </label>
    }
}

#[component]
fn Controls(params: RwSignal<AutoscalingParams>) -> impl IntoView {
    let with = move |f: fn(&AutoscalingParams) -> f64| move || params.with(f);
    let profile = move || params.with(|p| p.profile);
    let rule = move || params.with(|p| p.scale_in_rule);
    let points_error = RwSignal::new(None::<(String, String)>);
    let points = move || params.with(|p| points_text(&p.custom_points));
    let spike_profile =
        move || matches!(profile(), LoadProfile::StepSpike | LoadProfile::RampSpike);
    view! {
        <section aria-labelledby="controls-heading">
            <h2 id="controls-heading">"Load and policy"</h2>
            <div class="controls">
                <fieldset>
                    <legend>"Load at the edge"</legend>
                    <fieldset class="inline">
                        <legend>"Shape"</legend>
                        {LoadProfile::ALL.map(|x| view! {
                            <label><input type="radio" name="profile" data-testid=format!("profile-{}", x.slug())
                                prop:checked=move || profile() == x
                                on:change=move |_| params.update(|p| p.profile = x)/>" "{x.title()}</label>
                        })}
                    </fieldset>
                    {slider("Base load", "load", (0.0, 20_000.0, 100.0), with(|p| p.edge_load_per_s),
                        move |x| params.update(|p| p.edge_load_per_s = x),
                        move || format::per_s(params.with(|p| p.edge_load_per_s)))}
                    {slider("Peak ÷ base", "spike", (1.0, 20.0, 0.5), with(|p| p.spike_factor),
                        move |x| params.update(|p| p.spike_factor = x),
                        move || params.with(|p| format!("× {}", format::field(p.spike_factor))))}
                    <div class:muted=move || !spike_profile()>
                        {slider("Spike starts at", "spike-start", (0.0, 21_600.0, 60.0), with(|p| f64::from(p.spike_start_s)),
                            move |x| params.update(|p| p.spike_start_s = seconds(x)),
                            move || format::clock(params.with(|p| p.spike_start_s)))}
                        {slider("Spike holds for", "spike-length", (0.0, 21_600.0, 60.0), with(|p| f64::from(p.spike_length_s)),
                            move |x| params.update(|p| p.spike_length_s = seconds(x)),
                            move || format::span(params.with(|p| p.spike_length_s)))}
                        {slider("Ramp takes", "ramp", (0.0, 3_600.0, 60.0), with(|p| f64::from(p.ramp_s)),
                            move |x| params.update(|p| p.ramp_s = seconds(x)),
                            move || format::span(params.with(|p| p.ramp_s)))}
                    </div>
                    <label class="points">"Custom points, seconds:req/s"
                        <input type="text" data-testid="points" spellcheck="false"
                            prop:value=points
                            on:change=move |ev| match parse_points(&event_target_value(&ev)) {
                                Ok(pts) => {
                                    points_error.set(None);
                                    params.update(|p| { p.custom_points = pts; p.profile = LoadProfile::Custom; });
                                }
                                Err(why) => points_error.set(Some((points(), why))),
                            }/>
                    </label>
                    {move || points_error.get().filter(|(at, _)| *at == points()).map(|(_, why)| view! {
                        <p class="problems" role="alert" data-testid="points-error">"Custom points: "{why}"."</p>
                    })}
                    {slider("Noise", "noise", (0.0, 50.0, 1.0), with(|p| p.noise * 100.0),
                        move |x| params.update(|p| p.noise = x / 100.0),
                        move || format::percent(params.with(|p| p.noise), 0))}
                    <label>"Noise seed "
                        <input type="number" min="0" step="1" data-testid="seed"
                            prop:value=move || params.with(|p| p.seed.to_string())
                            on:change=move |ev| {
                                if let Ok(seed) = event_target_value(&ev).trim().parse::<u64>() {
                                    params.update(|p| p.seed = seed)
                                }
                            }/>
                    </label>
                    {slider("CDN hit ratio", "hit", (0.0, 99.0, 1.0), with(|p| p.cdn_hit_ratio * 100.0),
                        move |x| params.update(|p| p.cdn_hit_ratio = x / 100.0),
                        move || format::percent(params.with(|p| p.cdn_hit_ratio), 0))}
                    {slider("Run length", "duration", (600.0, 172_800.0, 600.0), with(|p| f64::from(p.duration_s)),
                        move |x| params.update(|p| p.duration_s = seconds(x)),
                        move || format::clock(params.with(|p| p.duration_s)))}
                </fieldset>
                <fieldset>
                    <legend>"Tasks and scaler"</legend>
                    {slider("A task's capacity (100 % CPU)", "capacity", (10.0, 600.0, 10.0), with(|p| p.capacity_per_task_per_s),
                        move |x| params.update(|p| p.capacity_per_task_per_s = x),
                        move || format::per_s(params.with(|p| p.capacity_per_task_per_s)))}
                    {slider("CPU target", "target", (10.0, 95.0, 5.0), with(|p| p.cpu_target * 100.0),
                        move |x| params.update(|p| p.cpu_target = x / 100.0),
                        move || format::percent(params.with(|p| p.cpu_target), 0))}
                    <div class="counts">
                        <label>"Minimum tasks "
                            <input type="number" min="1" max=MAX_TASKS_LIMIT step="1" data-testid="min"
                                prop:value=move || params.with(|p| p.min_tasks.to_string())
                                on:change=move |ev| { let n = field_whole(&ev); params.update(|p| p.min_tasks = n) }/>
                        </label>
                        <label>"Maximum tasks "
                            <input type="number" min="1" max=MAX_TASKS_LIMIT step="1" data-testid="max"
                                prop:value=move || params.with(|p| p.max_tasks.to_string())
                                on:change=move |ev| { let n = field_whole(&ev); params.update(|p| p.max_tasks = n) }/>
                        </label>
                    </div>
                    {slider("Scale-out cooldown", "out", (0.0, 900.0, 30.0), with(|p| f64::from(p.scale_out_cooldown_s)),
                        move |x| params.update(|p| p.scale_out_cooldown_s = seconds(x)),
                        move || format::span(params.with(|p| p.scale_out_cooldown_s)))}
                    {slider("Scale-in cooldown", "in", (0.0, 1_800.0, 30.0), with(|p| f64::from(p.scale_in_cooldown_s)),
                        move |x| params.update(|p| p.scale_in_cooldown_s = seconds(x)),
                        move || format::span(params.with(|p| p.scale_in_cooldown_s)))}
                    {slider("Provisioning (launch to running)", "provisioning", (0.0, 300.0, 5.0), with(|p| f64::from(p.provisioning_s)),
                        move |x| params.update(|p| p.provisioning_s = seconds(x)),
                        move || format::span(params.with(|p| p.provisioning_s)))}
                    {slider("Health-check interval", "hc-interval", (5.0, 300.0, 5.0), with(|p| f64::from(p.health_check_interval_s)),
                        move |x| params.update(|p| p.health_check_interval_s = seconds(x)),
                        move || format::span(params.with(|p| p.health_check_interval_s)))}
                    <fieldset class="inline">
                        <legend>"Target tracking's scale-in"</legend>
                        {ScaleInRule::ALL.map(|x| view! {
                            <label><input type="radio" name="scalein" data-testid=format!("scalein-{}", x.slug())
                                prop:checked=move || rule() == x
                                on:change=move |_| params.update(|p| p.scale_in_rule = x)/>" "{x.slug()}</label>
                        })}
                    </fieldset>
                    <p class="note">{move || rule().explanation()}</p>
                    <CompareControl params/>
                    <label>"Fixed fleet, tasks "
                        <input type="number" min="1" max=MAX_TASKS_LIMIT step="1" data-testid="fixed"
                            prop:value=move || params.with(|p| p.fixed_tasks.to_string())
                            on:change=move |ev| { let n = field_whole(&ev); params.update(|p| p.fixed_tasks = n) }/>
                    </label>
                </fieldset>
            </div>
        </section>
    }
}

/// A slider's value as whole seconds; the slider's own range keeps it small.
fn seconds(x: f64) -> u32 {
    if x.is_finite() && x > 0.0 {
        // `as` saturates; the model rejects anything past its limits in words.
        x.round() as u32
    } else {
        0
    }
}

/// Which two policies run side by side (the second may be left out).
#[component]
fn CompareControl(params: RwSignal<AutoscalingParams>) -> impl IntoView {
    let slot = move |i: usize| params.with(|p| p.policies.get(i).copied());
    let choose = move |i: usize, choice: Option<Policy>| {
        params.update(|p| {
            let mut pair = [p.policies.first().copied(), p.policies.get(1).copied()];
            // Choosing the policy the other side shows swaps the two sides.
            let other = pair[1 - i.min(1)];
            if choice.is_some() && choice == other {
                pair.swap(0, 1);
            } else if let Some(s) = pair.get_mut(i) {
                *s = choice;
            }
            p.policies = pair.into_iter().flatten().collect();
        })
    };
    let options = move |i: usize, none: bool| {
        let current = move || slot(i).map_or("", |p| p.slug());
        view! {
            <select data-testid=format!("compare-{}", i + 1) prop:value=current
                on:change=move |ev| choose(i, Policy::from_slug(&event_target_value(&ev)))>
                {none.then(|| view! { <option value="">"none"</option> })}
                {Policy::ALL.map(|p| view! { <option value=p.slug() selected=move || slot(i) == Some(p)>{p.title()}</option> })}
            </select>
        }
    };
    view! {
        <div class="compare">
            <label>"Compare "{options(0, false)}</label>
            <label>" with "{options(1, true)}</label>
        </div>
    }
}

#[component]
fn SizingPanel(sizing: Memo<Result<Sizing, String>>) -> impl IntoView {
    let row = move |label: &'static str,
                    testid: &'static str,
                    printed: &'static str,
                    expected: u32,
                    pick: fn(&Sizing) -> SizingRow| {
        let value = move || sizing.with(|s| s.as_ref().ok().map(pick));
        let agrees = Signal::derive(move || value().is_some_and(|r| r.tasks == expected));
        view! {
            <tr>
                <th scope="row">{label}</th>
                <td>{move || value().map(|r| format::per_s(r.edge_per_s)).unwrap_or_default()}</td>
                <td>{move || value().map(|r| format::percent(r.cdn_hit_ratio, 0)).unwrap_or_default()}</td>
                <td>{move || value().map(|r| format::per_s(r.origin_per_s)).unwrap_or_default()}</td>
                <td class="big" data-testid=testid>{move || value().map(|r| r.tasks.to_string()).unwrap_or_default()}</td>
                <td><WorkedExample printed agrees/></td>
            </tr>
        }
    };
    view! {
        <section aria-labelledby="sizing-heading">
            <h2 id="sizing-heading">"Sizing: how many tasks a load needs"</h2>
            <p class="formula">"N = ⌈ L ÷ (capacity × target) ⌉, with L the load that reaches the origin = edge load × (1 − CDN hit ratio)"</p>
            <table class="sizing">
                <thead><tr>
                    <th scope="col">"load"</th><th scope="col">"at the edge"</th><th scope="col">"CDN hits"</th>
                    <th scope="col">"at the origin"</th><th scope="col">"tasks N"</th><th scope="col"><span class="visually-hidden">"worked example"</span></th>
                </tr></thead>
                <tbody>
                    {row("Base, without a CDN", "sizing-without-cdn", "14", printed::TASKS_WITHOUT_CDN, |s| s.without_cdn)}
                    {row("Base, behind the CDN", "sizing-steady", "2", printed::TASKS_STEADY, |s| s.steady)}
                    {row("Peak, behind the CDN", "sizing-burst", "8", printed::TASKS_BURST, |s| s.burst)}
                </tbody>
            </table>
            {move || sizing.with(|s| s.as_ref().err().map(|why| view! { <p class="problems" role="alert">{why.clone()}</p> }))}
            <p class="note">{CAPACITY_NOTE}</p>
        </section>
    }
}

#[component]
fn PlayerBar(player: Player, params: RwSignal<AutoscalingParams>) -> impl IntoView {
    let at = move || player.at_s.get().unwrap_or_else(|| player.duration_s.get());
    view! {
        <div class="player" role="group" aria-label="Animation">
            <button data-testid="play" aria-pressed=move || player.playing.get().to_string()
                on:click=move |_| if player.playing.get_untracked() { player.pause() } else { player.play() }>
                {move || if player.playing.get() { "Pause" } else { "Play" }}
            </button>
            <button data-testid="step" title="One minute forward (one series point on runs longer than a day)"
                on:click=move |_| player.step()>"Step"</button>
            <button data-testid="end" on:click=move |_| player.to_end()>"Jump to the end"</button>
            <label>"Speed "
                <select data-testid="speed" prop:value=move || player.speed.get().to_string()
                    on:change=move |ev| if let Ok(s) = event_target_value(&ev).parse() { player.speed.set(s) }>
                    {SPEEDS.map(|(s, label)| view! { <option value=s.to_string() selected=move || player.speed.get() == s>{label}</option> })}
                </select>
            </label>
            <output data-testid="playhead" aria-live="off">
                {move || format::clock(at())}" of "{move || format::clock(params.with(|p| p.duration_s))}
            </output>
        </div>
    }
}

/// Time on the x axis: minutes for runs up to six hours, hours beyond.
fn time_axis(duration_s: u32) -> (f64, &'static str) {
    if duration_s > 6 * 3_600 {
        (3_600.0, "time, hours")
    } else {
        (60.0, "time, minutes")
    }
}

#[component]
fn LoadChart(outcome: Outcome, player: Player) -> impl IntoView {
    let spec = Signal::derive(move || {
        let at = player.at_s.get();
        let (unit, x_label) = time_axis(player.duration_s.get());
        outcome.with(|o| {
            let series = o
                .as_ref()
                .ok()
                .and_then(|o| o.runs.first())
                .map(|r| &r.series);
            let line = |label: &str, tone, value: fn(&SeriesPoint) -> f64| Series {
                label: label.into(),
                points: series
                    .into_iter()
                    .flatten()
                    .map(|p| (f64::from(p.t_s) / unit, value(p)))
                    .collect(),
                tone,
                mark: Mark::Line,
            };
            let mut spec = ChartSpec::new(x_label, "req/s")
                .x(0.0..f64::from(player.duration_s.get()) / unit)
                .series([
                    line("at the edge", Tone::First, |p| p.edge_per_s),
                    line("at the origin", Tone::Second, |p| p.origin_per_s),
                ])
                .fit_y();
            reveal(&mut spec, at.map(|a| f64::from(a) / unit));
            spec
        })
    });
    let summary = Signal::derive(move || {
        let at = player.at_s.get();
        outcome.with(|o| match o.as_ref().ok().and_then(|o| o.runs.first().map(|r| (o, r))) {
            Some((o, r)) => {
                let now = now_point(&r.series, at);
                format!(
                    "Load to {}: {} at the edge, {} at the origin. Peak of the run: {} at the edge, {} at the origin.",
                    format::clock(now.map_or(0, |p| p.t_s)),
                    format::per_s(now.map_or(0.0, |p| p.edge_per_s)),
                    format::per_s(now.map_or(0.0, |p| p.origin_per_s)),
                    format::per_s(o.peak_edge_per_s),
                    format::per_s(o.peak_origin_per_s),
                )
            }
            None => "No chart: the input is not valid.".into(),
        })
    });
    view! {
        <h3>"Load: the CDN absorbs most of it before the origin"</h3>
        <Chart spec summary testid="load-chart"/>
    }
}

/// Keeps the points at or before the playhead (every point when it is at the end).
fn reveal(spec: &mut ChartSpec, at: Option<f64>) {
    if let Some(at) = at {
        for s in &mut spec.series {
            s.points.retain(|p| p.0 <= at + 1e-9);
        }
    }
}

/// The last point shown at the playhead.
fn now_point(series: &[SeriesPoint], at: Option<u32>) -> Option<&SeriesPoint> {
    series
        .iter()
        .take_while(|p| Player::shows(at, p.t_s))
        .last()
}

#[component]
fn RunColumn(
    params: RwSignal<AutoscalingParams>,
    outcome: Outcome,
    player: Player,
    i: usize,
) -> impl IntoView {
    let policy = move || {
        outcome.with(|o| {
            o.as_ref()
                .ok()
                .and_then(|o| o.runs.get(i))
                .map(|r| r.policy)
        })
    };
    let title = move || policy().map_or("", |p| p.title());
    let slug = move || policy().map_or("none", |p| p.slug());
    let with_run = move |f: &dyn Fn(&PolicyRun) -> String| {
        outcome.with(|o| {
            o.as_ref()
                .ok()
                .and_then(|o| o.runs.get(i))
                .map(f)
                .unwrap_or_default()
        })
    };
    let now = move || {
        let at = player.at_s.get();
        with_run(&|r| match now_point(&r.series, at) {
            Some(p) => format!(
                "{}: {} of {} tasks in service, CPU {}, dropping {}",
                format::clock(p.t_s),
                p.in_service,
                p.desired,
                format::percent(p.cpu, 0),
                format::per_s(p.dropped_per_s)
            ),
            None => String::new(),
        })
    };
    let tasks_spec = Signal::derive(move || {
        let at = player.at_s.get();
        let (unit, x_label) = time_axis(player.duration_s.get());
        outcome.with(|o| {
            let run = o.as_ref().ok().and_then(|o| o.runs.get(i));
            let step = |label: &str, tone, value: fn(&SeriesPoint) -> u32| Series {
                label: label.into(),
                points: run
                    .into_iter()
                    .flat_map(|r| &r.series)
                    .map(|p| (f64::from(p.t_s) / unit, f64::from(value(p))))
                    .collect(),
                tone,
                mark: Mark::Step,
            };
            let mut spec = ChartSpec::new(x_label, "tasks")
                .x(0.0..f64::from(player.duration_s.get()) / unit)
                .series([
                    step("desired", Tone::First, |p| p.desired),
                    step("in service", Tone::Third, |p| p.in_service),
                ])
                .fit_y();
            reveal(&mut spec, at.map(|a| f64::from(a) / unit));
            spec
        })
    });
    let tasks_summary = Signal::derive(move || {
        let at = player.at_s.get();
        with_run(&|r| {
            let shown = r.series.iter().take_while(|p| Player::shows(at, p.t_s));
            let peak = shown.clone().map(|p| p.desired).max().unwrap_or(0);
            let now = shown.last();
            format!(
                "{} tasks to {}: {} desired, {} in service; the most desired so far {}.",
                r.policy.title(),
                format::clock(now.map_or(0, |p| p.t_s)),
                now.map_or(0, |p| p.desired),
                now.map_or(0, |p| p.in_service),
                peak
            )
        })
    });
    let cpu_spec = Signal::derive(move || {
        let at = player.at_s.get();
        let (unit, x_label) = time_axis(player.duration_s.get());
        outcome.with(|o| {
            let run = o.as_ref().ok().and_then(|o| o.runs.get(i));
            let end = f64::from(player.duration_s.get()) / unit;
            let mut spec = ChartSpec::new(x_label, "CPU, %")
                .x(0.0..end)
                .y(0.0..105.0)
                .series([Series::line(
                    run.map_or("CPU", |r| r.policy.cpu_meaning()),
                    run.into_iter()
                        .flat_map(|r| &r.series)
                        .map(|p| (f64::from(p.t_s) / unit, p.cpu * 100.0))
                        .collect(),
                    Tone::Fourth,
                )]);
            if let Some((low, high)) = run.and_then(|r| r.cpu_band) {
                spec = spec.band(low * 100.0, high * 100.0);
            }
            reveal(&mut spec, at.map(|a| f64::from(a) / unit));
            // The target is a reference line: drawn across the whole run at once.
            if run.is_some_and(|r| r.policy != Policy::Fixed) {
                let target = params.with(|p| p.cpu_target) * 100.0;
                spec.series.push(Series {
                    label: "target".into(),
                    points: vec![(0.0, target), (end, target)],
                    tone: Tone::Muted,
                    mark: Mark::Dashed,
                });
            }
            spec
        })
    });
    let cpu_summary = Signal::derive(move || {
        let at = player.at_s.get();
        with_run(&|r| {
            let now = now_point(&r.series, at);
            let band = r.cpu_band.map_or(
                String::from("no target: the fleet never changes"),
                |(lo, hi)| {
                    format!(
                        "it acts outside {}–{}",
                        format::percent(lo, 0),
                        format::percent(hi, 0)
                    )
                },
            );
            format!(
                "{} CPU to {}: {}; {}.",
                r.policy.title(),
                format::clock(now.map_or(0, |p| p.t_s)),
                format::percent(now.map_or(0.0, |p| p.cpu), 0),
                band
            )
        })
    });
    view! {
        <div class="run" data-testid=move || format!("run-{}", slug())>
            <h3>{title}</h3>
            <p class="now" data-testid=move || format!("now-{}", slug())>{now}</p>
            <Chart spec=tasks_spec summary=tasks_summary testid="tasks-chart"/>
            <Chart spec=cpu_spec summary=cpu_summary testid="cpu-chart"/>
        </div>
    }
}

#[component]
fn Figures(params: RwSignal<AutoscalingParams>, outcome: Outcome) -> impl IntoView {
    type Cell = fn(&AutoscalingOutcome, &PolicyRun) -> String;
    let rows: [(&str, &str, Cell); 9] = [
        ("Requests dropped", "dropped", |_, r| {
            format!(
                "{} ({})",
                format::whole(r.dropped_requests),
                format::percent(r.dropped_share, 2)
            )
        }),
        ("Minutes with drops", "bad-minutes", |_, r| {
            r.bad_minutes.to_string()
        }),
        ("First scale-out", "first-out", |o, r| {
            match (r.first_scale_out_s, r.reaction_s) {
                (Some(t), Some(after)) if o.spike_start_s.is_some() => {
                    format!(
                        "{} ({} after the spike)",
                        format::clock(t),
                        format::span(after)
                    )
                }
                (Some(t), _) => format::clock(t),
                (None, _) => "none".into(),
            }
        }),
        ("Most tasks", "peak", |_, r| r.peak_desired.to_string()),
        ("Beyond what the peak needs", "overshoot", |o, r| {
            match r.overshoot_tasks {
                Some(0) => "none".into(),
                Some(n) => format!("{n} more than the {} the peak needs", o.tasks_for_peak),
                None => "—".into(),
            }
        }),
        ("Turns between growing and shrinking", "flaps", |_, r| {
            r.direction_changes.to_string()
        }),
        ("Scaling actions", "events", |_, r| {
            r.events.len().to_string()
        }),
        ("Task-hours", "task-hours", |_, r| {
            format!("{:.2}", r.task_hours)
        }),
        ("Cost at Fargate prices", "cost", |o, r| {
            format!(
                "{} ({} a task-hour)",
                format::usd(r.cost_usd),
                format::usd_price(o.task_hour_usd)
            )
        }),
    ];
    view! {
        <h3>"What each policy cost and dropped"</h3>
        {move || outcome.with(|o| o.as_ref().ok().map(|o| view! {
            <table class="figures-table" data-testid="figures">
                <thead><tr>
                    <th scope="col">"over the whole run"</th>
                    {o.runs.iter().map(|r| view! { <th scope="col">{r.policy.title()}</th> }).collect_view()}
                </tr></thead>
                <tbody>
                    {rows.iter().map(|(label, key, cell)| view! {
                        <tr>
                            <th scope="row">{*label}</th>
                            {o.runs.iter().map(|r| view! {
                                <td data-testid=format!("{key}-{}", r.policy.slug())>{cell(o, r)}</td>
                            }).collect_view()}
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            <p class="note" data-testid="startup">{format!(
                "A new task takes traffic {} after launch: {} to start, then its first health check one interval ({}) later. Fargate bills it from launch.",
                format::span(o.startup_delay_s),
                format::span(params.with(|p| p.provisioning_s)),
                format::span(params.with(|p| p.health_check_interval_s)),
            )}" "<WorkedExample printed=photoshare::autoscaling::SCALE_OUT_PRINTED agrees=o.startup_agrees/></p>
        }))}
    }
}

#[component]
fn HowItWorks() -> impl IntoView {
    view! {
        <DocumentedSection items=&DOCUMENTED/>
        <section aria-labelledby="model-heading">
            <h2 id="model-heading">"How the lab models it"</h2>
            <p>
                "Fast out, slow in: the worked example scales out after a 60 s cooldown and in after 300 s, because a dropped user "
                "costs far more than a few spare tasks for five minutes. The flapping scenario shows what symmetric cooldowns and an "
                "eager scale-in do: count the turns between growing and shrinking."
            </p>
            <h3>"Why warm-up matters"</h3>
            <p data-testid="warm-up-note">{WARM_UP_NOTE}</p>
            <h3>"Overload"</h3>
            <p>{OVERLOAD_MODEL}</p>
            <h3>"A careful reader's note: a 7.5× burst"</h3>
            <p class="careful-note" data-testid="burst-note">{BURST_NOTE}" "<cite>{BURST_NOTE_SOURCE}</cite></p>
        </section>
    }
}
