//! Autoscaling loop — the lesson of §3: a scaler sees load only through a lagging
//! metric and adds capacity that arrives a minute late, so a spike always meets a
//! few minutes of saturated tasks and dropped requests. Cooldowns and a slow
//! scale-in trade those drops against task-hours; remove capacity as eagerly as
//! you add it and the fleet flaps. The same load runs through two policies side
//! by side, and the sizing formula N = ⌈L ÷ (capacity × target)⌉ sits beside them.
//!
//! The model simulates the whole run once per change of the params; the
//! animation only moves a playhead that reveals the points already computed.

use crate::chart::{Chart, ChartSpec, Mark, Series, Tone, Unit, NO_CHART};
use crate::documented::DocumentedSection;
use crate::field::{Choices, Number, Slider};
use crate::format;
use crate::frame::{demo_page, Page};
use crate::playhead::{use_playhead, Playhead};
use crate::results::{problems_view, row_count, text_of, Results, Section};
use crate::rows::indexed;
use crate::scroll_box::ScrollBox;
use crate::stage::{Stage, StageChart, StageControls, StageFigures, Why};
use cloud_lab_model::autoscaling::*;
use cloud_lab_model::claim::Claim;
use cloud_lab_model::link::Query;
use leptos::prelude::*;

pub fn page(query: &Query) -> AnyView {
    demo_page::<Autoscaling, _>(query, |page: Page<Autoscaling>| {
        let (params, outcome) = (page.params, page.outcome);
        let sizing = Memo::new(move |_| params.with(sizing));
        let player = Player::new(params);
        let runs = row_count(outcome, |o| &o.runs);
        type P = AutoscalingParams;
        view! {
            <Stage label="A spike against the scaler">
                <StageControls slot>
                    <Slider params field=P::SPIKE_FACTOR travel=(1.0, 20.0)/>
                    <Slider params field=P::SCALE_OUT_COOLDOWN_S travel=(0.0, 900.0)/>
                    <Slider params field=P::SCALE_IN_COOLDOWN_S travel=(0.0, 1_800.0)/>
                </StageControls>
                <StageFigures slot><Headline outcome/></StageFigures>
                <StageChart slot><LoadChart outcome player/></StageChart>
            </Stage>
            {problems_view(outcome)}
            <Presets params/>
            <Controls params/>
            <SizingPanel page sizing/>
            <Results invalid=move || outcome.with(|o| o.is_err()) id="run" heading="The same load through each policy">
                <PlayerBar player params/>
                <div class="runs">
                    {indexed(runs.into(), Callback::new(move |i| view! { <RunColumn params outcome player i/> }.into_any()))}
                </div>
                <Figures page/>
            </Results>
            <HowItWorks/>
        }
    })
}

type Outcome = Memo<Result<AutoscalingOutcome, Vec<String>>>;
type AutoscalingClaim = Claim<AutoscalingParams, AutoscalingOutcome>;

/// Simulated seconds per real second the speed control offers.
const SPEEDS: [(u32, &str); 4] = [
    (60, "1 min a second"),
    (300, "5 min a second"),
    (900, "15 min a second"),
    (3_600, "1 hour a second"),
];

/// The animation: the lab's playhead over the computed run, which it only reveals (it is
/// neither in the params nor in the link). A playhead moved on other params than the
/// current ones shows the whole new run until it is moved again, unless it is playing.
#[derive(Clone, Copy)]
struct Player {
    playhead: Playhead,
    params: RwSignal<AutoscalingParams>,
    /// The params the playhead was last moved on; kept out of the reactive graph.
    moved_on: StoredValue<AutoscalingParams>,
    duration_s: Signal<u32>,
    /// One metric datapoint, or one series point where they are coarser.
    step_s: Signal<u32>,
}

impl Player {
    fn new(params: RwSignal<AutoscalingParams>) -> Player {
        let duration_s = Signal::derive(move || params.with(|p| p.duration_s));
        Player {
            playhead: use_playhead(duration_s),
            params,
            moved_on: StoredValue::new(params.get_untracked()),
            duration_s,
            step_s: Signal::derive(move || {
                params.with(|p| series_step_s(p.duration_s).max(DATAPOINT_S))
            }),
        }
    }

    /// Seconds into the run shown; `None` shows the whole run.
    fn at_s(self) -> Option<u32> {
        let at = self.playhead.at_s.get();
        let current =
            self.playhead.playing() || self.params.with(|p| self.moved_on.with_value(|m| m == p));
        at.filter(|_| current)
    }

    /// Before the playhead moves: it moves on these params, from the start if the run
    /// it was on is not the one shown.
    fn take_params(self) {
        let stale = self.at_s_untracked().is_none();
        self.moved_on.set_value(self.params.get_untracked());
        if stale {
            self.playhead.at_s.set(None);
        }
    }

    fn at_s_untracked(self) -> Option<u32> {
        untrack(move || self.at_s())
    }

    fn toggle(self) {
        self.take_params();
        self.playhead.toggle();
    }

    /// From the whole run, to the start; then one step on.
    fn step(self) {
        self.take_params();
        if self.playhead.at_s.get_untracked().is_none() {
            self.playhead.seek(0);
        } else {
            self.playhead.step(self.step_s.get_untracked());
        }
    }

    fn to_end(self) {
        self.take_params();
        self.playhead.to_end();
    }

    /// Whether a point at `t_s` is shown.
    fn shows(at: Option<u32>, t_s: u32) -> bool {
        at.is_none_or(|a| t_s <= a)
    }
}

#[component]
fn Presets(params: RwSignal<AutoscalingParams>) -> impl IntoView {
    view! {
        <Section id="presets" heading="Scenarios">
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
        </Section>
    }
}

#[component]
fn Controls(params: RwSignal<AutoscalingParams>) -> impl IntoView {
    type P = AutoscalingParams;
    let profile = move || params.with(|p| p.profile);
    let rule = move || params.with(|p| p.scale_in_rule);
    let points_error = RwSignal::new(None::<(String, String)>);
    let points = move || params.with(|p| points_text(&p.custom_points));
    let spike_profile =
        move || matches!(profile(), LoadProfile::StepSpike | LoadProfile::RampSpike);
    view! {
        <Section id="controls" heading="Load and policy">
            <div class="controls">
                <fieldset>
                    <legend>"Load at the edge"</legend>
                    <Choices params field=P::PROFILE/>
                    <Slider params field=P::EDGE_LOAD_PER_S travel=(0.0, 20_000.0)/>
                    <div class:muted=move || !spike_profile()>
                        <Slider params field=P::SPIKE_START_S travel=(0.0, 21_600.0)/>
                        <Slider params field=P::SPIKE_LENGTH_S travel=(0.0, 21_600.0)/>
                        <Slider params field=P::RAMP_S travel=(0.0, 3_600.0)/>
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
                    <Slider params field=P::NOISE/>
                    <label>"Noise seed "
                        <input type="number" min="0" step="1" data-testid="seed"
                            prop:value=move || params.with(|p| p.seed.to_string())
                            on:change=move |ev| {
                                if let Ok(seed) = event_target_value(&ev).trim().parse::<u64>() {
                                    params.update(|p| p.seed = seed)
                                }
                            }/>
                    </label>
                    <Slider params field=P::CDN_HIT_RATIO travel=(0.0, 99.0)/>
                    <Slider params field=P::DURATION_S travel=(600.0, 172_800.0)/>
                </fieldset>
                <fieldset>
                    <legend>"Tasks and scaler"</legend>
                    <Slider params field=P::CAPACITY_PER_TASK_PER_S travel=(10.0, 600.0)/>
                    <Slider params field=P::CPU_TARGET travel=(10.0, 95.0)/>
                    <div class="counts">
                        <Number params field=P::MIN_TASKS/>
                        <Number params field=P::MAX_TASKS/>
                    </div>
                    <Slider params field=P::PROVISIONING_S travel=(0.0, 300.0)/>
                    <Slider params field=P::HEALTH_CHECK_INTERVAL_S/>
                    <Choices params field=P::SCALE_IN_RULE/>
                    <p class="note">{move || rule().explanation()}</p>
                    <CompareControl params/>
                    <Number params field=P::FIXED_TASKS/>
                </fieldset>
            </div>
        </Section>
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
fn SizingPanel(page: Page<Autoscaling>, sizing: Memo<Result<Sizing, String>>) -> impl IntoView {
    let row = move |label: &'static str,
                    testid: &'static str,
                    claim: &'static AutoscalingClaim,
                    pick: fn(&Sizing) -> SizingRow| {
        let value = move || sizing.with(|s| s.as_ref().ok().map(pick));
        view! {
            <tr>
                <th scope="row">{label}</th>
                <td>{move || value().map(|r| format::per_s(r.edge_per_s)).unwrap_or_default()}</td>
                <td>{move || value().map(|r| format::percent(r.cdn_hit_ratio, 0)).unwrap_or_default()}</td>
                <td>{move || value().map(|r| format::per_s(r.origin_per_s)).unwrap_or_default()}</td>
                <td class="big" data-testid=testid>{move || value().map(|r| r.tasks.to_string()).unwrap_or_default()}</td>
                <td>{page.badge(claim)}</td>
            </tr>
        }
    };
    view! {
        <Section id="sizing" heading="Sizing: how many tasks a load needs">
            <p class="formula">"N = ⌈ L ÷ (capacity × target) ⌉, with L the load that reaches the origin = edge load × (1 − CDN hit ratio)"</p>
            <ScrollBox label="Sizing: tasks for each load"><table class="sizing">
                <thead><tr>
                    <th scope="col">"load"</th><th scope="col">"at the edge"</th><th scope="col">"CDN hits"</th>
                    <th scope="col">"at the origin"</th><th scope="col">"tasks N"</th><th scope="col"><span class="visually-hidden">"worked example"</span></th>
                </tr></thead>
                <tbody>
                    {row("Base, without a CDN", "sizing-without-cdn", &Autoscaling::TASKS_WITHOUT_CDN, |s| s.without_cdn)}
                    {row("Base, behind the CDN", "sizing-steady", &Autoscaling::TASKS_STEADY, |s| s.steady)}
                    {row("Peak, behind the CDN", "sizing-burst", &Autoscaling::TASKS_BURST, |s| s.burst)}
                </tbody>
            </table></ScrollBox>
            {move || sizing.with(|s| s.as_ref().err().map(|why| view! { <p class="problems" role="alert">{why.clone()}</p> }))}
            <p class="note">{CAPACITY_NOTE}</p>
        </Section>
    }
}

#[component]
fn PlayerBar(player: Player, params: RwSignal<AutoscalingParams>) -> impl IntoView {
    let at = move || player.at_s().unwrap_or_else(|| player.duration_s.get());
    view! {
        <div class="player" role="group" aria-label="Animation">
            <button data-testid="play" aria-pressed=move || player.playhead.playing().to_string()
                on:click=move |_| player.toggle()>
                {move || if player.playhead.playing() { "Pause" } else { "Play" }}
            </button>
            <button data-testid="step" title="One minute forward (one series point on runs longer than a day)"
                on:click=move |_| player.step()>"Step"</button>
            <button data-testid="end" on:click=move |_| player.to_end()>"Jump to the end"</button>
            <label>"Speed "
                <select data-testid="speed" prop:value=move || player.playhead.speed.get().to_string()
                    on:change=move |ev| if let Ok(s) = event_target_value(&ev).parse() { player.playhead.speed.set(s) }>
                    {SPEEDS.map(|(s, label)| view! { <option value=s.to_string() selected=move || player.playhead.speed.get() == s>{label}</option> })}
                </select>
            </label>
            <output data-testid="playhead" aria-live="off">
                {move || format::clock(at())}" of "{move || format::clock(params.with(|p| p.duration_s))}
            </output>
        </div>
    }
}

#[component]
fn LoadChart(outcome: Outcome, player: Player) -> impl IntoView {
    let spec = Signal::derive(move || {
        let at = player.at_s();
        outcome.with(|o| {
            let run = o.as_ref().ok().and_then(|o| o.runs.first());
            let points = run.map_or(&[][..], |r| &r.series);
            let mut spec = clock_chart("req/s", player)
                .series([
                    over_time(points, "at the edge", Tone::First, Mark::Line, |p| {
                        p.edge_per_s
                    }),
                    over_time(points, "at the origin", Tone::Second, Mark::Line, |p| {
                        p.origin_per_s
                    }),
                ])
                .fit_y();
            reveal(&mut spec, at.map(f64::from));
            spec
        })
    });
    let summary = Signal::derive(move || {
        let at = player.at_s();
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
            None => NO_CHART.into(),
        })
    });
    view! {
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

/// A chart of a run against the clock of the whole run.
fn clock_chart(y_label: &str, player: Player) -> ChartSpec {
    ChartSpec::new("time", y_label)
        .x(0.0..f64::from(player.duration_s.get()))
        .x_unit(Unit::Clock)
}

/// One quantity of a run over time: a point per sample.
fn over_time(
    points: &[SeriesPoint],
    label: &str,
    tone: Tone,
    mark: Mark,
    value: fn(&SeriesPoint) -> f64,
) -> Series {
    Series {
        label: label.into(),
        points: points
            .iter()
            .map(|p| (f64::from(p.t_s), value(p)))
            .collect(),
        tone,
        mark,
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
        let at = player.at_s();
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
        let at = player.at_s();
        outcome.with(|o| {
            let run = o.as_ref().ok().and_then(|o| o.runs.get(i));
            let points = run.map_or(&[][..], |r| &r.series);
            let mut spec = clock_chart("tasks", player)
                .y_unit(Unit::Count)
                .series([
                    over_time(points, "desired", Tone::First, Mark::Step, |p| {
                        f64::from(p.desired)
                    }),
                    over_time(points, "in service", Tone::Third, Mark::Step, |p| {
                        f64::from(p.in_service)
                    }),
                ])
                .fit_y();
            reveal(&mut spec, at.map(f64::from));
            spec
        })
    });
    let tasks_summary = Signal::derive(move || {
        let at = player.at_s();
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
        let at = player.at_s();
        outcome.with(|o| {
            let run = o.as_ref().ok().and_then(|o| o.runs.get(i));
            let points = run.map_or(&[][..], |r| &r.series);
            let end = f64::from(player.duration_s.get());
            let meaning = run.map_or("CPU", |r| r.policy.cpu_meaning());
            let mut spec = clock_chart("CPU", player)
                .y(0.0..1.05)
                .y_unit(Unit::Percent)
                .series([over_time(points, meaning, Tone::Fourth, Mark::Line, |p| {
                    p.cpu
                })]);
            if let Some((low, high)) = run.and_then(|r| r.cpu_band) {
                spec = spec.band(low, high);
            }
            reveal(&mut spec, at.map(f64::from));
            // The target is a reference line: drawn across the whole run at once.
            if run.is_some_and(|r| r.policy != Policy::Fixed) {
                let target = params.with(|p| p.cpu_target);
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
        let at = player.at_s();
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

/// Run `i`'s text as `f` words it (empty while the input is invalid or the run is going).
fn run_text(outcome: Outcome, i: usize, f: fn(&PolicyRun) -> String) -> Signal<String> {
    text_of(outcome, move |o| o.runs.get(i).map(f))
}

/// What each policy dropped, and the most tasks it ran: the stage's figures, one block per
/// run kept by its place, each figure bound on its own.
#[component]
fn Headline(outcome: Outcome) -> impl IntoView {
    let run = move |i| {
        let text = move |f| run_text(outcome, i, f);
        view! {
            <div>
                <dt>{text(|r| format!("{}: requests dropped", r.policy.title()))}</dt>
                <dd class="big" data-testid=text(|r| format!("drops-{}", r.policy.slug()))>{text(|r| format::percent(r.dropped_share, 2))}</dd>
                <dd>{text(|r| format!("{} requests; at most {} tasks", format::whole(r.dropped_requests), r.peak_desired))}</dd>
            </div>
        }
        .into_any()
    };
    view! {
        <dl class="figures results" aria-live="polite" class:invalid=move || outcome.with(|o| o.is_err())>
            {indexed(row_count(outcome, |o| &o.runs).into(), Callback::new(run))}
        </dl>
    }
}

#[component]
fn Figures(page: Page<Autoscaling>) -> impl IntoView {
    let (params, outcome) = (page.params, page.outcome);
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
    // The table and the note are built while the input is valid; a column per run, kept by its
    // place (choosing other policies renames columns), each cell bound to the outcome.
    let valid = Memo::new(move |_| outcome.with(|o| o.is_ok()));
    let runs: Signal<usize> = row_count(outcome, |o| &o.runs).into();
    let cell = move |i: usize, key: &'static str, words: Cell| {
        let testid = text_of(outcome, move |o| {
            o.runs.get(i).map(|r| format!("{key}-{}", r.policy.slug()))
        });
        let text = text_of(outcome, move |o| o.runs.get(i).map(|r| words(o, r)));
        view! { <td data-testid=testid>{text}</td> }.into_any()
    };
    let heading = move |i| {
        view! { <th scope="col">{run_text(outcome, i, |r| r.policy.title().into())}</th> }
            .into_any()
    };
    let startup = text_of(outcome, move |o| {
        Some(format!(
            "A new task takes traffic {} after launch: {} to start, then its first health check one interval ({}) later. Fargate bills it from launch.",
            format::span(o.startup_delay_s),
            format::span(params.with(|p| p.provisioning_s)),
            format::span(params.with(|p| p.health_check_interval_s)),
        ))
    });
    view! {
        <h3>"What each policy cost and dropped"</h3>
        {move || valid.get().then(|| view! {
            <table class="figures-table" data-testid="figures">
                <thead><tr>
                    <th scope="col">"over the whole run"</th>
                    {indexed(runs, Callback::new(heading))}
                </tr></thead>
                <tbody>
                    {rows.map(|(label, key, words)| view! {
                        <tr>
                            <th scope="row">{label}</th>
                            {indexed(runs, Callback::new(move |i| cell(i, key, words)))}
                        </tr>
                    })}
                </tbody>
            </table>
            <p class="note" data-testid="startup">{startup}" "{page.badge(&Autoscaling::SCALE_OUT)}</p>
        })}
    }
}

#[component]
fn HowItWorks() -> impl IntoView {
    view! {
        <DocumentedSection items=&DOCUMENTED/>
        <Section id="model" heading="How the lab models it">
            <Why summary="Fast out, slow in; warm-up; overload">
                <p>
                    "Fast out, slow in: the worked example scales out after a 60 s cooldown and in after 300 s, because a dropped user "
                    "costs far more than a few spare tasks for five minutes. The flapping scenario shows what symmetric cooldowns and an "
                    "eager scale-in do: count the turns between growing and shrinking."
                </p>
                <h3>"Why warm-up matters"</h3>
                <p data-testid="warm-up-note">{WARM_UP_NOTE}</p>
                <h3>"Overload"</h3>
                <p>{OVERLOAD_MODEL}</p>
            </Why>
            <h3>"A careful reader's note: a 7.5× burst"</h3>
            <p class="careful-note" data-testid="burst-note">{BURST_NOTE}" "<cite>{BURST_NOTE_SOURCE}</cite></p>
        </Section>
    }
}
